from django.contrib import admin
from django.templatetags.static import static
from django.urls import include, path
from django.views.generic import RedirectView

from claims.admin.login import admin_login_view

urlpatterns = [
    # Before the admin's own routes: its login, with the login limit.
    path("admin/login/", admin_login_view, name="admin-login"),
    path("admin/", admin.site.urls),
    path("api/", include("claims.api.urls")),
    path("", include("claims.web.urls")),
    # Browsers and feed readers ask for /favicon.ico whatever the page says: the site's own icon.
    path("favicon.ico", RedirectView.as_view(url=static("web/favicon.svg"), permanent=True), name="favicon"),
]

# A body Django will not read (too large: claims/request_limits.py) gets a page or JSON that says why.
handler400 = "claims.request_limits.bad_request"
