"""A rescoring that reaches thousands of claims tells each subscription once per changed claim,
in a constant number of queries per batch (SPEC §6.6, §12, §14)."""

from datetime import date

import pytest
from celery import current_app
from django.db import connection
from django.test.utils import CaptureQueriesContext

from claims.choices import ReviewState, WebhookEventKind
from claims.models import Appearance, Claim, Delivery, WebhookEvent
from claims.services.outlets import outlet_update
from claims.services.rescoring import claims_rescore, claims_rescore_all
from claims.services.webhook_dispatch import events_dispatch
from claims.services.webhooks import subscription_pause
from claims.task_names import DELIVER_WEBHOOK
from tests.factories import make_outlet

pytestmark = pytest.mark.django_db
CLAIMS = 2000


def carried_claims(count: int) -> tuple[object, list[int]]:
    """`count` published claims, each reported once by an outlet graded E (bulk: no services)."""
    outlet = make_outlet("Al-Akhbar", reliability="E")
    claims = Claim.objects.bulk_create(
        Claim(text=f"Claim {n} carried by Al-Akhbar", review_state=ReviewState.PUBLISHED) for n in range(count)
    )
    Appearance.objects.bulk_create(
        (Appearance(claim=c, outlet=outlet, published_on=date(2021, 10, 21)) for c in claims), batch_size=500
    )
    claims_rescore_all()
    return outlet, [c.pk for c in claims]


@pytest.fixture
def enqueued_deliveries(monkeypatch) -> list[int]:
    """The delivery tasks enqueued, held back: a test counts them instead of sending thousands."""
    sent: list[int] = []
    task = current_app.tasks[DELIVER_WEBHOOK]
    monkeypatch.setattr(task, "apply_async", lambda args, **kw: sent.append(args[0]))  # to a broker
    monkeypatch.setattr(task, "apply", lambda args, **kw: sent.append(args[0]))  # on the background executor
    return sent


@pytest.mark.slow
def test_a_regrade_of_thousands_of_claims_enqueues_one_delivery_per_subscription_and_changed_claim(
    settings, consumer, editor, reviewer, subscribe, committed, enqueued_deliveries
):
    settings.CONFIDENCE_BATCH_SIZE = 500
    outlet, ids = carried_claims(CLAIMS)
    everything = subscribe(consumer)
    confidence = subscribe(editor, ["claim.confidence_changed"], min_change=1)
    subscription_pause(subscription=subscribe(consumer), by=consumer)
    before = dict(Claim.objects.values_list("pk", "confidence"))

    with committed():
        outlet_update(outlet=outlet, reliability="A", by=reviewer)

    changed = {pk for pk, value in Claim.objects.values_list("pk", "confidence") if value != before[pk]}
    assert len(changed) == CLAIMS
    assert WebhookEvent.objects.filter(kind=WebhookEventKind.CONFIDENCE_CHANGED).count() == CLAIMS
    pairs = list(Delivery.objects.values_list("subscription_id", "event__claim_id"))
    assert len(pairs) == len(set(pairs)) == 2 * CLAIMS
    assert {pair[0] for pair in pairs} == {everything.pk, confidence.pk}
    assert sorted(enqueued_deliveries) == sorted(Delivery.objects.values_list("pk", flat=True))


def rescoring_queries(ids: list[int]) -> int:
    Claim.objects.filter(pk__in=ids).update(confidence=0)
    with CaptureQueriesContext(connection) as queries:
        claims_rescore(claim_ids=ids, batch_size=len(ids))
    # The events' bulk INSERT is one statement on PostgreSQL; SQLite splits it in pieces of its
    # parameter limit, so it counts once here.
    statements = [q["sql"] for q in queries.captured_queries]
    inserts = [sql for sql in statements if 'INTO "claims_webhookevent"' in sql]
    return len(statements) - len(inserts) + (1 if inserts else 0)


def test_a_rescoring_batch_writes_its_events_in_queries_that_do_not_grow_with_it(consumer, subscribe):
    _, ids = carried_claims(200)
    subscribe(consumer, ["claim.confidence_changed"])

    small, large = rescoring_queries(ids[:10]), rescoring_queries(ids[10:])

    assert small == large
    assert WebhookEvent.objects.count() == 200


def dispatch_queries(count: int) -> int:
    ids = Claim.objects.values_list("pk", flat=True)[:count]
    WebhookEvent.objects.bulk_create(WebhookEvent(claim_id=pk, kind=WebhookEventKind.PUBLISHED) for pk in ids)
    with CaptureQueriesContext(connection) as queries:
        events_dispatch()
    # The deliveries' bulk INSERT is one statement on PostgreSQL; SQLite splits it in pieces of
    # its parameter limit, so it counts once here.
    statements = [q["sql"] for q in queries.captured_queries]
    inserts = [sql for sql in statements if 'INTO "claims_delivery"' in sql]
    return len(statements) - len(inserts) + (1 if inserts else 0)


def test_fanning_out_takes_the_same_queries_for_ten_events_and_for_hundreds(
    consumer, editor, subscribe, enqueued_deliveries
):
    carried_claims(300)
    subscribe(consumer, ["claim.published"], filters={"min_confidence": 0})
    subscribe(editor, ["claim.published"])

    assert dispatch_queries(10) == dispatch_queries(300)
    assert Delivery.objects.count() == 2 * 310
