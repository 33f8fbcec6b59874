"""Rendering with what every page's header needs: who is logged in, in which role."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from claims.roles import User
from claims.selectors.inbox import inbox_new_count
from claims.services.abilities import can_create_claims, can_import, can_review, role_names, sees_captures, sees_inbox

# The roles in the reader's language (role_names gives them by their permission names).
ROLE_WORDS = {"editor": gettext_lazy("editor"), "reviewer": gettext_lazy("reviewer")}


def role_label(user: User) -> str:
    if not user.is_authenticated:
        return ""
    if getattr(user, "is_superuser", False):
        return _("superuser")
    return _(" and ").join(str(ROLE_WORDS.get(name, name)) for name in role_names(user)) or _("reader")


def render_page(request: HttpRequest, template: str, context: dict, *, status: int = 200) -> HttpResponse:
    header = {
        "can_review": can_review(request.user),
        "can_create": can_create_claims(request.user),
        "can_import": can_import(request.user),
        "sees_captures": sees_captures(request.user),
        "role_label": role_label(request.user),
        "sees_inbox": sees_inbox(request.user),
        # One count on the state index, for the nav: how many items wait.
        "inbox_count": inbox_new_count(request.user),
    }
    return render(request, template, {**header, **context}, status=status)
