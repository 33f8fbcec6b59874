"""Rendering with what every page's header needs: who is logged in, in which role."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from claims.roles import User, is_editor, is_reviewer


def role_label(user: User) -> str:
    if not user.is_authenticated:
        return ""
    if getattr(user, "is_superuser", False):
        return "superuser"
    roles = [name for name, has in (("editor", is_editor(user)), ("reviewer", is_reviewer(user))) if has]
    return " and ".join(roles) or "reader"


def render_page(request: HttpRequest, template: str, context: dict, *, status: int = 200) -> HttpResponse:
    header = {"can_review": is_reviewer(request.user), "role_label": role_label(request.user)}
    return render(request, template, {**header, **context}, status=status)
