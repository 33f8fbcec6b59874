"""The review workflow in the admin: changelist actions and buttons on the claim page.

Both call claims.services.workflow and show its message; what a user may do,
and when, is decided there alone. The buttons offered are the steps the service
would allow now.
"""

from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse

from claims.admin.forms import CommentForm, show_refusal
from claims.errors import DomainError
from claims.models import Claim
from claims.services.workflow import APPROVE, REJECT, RETRACT, STEPS, SUBMIT, Step, claim_transition, steps_for

DONE = {
    SUBMIT.name: "submitted for review",
    APPROVE.name: "approved",
    REJECT.name: "rejected",
    RETRACT.name: "retracted",
}


def _page(
    request: HttpRequest, modeladmin: admin.ModelAdmin, step: Step, form: CommentForm, **context: object
) -> TemplateResponse:
    return TemplateResponse(
        request,
        "admin/claims/reason_form.html",
        {
            **modeladmin.admin_site.each_context(request),
            "opts": modeladmin.model._meta,
            "title": f"{step.label} claim",
            "submit_label": step.label,
            "field_label": (step.needs_comment or "comment (optional)").capitalize(),
            "form": form,
            **context,
        },
    )


def _take(
    modeladmin: admin.ModelAdmin, request: HttpRequest, queryset: QuerySet, step: Step, comment: str
) -> DomainError | None:
    """Take the step on every selected claim; returns the error on the comment, if that was the refusal."""
    done = 0
    for claim in queryset:
        try:
            claim_transition(claim=claim, step=step.name, by=request.user, comment=comment)
            done += 1
        except DomainError as error:
            if step.needs_comment and error.field == step.needs_comment:
                return error
            modeladmin.message_user(request, f"{claim}: {error.message}", messages.ERROR)
    if done:
        modeladmin.message_user(request, f"{done} claim(s) {DONE[step.name]}.", messages.SUCCESS)
    return None


def _action(step: Step, permission: str) -> object:
    def action(modeladmin: admin.ModelAdmin, request: HttpRequest, queryset: QuerySet) -> HttpResponse | None:
        form = CommentForm(request.POST if "apply" in request.POST else None)
        if not step.needs_comment or form.is_valid():
            comment = form.cleaned_data["comment"] if form.is_bound else ""
            error = _take(modeladmin, request, queryset, step, comment)
            if error is None:
                return None
            show_refusal(form, error)
        return _page(
            request,
            modeladmin,
            step,
            form,
            queryset=queryset,
            action=action.__name__,
            action_checkbox_name=helpers.ACTION_CHECKBOX_NAME,
        )

    action.__name__ = f"{step.name}_selected"
    return admin.action(description=f"{step.label} the selected claims", permissions=[permission])(action)


class ReviewMixin:
    """Review actions and per-claim step pages for ClaimAdmin."""

    actions = [
        _action(SUBMIT, "submit"),
        _action(APPROVE, "review"),
        _action(REJECT, "review"),
        _action(RETRACT, "review"),
    ]

    # Offer the actions to those the service would let through; it still decides each claim.
    def has_submit_permission(self, request: HttpRequest) -> bool:
        return request.user.has_perm(SUBMIT.permission)

    def has_review_permission(self, request: HttpRequest) -> bool:
        return request.user.has_perm(APPROVE.permission)

    def change_view(
        self, request: HttpRequest, object_id: str, form_url: str = "", extra_context: dict | None = None
    ) -> HttpResponse:
        claim = self.get_object(request, unquote(object_id))
        steps = steps_for(claim, request.user) if claim is not None else []
        return super().change_view(request, object_id, form_url, {**(extra_context or {}), "review_steps": steps})

    def review_step_view(self, request: HttpRequest, object_id: str, step: str) -> HttpResponse:
        claim: Claim | None = self.get_object(request, unquote(object_id))
        if claim is None or step not in STEPS:
            raise Http404("No such claim or review step.")
        if not self.has_view_permission(request, claim):
            raise PermissionDenied
        chosen = STEPS[step]
        change_url = reverse("admin:claims_claim_change", args=[claim.pk])
        form = CommentForm(request.POST if request.method == "POST" else None)
        if form.is_valid():
            try:
                claim_transition(claim=claim, step=step, by=request.user, comment=form.cleaned_data["comment"])
            except DomainError as error:
                if not (chosen.needs_comment and error.field == chosen.needs_comment):
                    self.message_user(request, error.message, messages.ERROR)
                    return HttpResponseRedirect(change_url)
                show_refusal(form, error)
            else:
                self.message_user(request, f"Claim {DONE[step]}.", messages.SUCCESS)
                return HttpResponseRedirect(change_url)
        return _page(request, self, chosen, form, original=claim)
