"""Fanning webhook events out to the subscriptions they concern (SPEC §14).

An event (claims/services/webhook_events.py) becomes one Delivery for each subscription that is
not paused, listens to its kind, is not below its `min_change` and whose owner may read the claim
with the subscription's filters applied (claims/selectors/webhooks.py); an `inbox.matched` event,
to the subscriptions of its watch's owner only, while the owner is of the newsroom. Deliveries are inserted
in one statement per run, and each is then enqueued as a task of its own. Queries per run grow
with the number of subscriptions, never with the number of events.

Idempotent: an event is taken once (its row locked, `dispatched_at` set in the same transaction),
and a delivery is unique per subscription and event, so a repeated task or a sweep adds nothing.
"""

from collections.abc import Sequence

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from claims.choices import DeliveryState, WebhookEventKind
from claims.models import Delivery, Subscription, WebhookEvent
from claims.roles import is_newsroom
from claims.selectors.webhooks import subscription_claim_ids
from claims.services.jobs import enqueue
from claims.services.webhook_events import moved_enough
from claims.task_names import DELIVER_WEBHOOK


def wants(subscription: Subscription, event: WebhookEvent) -> bool:
    if event.kind not in subscription.events:
        return False
    if event.kind != WebhookEventKind.CONFIDENCE_CHANGED:
        return True
    change = event.changes.get("confidence", {})
    return moved_enough(change.get("old", 0), change.get("new", 0), subscription.min_change)


def _told(subscription: Subscription, event: WebhookEvent, readable: set[int]) -> bool:
    """A claim's event, if its owner may read the claim; an inbox item's, to its watch's owner alone."""
    if event.kind == WebhookEventKind.INBOX_MATCHED:
        return event.watch.owner_id == subscription.owner_id and is_newsroom(subscription.owner)
    return event.claim_id in readable


def _deliveries(subscriptions: list[Subscription], events: list[WebhookEvent]) -> list[Delivery]:
    now = timezone.now()
    deliveries = []
    for subscription in subscriptions:
        wanted = [event for event in events if wants(subscription, event)]
        if not wanted:
            continue
        claims = {event.claim_id for event in wanted if event.claim_id is not None}
        readable = subscription_claim_ids(subscription, claims) if claims else set()
        deliveries += [
            Delivery(subscription=subscription, event=event, next_attempt_at=now)
            for event in wanted
            if _told(subscription, event, readable)
        ]
    return deliveries


def events_dispatch(*, event_ids: Sequence[int] | None = None) -> int:
    """Fan out these events (or, with none named, the oldest not yet fanned out, a batch of
    CONFIDENCE_BATCH_SIZE); returns how many events were taken."""
    with transaction.atomic():
        pending = WebhookEvent.objects.filter(dispatched_at__isnull=True)
        if event_ids is not None:
            pending = pending.filter(pk__in=list(event_ids))
        # skip_locked: two dispatchers (a task and the sweep) share the events, never wait on each other.
        taken = pending.select_for_update(skip_locked=True, of=("self",)).select_related("watch")
        events = list(taken.order_by("id")[: settings.CONFIDENCE_BATCH_SIZE])
        if not events:
            return 0
        subscriptions = list(Subscription.objects.active().select_related("owner"))
        Delivery.objects.bulk_create(_deliveries(subscriptions, events), ignore_conflicts=True)
        taken = [event.pk for event in events]
        WebhookEvent.objects.filter(pk__in=taken).update(dispatched_at=timezone.now())
        made = Delivery.objects.filter(event_id__in=taken, state=DeliveryState.PENDING, attempts=0)
        for delivery_id in made.values_list("pk", flat=True):
            enqueue(DELIVER_WEBHOOK, delivery_id)
    return len(events)
