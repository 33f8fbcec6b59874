"""Webhook subscriptions in the web UI (SPEC §14, docs/webhooks.md): one's subscriptions (everyone's
for those who oversee all work, as in the API), a new one, pause and resume, and a subscription's
delivery log with each try and a button to send a delivery again. Every write is a service of
claims/services/webhooks.py, through a form of claims/web/webhook_forms.py.
"""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from claims.models import Delivery, Subscription
from claims.roles import oversees_all_work
from claims.selectors.filter_values import as_id
from claims.selectors.webhooks import deliveries_shown, subscriptions_shown
from claims.web.access import login_required
from claims.web.forms import ServiceForm
from claims.web.rendering import render_page
from claims.web.webhook_forms import PauseForm, RedeliverForm, ResumeForm, SubscriptionForm

PAGE_SIZE = 25


def _list(request: HttpRequest, form: SubscriptionForm, status: int = 200) -> HttpResponse:
    subscriptions = subscriptions_shown(request.user)
    page = Paginator(subscriptions, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {"page": page, "form": form, "everyone": oversees_all_work(request.user)}
    return render_page(request, "web/webhook_list.html", context, status=status)


@login_required
def webhook_list_view(request: HttpRequest) -> HttpResponse:
    if request.method != "POST":
        return _list(request, SubscriptionForm())
    form = SubscriptionForm(request.POST)
    subscription = form.save(by=request.user)
    if subscription is None:
        return _list(request, form, status=form.status_code)
    # The secret is shown this once, on the answer to the form itself: never stored for a later page.
    messages.success(request, form.success_message)
    return _detail(request, subscription, secret=subscription.secret, status=201)


def _detail(
    request: HttpRequest, subscription: Subscription, *, secret: str = "", bound: ServiceForm | None = None,
    status: int = 200,
) -> HttpResponse:  # fmt: skip
    page = Paginator(deliveries_shown(subscription), PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "subscription": subscription,
        "secret": secret,
        "page": page,
        "pause_form": bound if isinstance(bound, PauseForm) else PauseForm(subscription=subscription),
        "bound": bound,
    }
    return render_page(request, "web/webhook_detail.html", context, status=status)


def _subscription(request: HttpRequest, pk: int) -> Subscription:
    return get_object_or_404(subscriptions_shown(request.user), pk=pk)


@login_required
def webhook_detail_view(request: HttpRequest, pk: int) -> HttpResponse:
    return _detail(request, _subscription(request, pk))


@require_POST
@login_required
def webhook_action_view(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    """Pause or resume a subscription, or send one of its deliveries again."""
    subscription = _subscription(request, pk)
    if action == "pause":
        form: ServiceForm = PauseForm(request.POST, subscription=subscription)
    elif action == "resume":
        form = ResumeForm(request.POST, subscription=subscription)
    elif action == "redeliver":
        delivery_id = as_id(request.POST.get("delivery", ""))
        delivery = Delivery.objects.filter(subscription=subscription, pk=delivery_id).first() if delivery_id else None
        if delivery is None:
            raise Http404(_("No such delivery of this subscription."))
        form = RedeliverForm(request.POST, delivery=delivery)
    else:
        raise Http404(_("No such action."))
    if form.save(by=request.user) is not None:
        messages.success(request, form.success_message)
        return redirect("web:webhook-detail", pk=subscription.pk)
    return _detail(request, _subscription(request, pk), bound=form, status=form.status_code)
