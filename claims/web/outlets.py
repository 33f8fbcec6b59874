"""Outlet pages: the directory, and one outlet's grade, ties and track record."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from claims.choices import ResponsibilityStatus
from claims.models import Outlet
from claims.selectors.claims import outlet_track_record
from claims.selectors.dependence import dependence_visible_to
from claims.selectors.inbox import feeds_shown
from claims.selectors.pages import outlet_affiliations, outlet_appearances, outlet_list, outlet_statements
from claims.services.abilities import can_add_feeds
from claims.services.outlets import GRADING, outlet_editable_fields
from claims.web.access import login_required
from claims.web.dependence import DependenceDecisionForm, dependence_rows, may_review_dependence
from claims.web.forms import ReliabilityForm
from claims.web.inbox_forms import FeedForm
from claims.web.job_words import rescoring_message
from claims.web.rendering import render_page
from claims.web.wording import reliability_words

PAGE_SIZE = 50


def outlet_list_view(request: HttpRequest) -> HttpResponse:
    text = request.GET.get("q", "")
    page = Paginator(outlet_list(text=text), PAGE_SIZE).get_page(request.GET.get("page"))
    return render_page(request, "web/outlet_list.html", {"page": page, "q": text})


def track_record_rows(record: dict[str, int]) -> list[tuple[str, str, int, int]]:
    """(status, label, count, percent of originated) for the bar chart."""
    total = record["originated"] or 1
    return [
        (value, label, record[value], round(100 * record[value] / total))
        for value, label in ResponsibilityStatus.choices
    ]


def outlet_page(
    request: HttpRequest,
    outlet: Outlet,
    form: ReliabilityForm | None = None,
    decision: DependenceDecisionForm | None = None,
) -> HttpResponse:
    user = request.user
    record = outlet_track_record(outlet, user=user)
    context = {
        "outlet": outlet,
        "reliability_words": reliability_words(outlet.reliability),
        "affiliations": list(outlet_affiliations(outlet, user=user)),
        "statements": list(outlet_statements(outlet, user=user)),
        "record": record,
        "record_rows": track_record_rows(record),
        "appearances": outlet_appearances(outlet, user=user),
        # A refused form is shown to whoever sent it, with the service's message.
        "grade_form": form or (ReliabilityForm(outlet=outlet) if outlet_editable_fields(user) >= GRADING else None),
        "dependence": dependence_rows(outlet, user),
        "reviews_dependence": may_review_dependence(user),
        "decision": decision,
        "feeds": list(feeds_shown(user).filter(outlet=outlet)),
        "feed_form": FeedForm(outlet=outlet) if can_add_feeds(user) else None,
    }
    refused = form or decision
    return render_page(request, "web/outlet_detail.html", context, status=refused.status_code if refused else 200)


def outlet_detail_view(request: HttpRequest, slug: str) -> HttpResponse:
    return outlet_page(request, get_object_or_404(Outlet, slug=slug))


@require_POST
@login_required
def outlet_grade_view(request: HttpRequest, slug: str) -> HttpResponse:
    outlet = get_object_or_404(Outlet, slug=slug)
    form = ReliabilityForm(request.POST, outlet=outlet)
    saved = form.save(by=request.user)
    if saved is None:
        outlet.refresh_from_db()
        return outlet_page(request, outlet, form)
    messages.success(request, grade_saved_message(saved))
    return redirect("web:outlet-detail", slug=outlet.slug)


def grade_saved_message(outlet: Outlet) -> str:
    """Saved, and what became of the rescoring it started, as the job says now."""
    if outlet.rescoring is None:
        return _("Reliability grade saved.")
    return format_html(
        '{} {} <a href="{}">{}</a>',
        _("Reliability grade saved."),
        rescoring_message(outlet.rescoring),
        reverse("web:job-detail", args=[outlet.rescoring.pk]),
        _("The job"),
    )


@require_POST
@login_required
def dependence_decide_view(request: HttpRequest, pk: int) -> HttpResponse:
    """Confirm or dismiss a learned dependence from an outlet page, and go back to it."""
    pair = get_object_or_404(dependence_visible_to(request.user), pk=pk)
    shown_from = request.POST.get("outlet", "")
    outlet_id = int(shown_from) if shown_from.isdecimal() and int(shown_from) == pair.second_id else pair.first_id
    outlet = get_object_or_404(Outlet, pk=outlet_id)
    form = DependenceDecisionForm(request.POST, pair=pair)
    saved = form.save(by=request.user)
    if saved is None:
        return outlet_page(request, outlet, decision=form)
    messages.success(request, f"{saved.outlet} and {saved.depends_on}: {saved.get_state_display().lower()}.")
    return redirect("web:outlet-detail", slug=outlet.slug)
