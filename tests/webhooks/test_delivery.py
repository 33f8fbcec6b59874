"""Deliveries: signed by the Standard Webhooks scheme, retried on a network error or a 5xx, logged,
and paused after failures in a row (claims/services/webhook_delivery.py)."""

import json

import pytest
from standardwebhooks import Webhook

from claims.choices import DeliveryState
from claims.models import Delivery, DeliveryAttempt, WebhookEvent
from claims.services.webhook_delivery import delivery_attempt, retry_delay
from claims.services.webhook_sweep import webhooks_sweep
from claims.services.webhooks import subscription_pause, subscription_resume
from tests.api.conftest import publish
from tests.factories import make_appearance, make_claim
from tests.outbound.server import Page
from tests.webhooks.conftest import answers, posted

pytestmark = pytest.mark.django_db


def test_a_delivery_is_signed_and_the_packages_verifier_accepts_it(consumer, subscribe, receiver, committed):
    subscription = subscribe(consumer, ["claim.published"])
    claim = make_claim("Hezbollah was behind the attack")
    make_appearance(claim)

    with committed():
        publish(claim)

    (request,) = posted(receiver)
    message = Webhook(subscription.secret).verify(request.body, request.headers)
    delivery = Delivery.objects.get()
    assert request.headers["webhook-id"] == delivery.message_id
    assert message["type"] == "claim.published"
    assert message["data"]["changes"] == {"review_state": {"old": "in_review", "new": "published"}}
    assert message["data"]["claim"]["id"] == claim.pk
    assert message["data"]["claim"]["review_state"] == "published"
    assert message["data"]["claim"]["url"].endswith(f"/api/v1/claims/{claim.pk}/")
    assert (delivery.state, delivery.attempts, delivery.last_status_code) == (DeliveryState.DELIVERED, 1, 204)


def test_a_wrong_secret_or_a_changed_body_does_not_verify(consumer, subscribe, receiver, committed):
    subscribe(consumer, ["claim.published"])
    with committed():
        publish(make_claim())

    (request,) = posted(receiver)
    other = Webhook("whsec_" + "QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo=")
    with pytest.raises(Exception, match="signature"):
        other.verify(request.body, request.headers)


def test_a_receiver_that_answers_500_twice_then_200_gets_the_event_three_times(
    client_for, consumer, subscribe, receiver, committed
):
    receiver.add("/flaky", answers(500, 500, 200))
    subscription = subscribe(consumer, ["claim.published"], path="/flaky")

    with committed():
        publish(make_claim())
        assert WebhookEvent.objects.count() == 1 and not Delivery.objects.exists()  # fanned out on commit
    delivery = Delivery.objects.get()
    with committed():
        webhooks_sweep()  # the second try, due at once here (no_waiting)
    with committed():
        webhooks_sweep()

    requests = posted(receiver, "/flaky")
    assert len(requests) == 3
    assert len({r.headers["webhook-id"] for r in requests}) == 1
    assert len({r.body for r in requests}) == 1
    delivery.refresh_from_db()
    assert (delivery.state, delivery.attempts, delivery.last_status_code) == (DeliveryState.DELIVERED, 3, 200)
    log = client_for(consumer).get(f"/api/v1/webhooks/{subscription.pk}/deliveries/").json()["results"]
    assert [(a["number"], a["status_code"], a["outcome"]) for a in log[0]["attempt_log"]] == [
        (1, 500, "pending"), (2, 500, "pending"), (3, 200, "delivered"),
    ]  # fmt: skip
    assert all(a["duration_ms"] >= 0 for a in log[0]["attempt_log"])
    assert log[0]["attempt_log"][0]["error"] == "HTTP 500 from the receiver."
    subscription.refresh_from_db()
    assert subscription.consecutive_failures == 0


def test_a_try_says_when_the_next_is_due_and_the_last_try_fails_the_delivery(
    settings, consumer, subscribe, receiver, committed
):
    settings.WEBHOOK_MAX_ATTEMPTS = 3
    settings.WEBHOOK_RETRY_DELAYS = [0, 0]
    receiver.add("/down", Page(503))
    subscribe(consumer, ["claim.published"], path="/down")
    with committed():
        publish(make_claim())
    delivery = Delivery.objects.get()

    assert delivery_attempt(delivery_id=delivery.pk) == 0.0
    assert delivery_attempt(delivery_id=delivery.pk) is None

    delivery.refresh_from_db()
    assert (delivery.state, delivery.attempts, delivery.next_attempt_at) == (DeliveryState.FAILED, 3, None)
    assert len(posted(receiver, "/down")) == 3
    assert delivery_attempt(delivery_id=delivery.pk) is None  # a late task does nothing
    assert len(posted(receiver, "/down")) == 3


def test_the_retry_schedule_grows_and_spans_about_a_day(settings):
    settings.WEBHOOK_RETRY_DELAYS = [5, 300, 1800, 7200, 18000, 36000]
    delays = [retry_delay(n) for n in range(1, 8)]  # after each of the first seven of eight tries

    assert delays == sorted(delays)
    assert 24 * 3600 <= sum(delays) <= 30 * 3600


