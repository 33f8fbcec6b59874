from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/", include("claims.api.urls")),
    path("", include("claims.web.urls")),
]

# A body Django will not read (too large: claims/request_limits.py) gets a page or JSON that says why.
handler400 = "claims.request_limits.bad_request"
