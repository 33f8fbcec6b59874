"""URL capture in the web UI (SPEC §13): the list of captures, a capture's page (its steps, what was
read and from where, the snapshot, and what it waits for), the capture box of the new-claim form,
and the accept / dismiss buttons of suggested citations on the claim page.

The capture page follows its job as the job page does (static/web/job.js asks the API and
draws the page again when the job ends).
"""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from claims.choices import CaptureState
from claims.models import Capture
from claims.query_parameters import filterset_parameters, unknown_parameters_error
from claims.roles import oversees_all_work
from claims.selectors.capture_filters import CaptureFilter
from claims.selectors.captures import (
    capture_alike_outlets,
    capture_filterset,
    captures_visible_to,
    suggestions_visible_to,
)
from claims.selectors.claims import claim_queryset
from claims.web.access import login_required
from claims.web.capture_display import capture_steps, fields_read
from claims.web.capture_forms import DECISIONS, CaptureClaimForm, CaptureForm, CaptureOutletForm, SuggestionForm
from claims.web.claim_detail import claim_page
from claims.web.forms import ClaimCreateForm, ServiceForm
from claims.web.rendering import render_page

PAGE_SIZE = 25
PAGE_PARAMETER = "page"


def capture_url(capture: Capture) -> str:
    return reverse("web:capture-detail", args=[capture.pk])


@login_required
def capture_list_view(request: HttpRequest) -> HttpResponse:
    """The user's captures (everyone's for reviewers), newest first, filtered as the API filters them."""
    filterset = capture_filterset(user=request.user, filters=request.GET)
    unknown = unknown_parameters_error(request.GET, filterset_parameters(CaptureFilter) | {PAGE_PARAMETER})
    valid = filterset.form.is_valid() and unknown is None
    rows = filterset.qs if valid else Capture.objects.none()
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get(PAGE_PARAMETER))
    if not oversees_all_work(request.user):
        filterset.form.fields.pop("by", None)  # one's own captures only: nobody else to pick
    context = {
        "form": filterset.form,
        "unknown_parameters": unknown.message if unknown else "",
        "page": page,
        "everyone": oversees_all_work(request.user),
    }
    return render_page(request, "web/capture_list.html", context, status=200 if valid else 400)


def _page(request: HttpRequest, capture: Capture, bound: dict[str, ServiceForm] | None = None, status: int = 200):
    bound = bound or {}
    waits_for_outlet = capture.state == CaptureState.NEEDS_OUTLET
    context = {
        "capture": capture,
        "job": capture.job,
        "steps": capture_steps(capture),
        "read": fields_read(capture),
        "alike": capture_alike_outlets(capture),
        "outlet_form": bound.get("outlet") or (CaptureOutletForm(capture=capture) if waits_for_outlet else None),
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
        raise Http404(_("No such answer."))
    if form.save(by=request.user) is not None:
        messages.success(request, form.success_message)
        return redirect(capture_url(capture))
    capture = captures_visible_to(request.user).get(pk=capture.pk)
    return _page(request, capture, bound={answer: form}, status=form.status_code)


@require_POST
@login_required
def suggestion_decide_view(request: HttpRequest, pk: int, decision: str) -> HttpResponse:
    if decision not in DECISIONS:
        raise Http404(_("No such decision."))
    suggestion = get_object_or_404(suggestions_visible_to(request.user).select_related("claim"), pk=pk)
    form = SuggestionForm(request.POST, suggestion=suggestion, decision=decision)
    if form.save(by=request.user) is not None:
        messages.success(request, form.success_message)
        return redirect(reverse("web:claim-detail", args=[suggestion.claim_id]) + "#suggestions")
    for error in form.non_field_errors():
        messages.error(request, error)
    claim = get_object_or_404(claim_queryset(request.user).select_related("created_by"), pk=suggestion.claim_id)
    return claim_page(request, claim, status=form.status_code)