def test_a_4xx_fails_at_once_and_a_redirect_is_not_followed(consumer, subscribe, receiver, committed):
    receiver.add("/gone", Page(404))
    receiver.add("/moved", Page(301, headers={"Location": "http://127.0.0.1:9/elsewhere"}))
    subscribe(consumer, ["claim.published"], path="/gone")
    subscribe(consumer, ["claim.published"], path="/moved")

    with committed():
        publish(make_claim())

    gone, moved = Delivery.objects.order_by("subscription_id")
    assert (gone.state, gone.attempts, gone.last_status_code) == (DeliveryState.FAILED, 1, 404)
    assert (moved.state, moved.attempts, moved.last_status_code) == (DeliveryState.FAILED, 1, 301)
    assert "redirects are not followed" in moved.last_error
    assert [r.path for r in receiver.received] in (["/gone", "/moved"], ["/moved", "/gone"])


def test_a_receiver_that_cannot_be_reached_is_tried_again(settings, consumer, subscribe, committed):
    settings.OUTBOUND_ALLOWED_NETWORKS = ["127.0.0.0/8"]
    from claims.services.webhooks import subscription_create

    subscription_create(url="http://127.0.0.1:9/closed", events=["claim.published"], by=consumer)
    with committed():
        publish(make_claim())

    delivery = Delivery.objects.get()
    assert (delivery.state, delivery.attempts, delivery.last_status_code) == (DeliveryState.PENDING, 1, None)
    assert "could not be reached" in delivery.last_error


@pytest.mark.parametrize(
    ("page", "words"),
    [
        (Page(200, body=b"." * 100, chunks=100, delay=0.1), "did not send the whole response within the deadline"),
        (Page(204, head_drip=0.05), "did not answer within the deadline"),
    ],
    ids=["a dripped body", "dripped headers"],
)
def test_a_receiver_that_drips_is_cut_off_at_the_deadline_and_tried_again(
    settings, consumer, subscribe, receiver, committed, page, words
):
    settings.WEBHOOK_TIMEOUT_SECONDS = 0.5  # the webhooks' own cap, shorter than the outbound deadline
    receiver.add("/drips", page)
    subscribe(consumer, ["claim.published"], path="/drips")

    with committed():
        publish(make_claim())

    delivery = Delivery.objects.get()
    assert (delivery.state, delivery.attempts, delivery.last_status_code) == (DeliveryState.PENDING, 1, None)
    assert delivery.last_error == f"127.0.0.1 {words} of 0.5 s."
    assert delivery.last_duration_ms < 3000 and delivery.try_open_until is None


def test_the_outbound_deadline_holds_for_webhooks_when_it_is_the_shorter(
    settings, consumer, subscribe, receiver, committed
):
    settings.WEBHOOK_TIMEOUT_SECONDS, settings.OUTBOUND_DEADLINE_SECONDS = 10, 0.4
    receiver.add("/drips", Page(200, body=b"." * 100, chunks=100, delay=0.1))
    subscribe(consumer, ["claim.published"], path="/drips")

    with committed():
        publish(make_claim())

    assert "within the deadline of 0.4 s" in Delivery.objects.get().last_error


def test_a_paused_subscription_gets_nothing_and_after_resuming_what_waited(consumer, subscribe, receiver, committed):
    subscription = subscribe(consumer, ["claim.published", "claim.retracted"])
    claim = make_claim()
    subscription_pause(subscription=subscription, by=consumer)

    with committed():
        publish(claim)
        webhooks_sweep()

    assert posted(receiver) == []
    assert not Delivery.objects.exists()
    assert not WebhookEvent.objects.exists()  # nobody else listens: nothing is written


def test_failures_in_a_row_pause_the_subscription_with_the_reason(settings, consumer, subscribe, receiver, committed):
    settings.WEBHOOK_PAUSE_AFTER_FAILURES = 3
    settings.WEBHOOK_MAX_ATTEMPTS = 1
    receiver.add("/broken", Page(500))
    subscription = subscribe(consumer, ["claim.published"], path="/broken")

    with committed():
        for _ in range(4):
            publish(make_claim())

    subscription.refresh_from_db()
    assert subscription.is_paused and subscription.consecutive_failures == 3
    assert subscription.pause_reason == (
        "Paused after 3 failed deliveries in a row; the last: HTTP 500 from the receiver."
    )
    assert len(posted(receiver, "/broken")) == 3
    assert Delivery.objects.filter(state=DeliveryState.PENDING).count() == 1  # it waits for a resume

    receiver.add("/broken", Page(200))
    with committed():
        subscription_resume(subscription=subscription, by=consumer)
    assert Delivery.objects.filter(state=DeliveryState.DELIVERED).count() == 1


def test_redeliver_sends_the_same_message_again_and_logs_it(client_for, consumer, subscribe, receiver, committed):
    subscription = subscribe(consumer, ["claim.published"])
    with committed():
        publish(make_claim())
    delivery = Delivery.objects.get()

    with committed():
        response = client_for(consumer).post(
            f"/api/v1/webhooks/{subscription.pk}/redeliver/", {"delivery": delivery.pk}, format="json"
        )

    assert response.status_code == 200, response.json()
    first, second = posted(receiver)
    assert first.body == second.body and first.headers["webhook-id"] == second.headers["webhook-id"]
    assert response.json()["state"] == "pending"  # as it stood when the answer was written
    assert DeliveryAttempt.objects.filter(delivery=delivery).count() == 2
    delivery.refresh_from_db()
    assert (delivery.state, delivery.attempts) == (DeliveryState.DELIVERED, 2)
    assert json.loads(second.body)["type"] == "claim.published"
