"""What the webhooks' periodic sweep takes up: events never fanned out and deliveries whose try is due.

Events are rows written with the change (the outbox) and a delivery's next try is a time in
its row, so what is left to do can always be read back: after a crash between a commit and its
enqueue, after Redis lost its queue, or on the embedded default, where a retry is not held by a
worker and waits for the sweep. Celery beat runs it every WEBHOOK_SWEEP_SECONDS
(`claims.sweep_webhooks`); `manage.py send_webhooks` runs it once (docs/operations.md).
"""

from dataclasses import dataclass

from django.db.models import Q
from django.utils import timezone

from claims.choices import DeliveryState
from claims.models import Delivery
from claims.services.jobs import enqueue
from claims.services.webhook_delivery import open_try
from claims.services.webhook_dispatch import events_dispatch
from claims.task_names import DELIVER_WEBHOOK

DUE_PER_SWEEP = 10_000


@dataclass(frozen=True)
class Swept:
    events: int
    deliveries: int


def webhooks_sweep() -> Swept:
    """Fan out every event not yet fanned out, and enqueue every delivery that is due (again)
    and has no try under way."""
    events = 0
    while taken := events_dispatch():
        events += taken
    due = (
        Delivery.objects.filter(
            Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=timezone.now()),
            state=DeliveryState.PENDING,
            subscription__paused_at__isnull=True,
        )
        .exclude(open_try())  # a try under way is not started again
        .order_by("next_attempt_at")
    )
    ids = list(due.values_list("pk", flat=True)[:DUE_PER_SWEEP])
    for delivery_id in ids:
        enqueue(DELIVER_WEBHOOK, delivery_id)
    return Swept(events, len(ids))
