"""/login/: Django's LoginView with the login limit (claims/security/login_limits.py)."""

from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import AuthenticationForm
from django.http import HttpResponse

from claims.security.login_form import LoginLimitMixin, lockout_status


class LimitedAuthenticationForm(LoginLimitMixin, AuthenticationForm):
    pass


class LoginView(auth_views.LoginView):
    authentication_form = LimitedAuthenticationForm
    redirect_authenticated_user = True

    def form_invalid(self, form: AuthenticationForm) -> HttpResponse:
        return lockout_status(super().form_invalid(form), form)
