"""/admin/login/: the admin's own login view and template, with the login limit of /login/."""

from django.contrib import admin
from django.contrib.admin.forms import AdminAuthenticationForm
from django.http import HttpRequest, HttpResponse

from claims.security.login_form import LoginLimitMixin, lockout_status


class LimitedAdminAuthenticationForm(LoginLimitMixin, AdminAuthenticationForm):
    pass


admin.site.login_form = LimitedAdminAuthenticationForm


def admin_login_view(request: HttpRequest) -> HttpResponse:
    """The admin site's login, answering 429 while the login is locked (the root urls route it here)."""
    response = admin.site.login(request)
    return lockout_status(response, (getattr(response, "context_data", None) or {}).get("form"))
