from django.contrib import admin
from django.templatetags.static import static
from django.urls import include, path
from django.views.generic import RedirectView

from claims.admin.login import admin_login_view


class FaviconView(RedirectView):
    """To the icon's static file, its name asked of the storage at request time: with the manifest
    storage of production the hashed name exists only once collectstatic has run."""

    permanent = True

    def get_redirect_url(self, *args: object, **kwargs: object) -> str:
        return static("web/favicon.svg")


urlpatterns = [
    # Before the admin's own routes: its login, with the login limit.
    path("admin/login/", admin_login_view, name="admin-login"),
    path("admin/", admin.site.urls),
    path("api/", include("claims.api.urls")),
    # set_language: the switcher on every page posts here (docs/i18n.md).
    path("i18n/", include("django.conf.urls.i18n")),
    path("", include("claims.web.urls")),
    # Browsers and feed readers ask for /favicon.ico whatever the page says: the site's own icon.
    path("favicon.ico", FaviconView.as_view(), name="favicon"),
]

# A body Django will not read (too large: claims/request_limits.py) gets a page or JSON that says why.
handler400 = "claims.request_limits.bad_request"
