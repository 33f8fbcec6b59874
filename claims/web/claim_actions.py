"""Writes from the claim page: add an appearance, a citation or evidence; take a review step.

Each posts one form; the form calls the service. On success the browser is sent
back to the claim page (so a reload does not post twice); on refusal the claim
page is drawn again with the form, the service's message and the API's status.
"""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from claims.selectors.claims import claim_queryset
from claims.web.access import login_required
from claims.web.capture_forms import CaptureForm
from claims.web.claim_detail import claim_page
from claims.web.forms import AppearanceForm, CitationForm, EvidenceForm, ServiceForm, TransitionForm

FORMS: dict[str, type[ServiceForm]] = {
    "appearance": AppearanceForm,
    "capture": CaptureForm,
    "citation": CitationForm,
    "evidence": EvidenceForm,
    "review": TransitionForm,
}


@require_POST
@login_required
def claim_action_view(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    if action not in FORMS:
        raise Http404(_("No such action."))
    claim = get_object_or_404(claim_queryset(request.user).select_related("created_by"), pk=pk)
    form = FORMS[action](request.POST, claim=claim)
    saved = form.save(by=request.user)
    if saved is not None:
        messages.success(request, form.success_message)
        return redirect(form.next_url(saved) or reverse("web:claim-detail", args=[claim.pk]))
    claim.refresh_from_db()
    return claim_page(request, claim, bound={action: form}, status=form.status_code)
