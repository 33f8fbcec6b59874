"""POST/GET/PATCH/DELETE /api/v1/webhooks/ and the pause and resume actions: each user's own."""

import pytest
from standardwebhooks import Webhook

from claims.models import Delivery, Subscription
from tests.factories import make_actor, make_outlet
from tests.webhooks.conftest import EVERYTHING

pytestmark = pytest.mark.django_db


@pytest.fixture
def as_consumer(client_for, consumer):
    return client_for(consumer)


def test_a_consumer_subscribes_and_sees_the_secret_once(as_consumer, consumer, receiver):
    response = as_consumer.post(
        "/api/v1/webhooks/", {"url": receiver.url("/hook"), "events": ["claim.published"]}, format="json"
    )

    assert response.status_code == 201, response.json()
    body = response.json()
    saved = Subscription.objects.get()
    assert body["secret"] == saved.secret and saved.secret.startswith("whsec_")
    Webhook(body["secret"])  # the form the package reads
    assert (saved.owner, saved.url, saved.events, saved.filters, saved.min_change) == (
        consumer, receiver.url("/hook"), ["claim.published"], {}, 10,
    )  # fmt: skip
    assert body["deliveries"].endswith(f"/api/v1/webhooks/{saved.pk}/deliveries/")
    again = as_consumer.get(f"/api/v1/webhooks/{saved.pk}/").json()
    listed = as_consumer.get("/api/v1/webhooks/").json()["results"]
    assert "secret" not in again and all("secret" not in row for row in listed)


def test_filters_are_stored_as_the_ids_they_name(as_consumer, receiver):
    actor, outlet = make_actor("Hezbollah", slug="hezbollah"), make_outlet("Al-Akhbar", slug="al-akhbar")
    filters = {"actor": "hezbollah", "outlet": outlet.pk, "min_confidence": 40}

    response = as_consumer.post(
        "/api/v1/webhooks/", {"url": receiver.url("/hook"), "events": EVERYTHING, "filters": filters}, format="json"
    )

    assert response.status_code == 201, response.json()
    assert Subscription.objects.get().filters == {"actor": actor.pk, "outlet": outlet.pk, "min_confidence": 40}


@pytest.mark.parametrize(
    ("body", "field", "words"),
    [
        ({"events": ["claim.deleted"]}, "events.0", "not a valid choice"),
        ({"events": []}, "events", ""),
        ({"url": "ftp://example.org/hook"}, "url", "Only http and https"),
        ({"url": "http://127.0.0.1:9/hook"}, "url", "does not reach"),
        ({"url": "http://10.0.0.1/hook"}, "url", "does not reach"),
        ({"url": "http://169.254.169.254/latest/meta-data/"}, "url", "does not reach"),
        ({"url": "http://[::1]/hook"}, "url", "does not reach"),
        ({"url": "not a url"}, "url", "Only http and https"),
        ({"url": "https://user:pw@example.org/"}, "url", "user name or password"),
        ({"url": "https://no-such-host.invalid/hook"}, "url", "could not be found"),
        ({"filters": {"outlet": 999999}}, "filters.outlet", "No outlet has the id 999999"),
        ({"filters": {"actor": "no-such-actor"}}, "filters.actor", "No actor has the slug"),
        ({"filters": {"event": "1.5"}}, "filters.event", "No event has"),
        ({"filters": {"min_confidence": 101}}, "filters.min_confidence", "less than or equal to 100"),
        ({"filters": {"min_confidence": "50"}}, "filters.min_confidence", "whole number"),
        ({"filters": {"review_state": "draft"}}, "filters", "not a filter a subscription takes"),
        ({"filters": ["actor"]}, "filters", ""),
        ({"min_change": 0}, "min_change", ""),
    ],
)
def test_bad_input_is_a_400_naming_the_field_and_writes_nothing(as_consumer, settings, body, field, words):
    settings.OUTBOUND_ALLOWED_NETWORKS = []
    sent = {"url": "https://93.184.215.14/hook", "events": ["claim.published"], **body}

    response = as_consumer.post("/api/v1/webhooks/", sent, format="json")

    assert response.status_code == 400, response.json()
    errors = response.json()["errors"]
    assert field in errors, errors
    assert words in " ".join(errors[field]) + response.json()["detail"]
    assert not Subscription.objects.exists()


