"""Who reaches which page, by what the services say the user may do (claims/services/abilities.py).

Writes need no gate here: the services check permissions and the view shows
their refusal. These helpers only send anonymous visitors to the login page and
keep a page that is only a form for one kind of write (the review queue, the import
upload) to those the service would let through.
"""

from collections.abc import Callable
from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from claims.services.abilities import can_import, can_review

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


def allowed_only(ability: Callable[[object], bool], refusal: str) -> Callable[[View], View]:
    """The view for those `ability` admits (a question of claims/services/abilities.py)."""

    def decorate(view: View) -> View:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
            if not request.user.is_authenticated:
                return to_login(request)
            if not ability(request.user):
                raise PermissionDenied(refusal)
            return view(request, *args, **kwargs)

        return wrapped

    return decorate


reviewer_required = allowed_only(can_review, _("The review queue is for reviewers."))
importer_required = allowed_only(can_import, _("Importing files of claims is for editors."))
