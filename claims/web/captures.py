"""URL capture in the web UI (SPEC §13): a capture's page (its progress, what was read and from
where, the snapshot, and what it waits for), the capture box of the new-claim form, and the
accept / dismiss buttons of suggested citations on the claim page.

The capture page follows its job as the job page does (static/web/job.js asks the API and
draws the page again when the job ends).
"""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.decorators.http import require_POST

from claims.choices import CaptureState
from claims.models import Capture
from claims.selectors.captures import captures_visible_to, suggestions_visible_to
from claims.selectors.claims import claim_queryset
from claims.web.access import login_required
from claims.web.capture_forms import DECISIONS, CaptureClaimForm, CaptureForm, CaptureOutletForm, SuggestionForm
from claims.web.claim_detail import claim_page
from claims.web.forms import ClaimCreateForm, ServiceForm
from claims.web.rendering import render_page

# What the page shows of each field read from the page, in this order.
METADATA_SHOWN = ["headline", "author", "published_on", "publisher", "site_name", "language", "description"]


def capture_url(capture: Capture) -> str:
    return reverse("web:capture-detail", args=[capture.pk])


def _page(request: HttpRequest, capture: Capture, bound: dict[str, ServiceForm] | None = None, status: int = 200):
    bound = bound or {}
    metadata = (capture.snapshot.metadata if capture.snapshot else {}) or {}
    context = {
        "capture": capture,
        "job": capture.job,
        "read": [(name, metadata[name]) for name in METADATA_SHOWN if (metadata.get(name) or {}).get("value")],
        "outlet_form": bound.get("outlet")
        or (CaptureOutletForm(capture=capture) if capture.state == CaptureState.NEEDS_OUTLET else None),
        "claim_form": bound.get("claim")
        or (CaptureClaimForm(capture=capture, claims=None) if capture.state == CaptureState.NEEDS_CLAIM else None),
    }
    return render_page(request, "web/capture_detail.html", context, status=status)


@login_required
def capture_detail_view(request: HttpRequest, pk: int) -> HttpResponse:
    return _page(request, get_object_or_404(captures_visible_to(request.user), pk=pk))


@require_POST
@login_required
def capture_new_view(request: HttpRequest) -> HttpResponse:
    """The new-claim form's capture box: the page is read first, the claim recorded from it after."""
    form = CaptureForm(request.POST)
    capture = form.save(by=request.user)
    if capture is not None:
        messages.success(request, form.success_message)
        return redirect(capture_url(capture))
    context = {"form": ClaimCreateForm(), "capture_form": form}
    return render_page(request, "web/claim_create.html", context, status=form.status_code)


@require_POST
@login_required
def capture_answer_view(request: HttpRequest, pk: int, answer: str) -> HttpResponse:
    """What a waiting capture asked for: its outlet, or its claim."""
    capture = get_object_or_404(captures_visible_to(request.user), pk=pk)
    if answer == "outlet":
        form = CaptureOutletForm(request.POST, capture=capture)
    elif answer == "claim":
        form = CaptureClaimForm(request.POST, capture=capture, claims=claim_queryset(request.user))
    else:
        raise Http404("No such answer.")
    if form.save(by=request.user) is not None:
        messages.success(request, form.success_message)
        return redirect(capture_url(capture))
    capture.refresh_from_db()
    return _page(request, capture, bound={answer: form}, status=form.status_code)


@require_POST
@login_required
def suggestion_decide_view(request: HttpRequest, pk: int, decision: str) -> HttpResponse:
    if decision not in DECISIONS:
        raise Http404("No such decision.")
    suggestion = get_object_or_404(suggestions_visible_to(request.user).select_related("claim"), pk=pk)
    form = SuggestionForm(request.POST, suggestion=suggestion, decision=decision)
    if form.save(by=request.user) is not None:
        messages.success(request, form.success_message)
        return redirect(reverse("web:claim-detail", args=[suggestion.claim_id]) + "#suggestions")
    for error in form.non_field_errors():
        messages.error(request, error)
    claim = get_object_or_404(claim_queryset(request.user).select_related("created_by"), pk=suggestion.claim_id)
    return claim_page(request, claim, status=form.status_code)
