"""The review queue: claims waiting for a reviewer, and the others by review state.

Each claim offers exactly the steps `steps_for_claims` allows this user now; a refused
step is shown in place with the workflow's message.
"""

import re
from dataclasses import dataclass

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from claims.choices import ReviewState
from claims.models import Claim
from claims.selectors.claims import claim_queryset
from claims.selectors.pages import review_queue, review_state_counts
from claims.services.workflow import steps_for_claims
from claims.web.access import reviewer_required
from claims.web.converters import ID_PATTERN
from claims.web.forms import TransitionForm
from claims.web.rendering import render_page

PAGE_SIZE = 25


@dataclass
class QueueItem:
    claim: Claim
    forms: list[TransitionForm]


def _items(claims: list[Claim], user: object, bound: TransitionForm | None) -> list[QueueItem]:
    items = []
    steps = steps_for_claims(claims, user)
    for claim in claims:
        forms = {step.name: TransitionForm(claim=claim, step=step) for step in steps[claim.pk]}
        if bound is not None and bound.claim.pk == claim.pk:
            forms[bound.step_obj.name if bound.step_obj else ""] = bound
        items.append(QueueItem(claim=claim, forms=list(forms.values())))
    return items


def _state(request: HttpRequest) -> str:
    state = request.GET.get("state") or ReviewState.IN_REVIEW
    return state if state in ReviewState.values else ReviewState.IN_REVIEW


def _queue_page(request: HttpRequest, bound: TransitionForm | None = None, status: int = 200) -> HttpResponse:
    state = _state(request)
    page = Paginator(review_queue(user=request.user, review_state=state), PAGE_SIZE).get_page(request.GET.get("page"))
    counts = review_state_counts(user=request.user)
    claims = list(page.object_list)
    context = {
        "state": state,
        "state_label": ReviewState(state).label,
        "states": [(value, label, counts.get(value, 0)) for value, label in ReviewState.choices],
        "page": page,
        "items": _items(claims, request.user, bound),
        "bound": bound,
        # A refused claim may have left this list meanwhile (someone else approved it): then the
        # error is shown above the list instead of beside it.
        "bound_elsewhere": bound is not None and all(claim.pk != bound.claim.pk for claim in claims),
    }
    return render_page(request, "web/review_queue.html", context, status=status)


@reviewer_required
def review_queue_view(request: HttpRequest) -> HttpResponse:
    if request.method != "POST":
        return _queue_page(request)
    claim_id = request.POST.get("claim", "")
    if not re.fullmatch(ID_PATTERN, claim_id):
        raise Http404(_("No such claim."))
    claim = get_object_or_404(claim_queryset(request.user).select_related("created_by"), pk=int(claim_id))
    form = TransitionForm(request.POST, claim=claim)
    if form.save(by=request.user) is None:
        return _queue_page(request, bound=form, status=form.status_code)
    messages.success(request, f"{form.step_obj.label}: done for “{claim}”.")
    return redirect(reverse("web:review-queue") + "?" + urlencode({"state": _state(request)}))
