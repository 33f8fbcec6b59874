"""Rendering with what every page's header needs: who is logged in, in which role."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from claims.roles import User
from claims.selectors.inbox import inbox_new_count
from claims.services.abilities import can_create_claims, can_import, can_review, role_names, sees_captures, sees_inbox


def role_label(user: User) -> str:
    if not user.is_authenticated:
        return ""
    if getattr(user, "is_superuser", False):
        return "superuser"
    return " and ".join(role_names(user)) or "reader"


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
