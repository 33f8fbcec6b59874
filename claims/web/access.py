"""Who reaches which page, by what the services say the user may do (claims/services/abilities.py).

Writes need no gate here: the services check permissions and the view shows
their refusal. These helpers only send anonymous visitors to the login page and
keep the review queue, a reviewer's worktable, to reviewers.
"""

from collections.abc import Callable
from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.urls import reverse

from claims.services.abilities import can_review

View = Callable[..., HttpResponse]


def login_url() -> str:
    return reverse("web:login")


def to_login(request: HttpRequest) -> HttpResponse:
    return redirect_to_login(request.get_full_path(), login_url())


def login_required(view: View) -> View:
    @wraps(view)
    def wrapped(request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
        if not request.user.is_authenticated:
            return to_login(request)
        return view(request, *args, **kwargs)

    return wrapped


def reviewer_required(view: View) -> View:
    @wraps(view)
    def wrapped(request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
        if not request.user.is_authenticated:
            return to_login(request)
        if not can_review(request.user):
            raise PermissionDenied("The review queue is for reviewers.")
        return view(request, *args, **kwargs)

    return wrapped
