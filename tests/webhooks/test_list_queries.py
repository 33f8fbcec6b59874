"""The webhook lists cost the same few queries however many rows a page holds."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from claims.choices import WebhookEventKind
from claims.models import Delivery, DeliveryAttempt, WebhookEvent
from tests.factories import make_claim

pytestmark = pytest.mark.django_db


def queries_of(client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured.captured_queries)


def add_deliveries(subscription, count: int) -> None:
    claim = make_claim()
    events = WebhookEvent.objects.bulk_create(
        WebhookEvent(claim=claim, kind=WebhookEventKind.PUBLISHED) for _ in range(count)
    )
    deliveries = Delivery.objects.bulk_create(Delivery(subscription=subscription, event=e) for e in events)
    DeliveryAttempt.objects.bulk_create(
        DeliveryAttempt(delivery=d, number=n, at=d.created_at, outcome="pending") for d in deliveries for n in (1, 2)
    )


def test_subscriptions_and_deliveries_cost_the_same_for_2_and_20_rows(
    client_for, consumer, subscribe, django_assert_num_queries
):
    as_owner = client_for(consumer)
    first = subscribe(consumer)
    subscribe(consumer)
    add_deliveries(first, 2)
    log = f"/api/v1/webhooks/{first.pk}/deliveries/"
    as_owner.get(log)  # the client keeps its user, whose permissions are then read once, not per request
    few = {url: queries_of(as_owner, url) for url in ("/api/v1/webhooks/", log)}

    for _ in range(18):
        subscribe(consumer)
    add_deliveries(first, 18)

    for url, count in few.items():
        with django_assert_num_queries(count):
            response = as_owner.get(url)
        assert len(response.json()["results"]) == 20
    assert few[log] <= 6