def test_a_public_address_is_taken(as_consumer, settings):
    settings.OUTBOUND_ALLOWED_NETWORKS = []

    response = as_consumer.post(
        "/api/v1/webhooks/", {"url": "https://93.184.215.14/hook", "events": ["claim.published"]}, format="json"
    )

    assert response.status_code == 201


def test_an_update_is_checked_as_a_creation_is_and_a_bad_one_changes_nothing(client_for, consumer, subscribe):
    subscription = subscribe(consumer, ["claim.published"])
    as_owner = client_for(consumer)

    bad = as_owner.patch(f"/api/v1/webhooks/{subscription.pk}/", {"url": "http://10.0.0.1/"}, format="json")
    good = as_owner.patch(
        f"/api/v1/webhooks/{subscription.pk}/", {"events": ["claim.retracted"], "min_change": 25}, format="json"
    )

    assert bad.status_code == 400 and "url" in bad.json()["errors"]
    assert good.status_code == 200, good.json()
    subscription.refresh_from_db()
    assert (subscription.url.endswith("/hook"), subscription.events, subscription.min_change) == (
        True, ["claim.retracted"], 25,
    )  # fmt: skip


def test_others_see_a_404_and_a_superuser_sees_every_subscription(client_for, consumer, editor, superuser, subscribe):
    theirs, mine = subscribe(consumer), subscribe(editor)
    as_editor = client_for(editor)

    assert [row["id"] for row in as_editor.get("/api/v1/webhooks/").json()["results"]] == [mine.pk]
    for request in (
        as_editor.get(f"/api/v1/webhooks/{theirs.pk}/"),
        as_editor.get(f"/api/v1/webhooks/{theirs.pk}/deliveries/"),
        as_editor.patch(f"/api/v1/webhooks/{theirs.pk}/", {"min_change": 50}, format="json"),
        as_editor.post(f"/api/v1/webhooks/{theirs.pk}/pause/", {}, format="json"),
        as_editor.delete(f"/api/v1/webhooks/{theirs.pk}/"),
    ):
        assert request.status_code == 404
    theirs.refresh_from_db()
    assert (theirs.min_change, theirs.paused_at) == (10, None)
    everyone = client_for(superuser).get("/api/v1/webhooks/").json()["results"]
    assert sorted(row["id"] for row in everyone) == sorted([theirs.pk, mine.pk])


def test_webhooks_need_a_login(api):
    assert api.get("/api/v1/webhooks/").status_code == 401
    assert api.post("/api/v1/webhooks/", {"url": "https://93.184.215.14/", "events": EVERYTHING}).status_code == 401
    assert not Subscription.objects.exists()


def test_pause_and_resume_say_why_and_refuse_twice(client_for, consumer, subscribe):
    subscription = subscribe(consumer)
    as_owner = client_for(consumer)
    url = f"/api/v1/webhooks/{subscription.pk}/"

    paused = as_owner.post(url + "pause/", {"reason": "Our CMS is moving"}, format="json")
    twice = as_owner.post(url + "pause/", {}, format="json")
    resumed = as_owner.post(url + "resume/")
    again = as_owner.post(url + "resume/")

    assert paused.status_code == 200 and paused.json()["paused"] is True
    assert paused.json()["pause_reason"] == "Our CMS is moving"
    assert twice.status_code == 409 and "paused already" in twice.json()["detail"]
    assert resumed.status_code == 200 and resumed.json()["paused"] is False
    assert again.status_code == 409
    subscription.refresh_from_db()
    assert (subscription.paused_at, subscription.pause_reason) == (None, "")


def test_an_owner_removes_a_subscription_with_its_log(client_for, consumer, subscribe):
    subscription = subscribe(consumer)

    response = client_for(consumer).delete(f"/api/v1/webhooks/{subscription.pk}/")

    assert response.status_code == 204
    assert not Subscription.objects.exists() and not Delivery.objects.exists()


def test_the_delivery_log_refuses_a_parameter_it_does_not_take(client_for, consumer, subscribe):
    subscription = subscribe(consumer)

    response = client_for(consumer).get(f"/api/v1/webhooks/{subscription.pk}/deliveries/", {"stat": "failed"})

    assert response.status_code == 400 and list(response.json()["errors"]) == ["stat"]


def test_redelivering_a_delivery_of_another_subscription_is_a_404(client_for, consumer, subscribe):
    subscription = subscribe(consumer)

    response = client_for(consumer).post(
        f"/api/v1/webhooks/{subscription.pk}/redeliver/", {"delivery": 12345}, format="json"
    )

    assert response.status_code == 404
