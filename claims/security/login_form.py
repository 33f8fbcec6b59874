"""The login limit on Django's login forms: the web UI's (/login/) and the admin's (/admin/login/).

A login form with LoginLimitMixin refuses a locked account or address before it
checks the password, counts each failed password, and clears an account's count
on success. The view answers a refused login with 429 and Retry-After
(`lockout_status`); the form shows the lock's message.
"""

from django import forms
from django.http import HttpResponse

from claims.security.client_address import client_address
from claims.security.login_limits import Lockout, login_failure_record, login_lockout, login_success_record


class LoginLimitMixin:
    """For a subclass of django.contrib.auth.forms.AuthenticationForm (it needs the request)."""

    lockout: Lockout | None = None

    def clean(self) -> dict:
        username = self.cleaned_data.get("username") or ""
        address = client_address(self.request)
        self.lockout = login_lockout(username=username, address=address)
        if self.lockout is not None:
            raise forms.ValidationError(self.lockout.message, code="locked")
        try:
            cleaned = super().clean()
        except forms.ValidationError:
            self.lockout = login_failure_record(username=username, address=address)
            if self.lockout is not None:
                raise forms.ValidationError(self.lockout.message, code="locked") from None
            raise
        # Without a password nothing was tried: only a login that found its user clears the count.
        if self.get_user() is not None:
            login_success_record(username=username)
        return cleaned


def lockout_status(response: HttpResponse, form: forms.Form | None) -> HttpResponse:
    """A login page refused for a lock says so in its status, with how long to wait."""
    lockout = getattr(form, "lockout", None)
    if lockout is not None:
        response.status_code = 429
        response["Retry-After"] = str(lockout.seconds_left)
    return response
