"""Sending one webhook delivery, once; the task engine tries it again (SPEC §14, docs/webhooks.md).

`delivery_attempt` makes one try and says when the next is due, if one is: the task
(claims/tasks.py) retries with that countdown, and the sweep (webhook_sweep.py) takes up any
delivery whose next try is due and whose task was lost. A try

1. takes the delivery: pending, due, no try of it open, its subscription not paused. Taking it
   opens the try until its lease ends (`try_open_until`): the try's deadline and a margin for
   writing the log, renewed from the moment the POST starts. The deadline holds exactly
   (claims/outbound_deadline.py), so the try has ended before its lease does, and no sweep,
   second task, resume or redelivery starts another try of it meanwhile;
2. reads the claim as its subscriber may read it now: none, and the delivery is skipped, logged so;
3. POSTs the message through the outbound guard (claims/outbound.py: the addresses checked and
   pinned, redirects not followed for a POST), signed by the Standard Webhooks scheme;
4. logs the try and decides: 2xx delivered; a network error, a timeout, 408, 429 or 5xx tried
   again after WEBHOOK_RETRY_DELAYS, up to WEBHOOK_MAX_ATTEMPTS tries; anything else failed at once.
   WEBHOOK_PAUSE_AFTER_FAILURES failed tries in a row pause the subscription, with the reason.
"""

import json
import time
from datetime import datetime, timedelta
from math import floor

from django.conf import settings
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone
from rest_framework.utils.encoders import JSONEncoder
from standardwebhooks import Webhook

from claims.choices import DeliveryState, WebhookEventKind
from claims.models import Claim, Delivery, DeliveryAttempt, InboxItem, Subscription
from claims.outbound import OutboundRefused, fetch
from claims.outbound_deadline import Deadline
from claims.selectors.webhooks import subscription_claim, subscription_item

RETRIED_STATUSES = {408, 429}
# Only the answer's status counts; a body larger than this is refused (a failed try), not read on.
MAX_RESPONSE_BYTES = 64 * 1024
# The lease outlasts the try's deadline by this much: the time to write its log after the answer.
LEASE_MARGIN_SECONDS = 30
UNREADABLE = "Skipped: the claim is not one this subscription's owner may read now."
UNREADABLE_ITEM = "Skipped: the inbox item or its watch is gone, or the owner is no longer of the newsroom."


def retry_delay(tries: int) -> float:
    """Seconds to wait after the `tries`-th failed try of a run."""
    delays = settings.WEBHOOK_RETRY_DELAYS
    return float(delays[min(tries, len(delays)) - 1]) if delays else 0.0


def message_body(delivery: Delivery, claim: Claim) -> str:
    """The message, in the Standard Webhooks shape: {type, timestamp, data}; `data` holds the claim
    as the API represents it, and what changed."""
    from claims.api.serializers.claims import ClaimSerializer  # the API's representation, not a copy

    represented = ClaimSerializer(claim, context={"request": None}).to_representation(claim)
    if settings.SITE_URL and represented["url"].startswith("/"):
        represented["url"] = settings.SITE_URL + represented["url"]
    event = delivery.event
    message = {
        "type": event.kind,
        "timestamp": event.created_at,
        "data": {"event_id": event.pk, "event": event.kind, "changes": event.changes, "claim": represented},
    }
    return json.dumps(message, cls=JSONEncoder, ensure_ascii=False, separators=(",", ":"))


def item_message_body(delivery: Delivery, item: InboxItem) -> str:
    """An `inbox.matched` message: the item as the API represents it, and the watch it matched."""
    from claims.api.serializers.inbox import InboxItemSerializer, WatchSerializer  # the API's representation

    event = delivery.event
    message = {
        "type": event.kind,
        "timestamp": event.created_at,
        "data": {
            "event_id": event.pk, "event": event.kind, "watch": WatchSerializer(event.watch).data,
            "item": InboxItemSerializer(item, context={"request": None}).data,
        },
    }  # fmt: skip
    return json.dumps(message, cls=JSONEncoder, ensure_ascii=False, separators=(",", ":"))


def signed_headers(secret: str, message_id: str, body: str, at: datetime) -> dict[str, str]:
    return {
        "Content-Type": "application/json",
        "webhook-id": message_id,
        "webhook-timestamp": str(floor(at.timestamp())),
        "webhook-signature": Webhook(secret).sign(message_id, at, body),
    }


def try_deadline_seconds() -> float:
    """How long one try may take, from its take to the receiver's last byte."""
    return min(settings.WEBHOOK_TIMEOUT_SECONDS, settings.OUTBOUND_DEADLINE_SECONDS)


def try_lease_seconds() -> float:
    """How long a try holds its delivery: past its deadline, so it has always ended by then."""
    return try_deadline_seconds() + LEASE_MARGIN_SECONDS


def open_try() -> Q:
    """Deliveries with a try under way (the lease of one lost with its process has run out)."""
    return Q(try_open_until__gt=timezone.now())


def _lease(delivery_id: int, *, held: datetime | None = None) -> datetime | None:
    """Open a try of the delivery until its lease ends: when it is free (`held` None), or renew
    the lease it holds (`held`, as its take set it). The lease's end, or None if another has it."""
    now = timezone.now()
    if held is None:
        due = Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now)
        free = Q(try_open_until__isnull=True) | Q(try_open_until__lte=now)
        mine, counted = Q(due, free, state=DeliveryState.PENDING), {"attempts": F("attempts") + 1}
    else:
        mine, counted = Q(try_open_until=held), {}
    until = now + timedelta(seconds=try_lease_seconds())
    return until if Delivery.objects.filter(mine, pk=delivery_id).update(try_open_until=until, **counted) else None


