"""Events are written in the transaction of the change (claims/services/webhook_events.py): a
rolled-back change leaves none, a committed one is never lost, and only what is listened to is kept."""

from datetime import date

import pytest
from django.db import transaction

from claims.choices import WebhookEventKind
from claims.models import Delivery, WebhookEvent
from claims.services.webhook_dispatch import events_dispatch
from claims.services.webhook_sweep import webhooks_sweep
from tests.api.conftest import publish
from tests.factories import make_actor, make_appearance, make_claim, make_evidence, make_outlet
from tests.importing.helpers import import_file, write_jsonl
from tests.importing.test_bulk_path import corpus
from tests.webhooks.conftest import posted

pytestmark = pytest.mark.django_db


class Crash(Exception):
    pass


def test_a_rolled_back_change_writes_no_event_and_sends_nothing(consumer, subscribe, receiver, committed):
    subscribe(consumer)
    claim = make_claim()

    with committed(), pytest.raises(Crash), transaction.atomic():
        publish(claim)
        assert WebhookEvent.objects.count() == 1
        raise Crash

    assert not WebhookEvent.objects.exists() and not Delivery.objects.exists()
    assert posted(receiver) == []


def test_an_event_whose_task_was_lost_is_sent_by_the_sweep(consumer, subscribe, receiver, committed):
    subscribe(consumer)
    publish(make_claim())  # committed, say, but the process died before the task was enqueued
    event = WebhookEvent.objects.get()
    assert event.dispatched_at is None

    with committed():
        swept = webhooks_sweep()

    assert swept.events == 1
    assert len(posted(receiver)) == 1
    with committed():
        assert webhooks_sweep().events == 0  # once fanned out, never again
    assert len(posted(receiver)) == 1


def test_dispatching_twice_makes_one_delivery_per_subscription_and_event(consumer, subscribe):
    subscribe(consumer)
    publish(make_claim())
    event = WebhookEvent.objects.get()

    events_dispatch(event_ids=[event.pk])
    WebhookEvent.objects.update(dispatched_at=None)  # as if the first run's commit were not seen
    events_dispatch(event_ids=[event.pk])

    assert Delivery.objects.count() == 1


def test_nothing_is_written_when_nobody_listens(committed):
    with committed():
        claim = make_claim()
        make_appearance(claim, make_outlet(reliability="A"))
        publish(claim)

    assert not WebhookEvent.objects.exists()


def test_confidence_events_respect_each_subscriptions_min_change(consumer, subscribe, receiver, committed):
    sensitive = subscribe(consumer, ["claim.confidence_changed"], min_change=1)
    coarse = subscribe(consumer, ["claim.confidence_changed"], min_change=100)
    claim = publish(make_claim())

    with committed():
        make_appearance(claim, make_outlet(reliability="B"), published_on=date(2021, 10, 21))

    claim.refresh_from_db()
    (event,) = WebhookEvent.objects.filter(kind=WebhookEventKind.CONFIDENCE_CHANGED)
    assert event.changes["confidence"] == {"old": 0, "new": claim.confidence}
    assert list(Delivery.objects.values_list("subscription_id", flat=True)) == [sensitive.pk]
    assert not Delivery.objects.filter(subscription=coarse).exists()


def test_a_status_change_says_the_old_and_new_status(consumer, subscribe, receiver, committed):
    subscribe(consumer, ["claim.status_changed"])
    claim = publish(make_claim())

    with committed():
        make_evidence(claim, stance="denies")

    (event,) = WebhookEvent.objects.all()
    assert event.kind == WebhookEventKind.STATUS_CHANGED
    assert event.changes["status"] == {"old": "unclaimed", "new": "denied"}
    assert len(posted(receiver)) == 1


def test_filters_keep_only_the_claims_they_name(consumer, subscribe, receiver, committed):
    hezbollah, iran = make_actor("Hezbollah"), make_actor("Iran")
    about_hezbollah = subscribe(consumer, ["claim.published"], filters={"actor": hezbollah.pk})
    confident = subscribe(consumer, ["claim.published"], filters={"min_confidence": 50})
    named, other = make_claim("About Hezbollah", subject=hezbollah), make_claim("About Iran", subject=iran)

    with committed():
        publish(named)
        publish(other)

    told = set(Delivery.objects.values_list("subscription_id", "event__claim_id"))
    assert told == {(about_hezbollah.pk, named.pk)}
    assert not Delivery.objects.filter(subscription=confident).exists()  # both claims are at 0


def test_an_import_tells_of_the_claims_it_loads_as_published(consumer, subscribe, tmp_path):
    subscribe(consumer, ["claim.published"])

    assert import_file(write_jsonl(tmp_path / "claims.jsonl", corpus(11))).ok

    told = WebhookEvent.objects.filter(kind=WebhookEventKind.PUBLISHED).values_list("claim__external_ref", flat=True)
    assert sorted(told) == ["bulk-0", "bulk-10", "bulk-5"]  # the first alone, the others in bulk
