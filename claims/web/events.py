"""Event pages: the list of events, and one event's competing attributions side by side."""

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404

from claims.models import Event
from claims.selectors.claims import event_attributions
from claims.selectors.pages import event_list
from claims.web.rendering import render_page

PAGE_SIZE = 50


def event_list_view(request: HttpRequest) -> HttpResponse:
    page = Paginator(event_list(user=request.user), PAGE_SIZE).get_page(request.GET.get("page"))
    return render_page(request, "web/event_list.html", {"page": page})


def event_detail_view(request: HttpRequest, slug: str) -> HttpResponse:
    event = get_object_or_404(Event, slug=slug)
    attributions = list(event_attributions(event, user=request.user))
    context = {
        "event": event,
        # Claims naming an actor compete with each other; the others are context.
        "attributions": [claim for claim in attributions if claim.subject_id is not None],
        "unattributed": [claim for claim in attributions if claim.subject_id is None],
    }
    return render_page(request, "web/event_detail.html", context)
