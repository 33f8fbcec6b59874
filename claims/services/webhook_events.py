"""The webhook outbox (SPEC §14): a change to a claim is written as events in its own transaction.

The services that move a claim call `record_claim_changes` inside their transaction: the review
workflow when a claim is published or retracted (workflow.py), the rescoring when a claim's
confidence or responsibility status moves (rescoring.py, for single writes and for every batch
of a background rescoring alike). The events are rows, so a rolled-back change leaves none and a
committed one cannot be lost between the commit and the task that sends it: the dispatch task is
enqueued on commit, and the sweep (webhook_sweep.py) takes up any event it never reached.

Only what some subscription that is not paused listens to is written: a confidence that moved by
less than the smallest `min_change` of those listening for confidence changes writes nothing.
The subscriptions are read once per call, and the events inserted in one statement, so a batch
of a thousand rescored claims costs two queries more, not two thousand.
"""

from collections.abc import Sequence
from dataclasses import dataclass

from claims.choices import ReviewState, WebhookEventKind
from claims.models import Subscription, WebhookEvent
from claims.services.jobs import enqueue
from claims.task_names import DISPATCH_WEBHOOK_EVENTS

REVIEW_EVENTS = {ReviewState.PUBLISHED: WebhookEventKind.PUBLISHED, ReviewState.RETRACTED: WebhookEventKind.RETRACTED}


@dataclass(frozen=True)
class ClaimChange:
    """What moved on one claim: {field: (old, new)}, of review_state, confidence and status."""

    claim_id: int
    moved: dict[str, tuple[object, object]]


@dataclass(frozen=True)
class Interest:
    """What the subscriptions that are not paused listen to."""

    kinds: frozenset[str]
    min_change: int | None  # the smallest of those listening for confidence changes

    @classmethod
    def now(cls) -> "Interest":
        rows = list(Subscription.objects.active().values_list("events", "min_change"))
        kinds = frozenset(kind for events, _ in rows for kind in events)
        changes = [change for events, change in rows if WebhookEventKind.CONFIDENCE_CHANGED in events]
        return cls(kinds, min(changes) if changes else None)


def moved_enough(old: object, new: object, min_change: int) -> bool:
    """The one rule of `min_change`: a confidence move of at least that many points, either way."""
    return abs(int(new) - int(old)) >= min_change


def confidence_moved(moved: dict[str, tuple[object, object]], threshold: int | None) -> bool:
    if threshold is None or "confidence" not in moved:
        return False
    return moved_enough(*moved["confidence"], threshold)


def event_kinds(change: ClaimChange, interest: Interest) -> list[str]:
    kinds = []
    if "review_state" in change.moved:
        kind = REVIEW_EVENTS.get(change.moved["review_state"][1])
        kinds += [kind] if kind else []
    if "status" in change.moved:
        kinds.append(WebhookEventKind.STATUS_CHANGED)
    if confidence_moved(change.moved, interest.min_change):
        kinds.append(WebhookEventKind.CONFIDENCE_CHANGED)
    return [kind for kind in kinds if kind in interest.kinds]


def record_claim_changes(changes: Sequence[ClaimChange]) -> list[WebhookEvent]:
    """Write the events these changes make for the subscriptions there are; call it inside the
    transaction of the change. The dispatch task is enqueued for when that transaction commits."""
    moved = [change for change in changes if change.moved]
    if not moved:
        return []
    interest = Interest.now()
    if not interest.kinds:
        return []
    events = [
        WebhookEvent(
            claim_id=change.claim_id,
            kind=kind,
            changes={field: {"old": old, "new": new} for field, (old, new) in change.moved.items()},
        )
        for change in moved
        for kind in event_kinds(change, interest)
    ]
    if not events:
        return []
    events = WebhookEvent.objects.bulk_create(events)
    enqueue(DISPATCH_WEBHOOK_EVENTS, [event.pk for event in events])
    return events


def record_claim_change(*, claim_id: int, moved: dict[str, tuple[object, object]]) -> list[WebhookEvent]:
    return record_claim_changes([ClaimChange(claim_id, moved)])


def record_claim_event(*, claim_id: int, kind: str, changes: dict[str, tuple[object, object]]) -> list[WebhookEvent]:
    """Write one event of a kind no field move makes (a merge), if some subscription listens."""
    if kind not in Interest.now().kinds:
        return []
    event = WebhookEvent.objects.create(
        claim_id=claim_id, kind=kind, changes={field: {"old": old, "new": new} for field, (old, new) in changes.items()}
    )
    enqueue(DISPATCH_WEBHOOK_EVENTS, [event.pk])
    return [event]
