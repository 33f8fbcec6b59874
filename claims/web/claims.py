"""The claims list (search, filters, pagination) and the new-claim form."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

from claims.errors import InvalidInput
from claims.models import Claim
from claims.selectors.claims import claim_list
from claims.selectors.pending import with_scores_pending
from claims.web.access import login_required
from claims.web.claim_search import active_filter_count, claim_search_form
from claims.web.forms import ClaimCreateForm
from claims.web.rendering import render_page

PAGE_SIZE = 25


def claim_list_view(request: HttpRequest) -> HttpResponse:
    form = claim_search_form(request.GET, user=request.user)
    try:
        claims = with_scores_pending(claim_list(user=request.user, filters=request.GET))
    except InvalidInput:
        # The bound form shows what is wrong with which filter, from the same filterset.
        claims = Claim.objects.none()
    page = Paginator(claims, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "form": form,
        "page": page,
        "open_filters": active_filter_count(form) > 0 or bool(form.errors),
    }
    return render_page(request, "web/claim_list.html", context, status=200 if form.is_valid() else 400)


@login_required
def claim_create_view(request: HttpRequest) -> HttpResponse:
    form = ClaimCreateForm(request.POST or None)
    if request.method == "POST":
        claim = form.save(by=request.user)
        if claim is not None:
            messages.success(request, form.success_message)
            return redirect("web:claim-detail", pk=claim.pk)
    return render_page(request, "web/claim_create.html", {"form": form}, status=form.status_code)