def _take(delivery_id: int) -> Delivery | None:
    delivery = Delivery.objects.select_related("subscription__owner", "event__watch").filter(pk=delivery_id).first()
    if delivery is None or delivery.state != DeliveryState.PENDING or delivery.subscription.is_paused:
        return None
    delivery.try_open_until = _lease(delivery_id)
    if delivery.try_open_until is None:
        return None  # a try of it is under way, or its next try is not due yet
    delivery.attempts += 1
    return delivery


def _post(delivery: Delivery, body: str) -> tuple[int | None, str, int] | None:
    """The receiver's status (None if there was no answer), the error in words, the milliseconds;
    None, and nothing sent, if the try lost its lease before the POST could start."""
    subscription = delivery.subscription
    deadline = Deadline(try_deadline_seconds())
    if _lease(delivery.pk, held=delivery.try_open_until) is None:
        return None  # making the message outlasted the lease, and another try has the delivery now
    headers = signed_headers(subscription.secret, delivery.message_id, body, timezone.now())
    started = time.monotonic()
    try:
        answer = fetch(
            subscription.url, method="POST", headers=headers, content=body.encode(), deadline=deadline,
            max_bytes=MAX_RESPONSE_BYTES,
        )  # fmt: skip
    except OutboundRefused as exc:
        return None, str(exc), round((time.monotonic() - started) * 1000)
    elapsed = round((time.monotonic() - started) * 1000)
    if 200 <= answer.status < 300:
        return answer.status, "", elapsed
    if 300 <= answer.status < 400:
        where = answer.headers.get("location", "")
        return answer.status, f"HTTP {answer.status}: redirects are not followed (to {where or 'nowhere'}).", elapsed
    return answer.status, f"HTTP {answer.status} from the receiver.", elapsed


def _outcome(delivery: Delivery, status: int | None) -> str:
    if status is not None and 200 <= status < 300:
        return DeliveryState.DELIVERED
    retried = status is None or status >= 500 or status in RETRIED_STATUSES
    if retried and delivery.attempts - delivery.attempts_before_run < settings.WEBHOOK_MAX_ATTEMPTS:
        return DeliveryState.PENDING
    return DeliveryState.FAILED


def _count_failure(subscription: Subscription, error: str) -> bool:
    """Count a failed try; pause the subscription at the limit. Whether it is paused now."""
    Subscription.objects.filter(pk=subscription.pk).update(consecutive_failures=F("consecutive_failures") + 1)
    locked = Subscription.objects.select_for_update().get(pk=subscription.pk)
    limit = settings.WEBHOOK_PAUSE_AFTER_FAILURES
    if locked.paused_at is None and locked.consecutive_failures >= limit:
        locked.paused_at = timezone.now()
        locked.pause_reason = f"Paused after {limit} failed deliveries in a row; the last: {error}"[:500]
        locked.save(update_fields=["paused_at", "pause_reason", "updated_at"])
    return locked.paused_at is not None


def _record(delivery: Delivery, *, status: int | None, error: str, ms: int, outcome: str) -> float | None:
    now = timezone.now()
    retry_in = None
    with transaction.atomic():
        DeliveryAttempt.objects.create(
            delivery=delivery, number=delivery.attempts, at=now, status_code=status, duration_ms=ms, error=error,
            outcome=outcome,
        )  # fmt: skip
        values: dict[str, object] = {
            "last_status_code": status, "last_duration_ms": ms, "last_error": error, "try_open_until": None,
        }  # fmt: skip
        if outcome == DeliveryState.DELIVERED:
            Subscription.objects.filter(pk=delivery.subscription_id).update(consecutive_failures=0)
        elif outcome != DeliveryState.SKIPPED:
            paused = _count_failure(delivery.subscription, error)
            if outcome == DeliveryState.PENDING:
                retry_in = None if paused else retry_delay(delivery.attempts - delivery.attempts_before_run)
                values["next_attempt_at"] = now + timedelta(seconds=retry_in or 0)
        if outcome != DeliveryState.PENDING:
            values.update(state=outcome, finished_at=now, next_attempt_at=None)
        Delivery.objects.filter(pk=delivery.pk).update(**values)
    return retry_in


def _message(delivery: Delivery) -> str | None:
    """The message, as first made (its body kept) or made now; None when the subscriber may not
    be told of its subject now."""
    event = delivery.event
    if event.kind == WebhookEventKind.INBOX_MATCHED:
        item = subscription_item(delivery.subscription, event)
        return None if item is None else delivery.body or item_message_body(delivery, item)
    claim = subscription_claim(delivery.subscription, event.claim_id)
    return None if claim is None else delivery.body or message_body(delivery, claim)


def delivery_attempt(*, delivery_id: int) -> float | None:
    """Try the delivery once, if it is due; returns the seconds until its next try, or None when
    there is none to make now (delivered, failed, skipped, paused, or not due)."""
    delivery = _take(delivery_id)
    if delivery is None:
        return None
    body = _message(delivery)
    if body is None:
        error = UNREADABLE_ITEM if delivery.event.kind == WebhookEventKind.INBOX_MATCHED else UNREADABLE
        return _record(delivery, status=None, error=error, ms=0, outcome=DeliveryState.SKIPPED)
    if not delivery.body:
        delivery.body = body
        Delivery.objects.filter(pk=delivery.pk).update(body=delivery.body)
    posted = _post(delivery, delivery.body)
    if posted is None:
        return None
    status, error, ms = posted
    return _record(delivery, status=status, error=error, ms=ms, outcome=_outcome(delivery, status))
