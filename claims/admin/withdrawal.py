"""Withdraw instead of delete: an action that asks for the reason, then calls the service."""

from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.db.models import QuerySet
from django.http import HttpRequest
from django.template.response import TemplateResponse
from django.utils.html import format_html

from claims.admin.forms import ReasonForm, show_refusal
from claims.errors import DomainError


@admin.action(description="Withdraw the selected rows, with a reason", permissions=["change"])
def withdraw_selected(
    modeladmin: admin.ModelAdmin, request: HttpRequest, queryset: QuerySet
) -> TemplateResponse | None:
    opts = modeladmin.model._meta
    form = ReasonForm(request.POST if "apply" in request.POST else None)
    if form.is_valid():
        done, refused = 0, []
        for row in queryset:
            try:
                modeladmin.services.withdraw(
                    **{modeladmin.services.noun: row}, reason=form.cleaned_data["reason"], by=request.user
                )
                done += 1
            except DomainError as error:
                if error.field == "reason":  # the same for every row: ask again
                    show_refusal(form, error)
                    break
                refused.append(f"{row}: {error.message}")
        if form.is_valid():
            if done:
                modeladmin.message_user(request, f"Withdrew {done} {opts.verbose_name_plural}.", messages.SUCCESS)
            for message in refused:
                modeladmin.message_user(request, message, messages.ERROR)
            return None
    context = {
        **modeladmin.admin_site.each_context(request),
        "title": f"Withdraw {opts.verbose_name_plural}",
        "opts": opts,
        "queryset": queryset,
        "form": form,
        "action": "withdraw_selected",
        "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
        "explanation": "Withdrawn rows stay in the record with who withdrew them, when and why; "
        "they no longer count towards confidence.",
    }
    return TemplateResponse(request, "admin/claims/reason_form.html", context)


def withdrawn_note(row: object) -> str:
    """The withdrawal of a row, for list columns and read-only displays."""
    if getattr(row, "withdrawn_at", None) is None:
        return "current"
    return format_html("withdrawn {}: {}", f"{row.withdrawn_at:%Y-%m-%d}", row.withdrawn_reason)
