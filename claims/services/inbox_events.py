"""`inbox.matched` (SPEC §16): a new inbox item that matches a watch, told to the watch's owner.

The event is a row of the webhook outbox (claims/services/webhook_events.py), written in the
transaction that adds the item, and fanned out, signed, sent, retried and swept by the same
machinery as every claim event; only to the subscriptions of the watch's owner that listen for
it (claims/services/webhook_dispatch.py), and only while the owner is of the newsroom.
"""

from collections.abc import Iterable

from claims.choices import WebhookEventKind
from claims.models import InboxItem, Subscription, Watch, WebhookEvent
from claims.services.jobs import enqueue
from claims.task_names import DISPATCH_WEBHOOK_EVENTS


def listening_owners() -> set[int]:
    """The users with a subscription that is not paused and listens for `inbox.matched` (one query)."""
    rows = Subscription.objects.active().values_list("owner_id", "events")
    return {owner for owner, events in rows if WebhookEventKind.INBOX_MATCHED in events}


def record_inbox_matches(*, item: InboxItem, watches: Iterable[Watch], listening: set[int]) -> list[WebhookEvent]:
    """Write the events of these matches for the owners who listen; call it inside the item's transaction."""
    events = [
        WebhookEvent(kind=WebhookEventKind.INBOX_MATCHED, item=item, watch=watch, changes={})
        for watch in watches
        if watch.owner_id in listening
    ]
    if not events:
        return []
    events = WebhookEvent.objects.bulk_create(events)
    enqueue(DISPATCH_WEBHOOK_EVENTS, [event.pk for event in events])
    return events
