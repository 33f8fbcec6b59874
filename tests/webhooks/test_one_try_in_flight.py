"""One delivery never has two tries in flight (claims/services/webhook_delivery.py): a try holds its
delivery for a lease derived from its deadline, and nothing starts another try meanwhile."""

import threading
import time
from datetime import timedelta

import pytest
from django.utils import timezone

from claims.choices import DeliveryState
from claims.models import Delivery, DeliveryAttempt
from claims.selectors.webhooks import subscription_claim
from claims.services import webhook_delivery
from claims.services.background import executor
from claims.services.webhook_delivery import delivery_attempt, try_deadline_seconds, try_lease_seconds
from claims.services.webhook_dispatch import events_dispatch
from claims.services.webhook_sweep import webhooks_sweep
from claims.services.webhooks import subscription_pause, subscription_resume
from tests.api.conftest import publish
from tests.factories import make_claim
from tests.outbound.server import Page
from tests.webhooks.conftest import posted


def pending_delivery(subscribe, consumer, path: str = "/hook") -> Delivery:
    subscribe(consumer, ["claim.published"], path=path)
    publish(make_claim())
    events_dispatch()
    return Delivery.objects.get()


@pytest.mark.django_db
def test_while_a_try_is_open_no_task_sweep_resume_or_redelivery_starts_another(
    settings, monkeypatch, consumer, subscribe, receiver, client_for, django_capture_on_commit_callbacks
):
    delivery = pending_delivery(subscribe, consumer)
    subscription = delivery.subscription
    real_fetch, seen = webhook_delivery.fetch, {}

    def while_open(url: str, **options: object) -> object:
        """Everything that could start a second try, tried while the first is under way."""
        open_delivery = Delivery.objects.get(pk=delivery.pk)
        seen["lease"] = (open_delivery.try_open_until - timezone.now()).total_seconds()
        seen["second task"] = delivery_attempt(delivery_id=delivery.pk)
        with django_capture_on_commit_callbacks(execute=True):
            seen["sweep"] = webhooks_sweep().deliveries
        subscription_pause(subscription=subscription, by=consumer)
        with django_capture_on_commit_callbacks(execute=True):
            subscription_resume(subscription=subscription, by=consumer)
        seen["after resume"] = executor.run_queued()
        seen["redeliver"] = client_for(consumer).post(
            f"/api/v1/webhooks/{subscription.pk}/redeliver/", {"delivery": delivery.pk}, format="json"
        )
        return real_fetch(url, **options)

    monkeypatch.setattr(webhook_delivery, "fetch", while_open)

    delivery_attempt(delivery_id=delivery.pk)

    assert try_deadline_seconds() < seen["lease"] <= try_lease_seconds()
    assert seen["second task"] is None and seen["sweep"] == 0
    assert seen["redeliver"].status_code == 409 and "under way" in seen["redeliver"].json()["detail"]
    assert len(posted(receiver)) == 1  # the resumed subscription's task took nothing either
    delivery.refresh_from_db()
    assert (delivery.state, delivery.attempts, delivery.try_open_until) == (DeliveryState.DELIVERED, 1, None)
    assert DeliveryAttempt.objects.filter(delivery=delivery).count() == 1


@pytest.mark.django_db
def test_a_try_lost_with_its_process_is_taken_again_once_its_lease_has_passed(consumer, subscribe, receiver, committed):
    delivery = pending_delivery(subscribe, consumer)
    lost = timezone.now() + timedelta(seconds=try_lease_seconds())
    Delivery.objects.filter(pk=delivery.pk).update(attempts=1, try_open_until=lost)  # taken, then the process died

    with committed():
        assert webhooks_sweep().deliveries == 0
    assert posted(receiver) == []

    Delivery.objects.filter(pk=delivery.pk).update(try_open_until=timezone.now() - timedelta(seconds=1))
    with committed():
        assert webhooks_sweep().deliveries == 1

    delivery.refresh_from_db()
    assert (delivery.state, delivery.attempts) == (DeliveryState.DELIVERED, 2)
    assert len(posted(receiver)) == 1


def test_the_lease_is_the_deadline_and_a_margin(settings):
    settings.WEBHOOK_TIMEOUT_SECONDS, settings.OUTBOUND_DEADLINE_SECONDS = 10, 30
    assert (try_deadline_seconds(), try_lease_seconds()) == (10, 10 + webhook_delivery.LEASE_MARGIN_SECONDS)
    settings.WEBHOOK_TIMEOUT_SECONDS, settings.OUTBOUND_DEADLINE_SECONDS = 60, 20
    assert (try_deadline_seconds(), try_lease_seconds()) == (20, 20 + webhook_delivery.LEASE_MARGIN_SECONDS)


@pytest.mark.slow
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_receiver_slower_than_the_old_lease_gets_exactly_one_request(
    settings, monkeypatch, consumer, subscribe, receiver
):
    """The old lease was the timeout and 30 s, and the timeout was per read: a receiver that
    dripped its answer kept the try open past the lease, and the sweep sent the message again.
    Here the old lease is 1.5 s, the receiver drips for 6 s, and a sweeper runs all along."""
    settings.WEBHOOK_TIMEOUT_SECONDS = 1.0
    settings.WEBHOOK_RETRY_DELAYS = [3600]  # a retry of the failed try is not due during the test
    monkeypatch.setattr(webhook_delivery, "LEASE_MARGIN_SECONDS", 0.5)
    receiver.add("/drips", Page(200, body=b"." * 60, chunks=60, delay=0.1))
    delivery = pending_delivery(subscribe, consumer, "/drips")
    executor.threaded = False  # the sweeper below runs what it enqueues itself
    # The first rendering of a message imports the API: not a cost of the try under test.
    webhook_delivery.message_body(delivery, subscription_claim(delivery.subscription, delivery.event.claim_id))

    started = time.monotonic()
    first = threading.Thread(target=delivery_attempt, kwargs={"delivery_id": delivery.pk})
    first.start()
    receiver.wait_for(received=1)
    sweeps = 0
    while time.monotonic() - started < 3.5:  # past the old lease and the new one, both 1.5 s
        webhooks_sweep()
        executor.run_queued()
        sweeps += 1
        threading.Event().wait(0.05)  # the sweeper's pace, not a wait for anything
    first.join(10)

    assert sweeps > 10
    assert len(posted(receiver, "/drips")) == 1
    delivery.refresh_from_db()
    assert (delivery.state, delivery.attempts) == (DeliveryState.PENDING, 1)
    attempt = DeliveryAttempt.objects.get(delivery=delivery)
    assert "within the deadline of 1 s" in attempt.error
    assert attempt.duration_ms < 2000  # cut at the deadline, long before the receiver's 6 s of drip
