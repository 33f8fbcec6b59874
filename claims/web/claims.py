"""The claims list (search, filters, pagination) and the new-claim form."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from claims.choices import CaptureState, InboxState
from claims.models import Capture, Claim, InboxItem
from claims.query_parameters import filterset_parameters, unknown_parameters_error
from claims.selectors.captures import captures_visible_to
from claims.selectors.claim_filters import ClaimFilter
from claims.selectors.claims import claim_filterset, claim_queryset
from claims.selectors.inbox import inbox_items_shown
from claims.selectors.pending import with_scores_pending
from claims.web.access import login_required
from claims.web.capture_forms import CaptureClaimForm, CaptureForm
from claims.web.claim_search import active_filter_count, claim_search_form
from claims.web.forms import ClaimCreateForm
from claims.web.inbox_forms import ItemClaimForm
from claims.web.rendering import render_page

PAGE_SIZE = 25
PAGE_PARAMETER = "page"


def claim_list_view(request: HttpRequest) -> HttpResponse:
    filterset = claim_filterset(user=request.user, filters=request.GET)
    form = claim_search_form(filterset.form, user=request.user)
    # The API's rule: a parameter the list does not take is named, not ignored.
    unknown = unknown_parameters_error(request.GET, filterset_parameters(ClaimFilter) | {PAGE_PARAMETER})
    valid = form.is_valid() and unknown is None
    # An invalid form lists nothing: the page shows what is wrong with which filter instead.
    claims = with_scores_pending(filterset.qs) if valid else Claim.objects.none()
    page = Paginator(claims, PAGE_SIZE).get_page(request.GET.get(PAGE_PARAMETER))
    context = {
        "form": form,
        "unknown_parameters": unknown.message if unknown else "",
        "page": page,
        "open_filters": active_filter_count(form) > 0 or bool(form.errors),
    }
    return render_page(request, "web/claim_list.html", context, status=200 if valid else 400)


@login_required
def claim_create_view(request: HttpRequest) -> HttpResponse:
    """The new-claim form; with `capture`, the claim a captured page reports, which then gets
    the page's appearance (the capture's own form, CaptureClaimForm, does that part)."""
    capture = _waiting_capture(request)
    item = _inbox_item(request)
    form = ItemClaimForm(request.POST or None, item=item) if item else ClaimCreateForm(request.POST or None)
    if request.method == "POST":
        claim = form.save(by=request.user)
        if claim is not None:
            messages.success(request, form.success_message)
            if capture is not None:
                return _attach(request, capture, claim)
            return redirect("web:claim-detail", pk=claim.pk)
    context = {
        "form": form,
        "capture": capture,
        "item": item,
        "capture_form": None if capture or item else CaptureForm(),
    }
    return render_page(request, "web/claim_create.html", context, status=form.status_code)


def _inbox_item(request: HttpRequest) -> InboxItem | None:
    """The inbox item a claim is made from (`?item=`), while it waits for a decision."""
    item_id = request.POST.get("item") or request.GET.get("item") or ""
    if not item_id.isdecimal():
        return None
    return inbox_items_shown(request.user).filter(pk=int(item_id), state=InboxState.NEW).first()


def _waiting_capture(request: HttpRequest) -> Capture | None:
    capture_id = request.POST.get("capture") or request.GET.get("capture") or ""
    if not capture_id.isdecimal():
        return None
    capture = captures_visible_to(request.user).filter(pk=int(capture_id)).first()
    return capture if capture is not None and capture.state == CaptureState.NEEDS_CLAIM else None


def _attach(request: HttpRequest, capture: Capture, claim: Claim) -> HttpResponse:
    attach = CaptureClaimForm({"claim": claim.pk}, capture=capture, claims=claim_queryset(request.user))
    if attach.save(by=request.user) is not None:
        messages.success(request, attach.success_message)
    else:
        for error in attach.non_field_errors():
            messages.error(request, _("The page's appearance was not added: %(error)s") % {"error": error})
    return redirect("web:claim-detail", pk=claim.pk)
