"""The web inbox (SPEC §16): monitored feeds' new items, newest first, with their suggestions,
filtered as the API filters them, triaged by button or by key (static/web/inbox.js)."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.views.decorators.http import require_POST

from claims.choices import InboxState
from claims.models import InboxItem, Outlet
from claims.query_parameters import filterset_parameters, unknown_parameters_error
from claims.selectors.inbox import inbox_filterset, inbox_items_shown
from claims.selectors.inbox_filters import InboxFilter
from claims.services.abilities import can_triage, sees_inbox
from claims.web.access import login_required
from claims.web.inbox_forms import AttachForm, DismissForm, FeedForm
from claims.web.rendering import render_page

PAGE_SIZE = 25
PAGE_PARAMETER = "page"
DECISIONS = {"attach": AttachForm, "dismiss": DismissForm}


def _newsroom_only(request: HttpRequest) -> None:
    if not sees_inbox(request.user):
        raise Http404("The inbox is the newsroom's.")


@login_required
def inbox_view(request: HttpRequest) -> HttpResponse:
    _newsroom_only(request)
    filters = request.GET.copy()
    filters.setdefault("state", InboxState.NEW)  # the inbox opens on what waits; `state=` is every item
    filterset = inbox_filterset(user=request.user, filters=filters, request=request)
    unknown = unknown_parameters_error(request.GET, filterset_parameters(InboxFilter) | {PAGE_PARAMETER})
    valid = filterset.form.is_valid() and unknown is None
    rows = filterset.qs if valid else InboxItem.objects.none()
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get(PAGE_PARAMETER))
    context = {
        "form": filterset.form,
        "unknown_parameters": unknown.message if unknown else "",
        "page": page,
        "can_triage": can_triage(request.user),
    }
    return render_page(request, "web/inbox.html", context, status=200 if valid else 400)


@require_POST
@login_required
def inbox_decide_view(request: HttpRequest, pk: int, decision: str) -> HttpResponse:
    _newsroom_only(request)
    form_class = DECISIONS.get(decision)
    if form_class is None:
        raise Http404("No such decision.")
    item = get_object_or_404(inbox_items_shown(request.user), pk=pk)
    form = form_class(request.POST, item=item)
    if form.save(by=request.user) is not None:
        messages.success(request, form.success_message)
    else:
        for error in [*form.non_field_errors(), *(e for f in form for e in f.errors)]:
            messages.error(request, error)
    back = request.POST.get("next", "")
    return redirect(back if back.startswith("/inbox/") else "web:inbox")


@require_POST
@login_required
def outlet_feed_add_view(request: HttpRequest, slug: str) -> HttpResponse:
    outlet = get_object_or_404(Outlet, slug=slug)
    form = FeedForm(request.POST, outlet=outlet)
    if form.save(by=request.user) is not None:
        messages.success(request, form.success_message)
    else:
        for error in [*form.non_field_errors(), *(e for f in form for e in f.errors)]:
            messages.error(request, error)
    return redirect("web:outlet-detail", slug=outlet.slug)
