"""Consumers' reads are served by the replica, writers read their own writes from the primary,
and a replica stopped or lagging is skipped with no error (claims/replicas/)."""

import itertools
import time

import pytest
from django.contrib.auth.models import Group, User
from django.db import connections
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from claims.models import Claim
from claims.roles import EDITOR
from claims.services.claims import claim_update
from claims.services.workflow import claim_publish_imported
from tests.factories import make_appearance, make_claim
from tests.replicas.conftest import REPLICA, caught_up, on_replica, pause

pytestmark = [pytest.mark.slow]
_numbers = itertools.count(1)


def published(text: str) -> Claim:
    claim = make_claim(text)
    make_appearance(claim)
    claim_publish_imported(claim=claim, comment="published for a test")
    return Claim.objects.get(pk=claim.pk)


def touch(claim: Claim) -> str:
    """Change the claim (its notes), and the `updated_at` the API now shows for it."""
    claim_update(claim=claim, notes=f"checked again at {time.monotonic()}")
    return iso(Claim.objects.get(pk=claim.pk))


def iso(claim: Claim) -> str:
    return claim.updated_at.isoformat().replace("+00:00", "Z")


def client_of(name: str, *groups: str) -> APIClient:
    """A token client of a new user (the module's database lives across its tests)."""
    username = f"{name}-{next(_numbers)}"
    user = User.objects.create_user(username=username, password=f"{username}-pass-1234")
    for name in groups:
        user.groups.add(Group.objects.get(name=name))
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=user).key}")
    return client


def served_by(client: APIClient, url: str) -> tuple[dict, set[str]]:
    """The answer, and which databases the request asked."""
    used = set()
    for alias in ("default", REPLICA):
        connections[alias].force_debug_cursor = True
        connections[alias].queries_log.clear()
    try:
        response = client.get(url)
    finally:
        for alias in ("default", REPLICA):
            if any("claims_" in q["sql"] for q in connections[alias].queries_log):
                used.add(alias)
            connections[alias].force_debug_cursor = False
    assert response.status_code == 200, response.content
    return response.json(), used


def test_a_consumers_read_is_served_by_the_replica_and_is_stale_while_replay_is_paused(replicated):
    claim = published("Group X claimed the attack on the base")
    before = iso(claim)
    caught_up()
    body, used = served_by(APIClient(), f"/api/v1/claims/{claim.pk}/")
    assert body["updated_at"] == before
    assert used == {REPLICA}

    pause()
    assert touch(claim) != before

    body, used = served_by(APIClient(), f"/api/v1/claims/{claim.pk}/")
    assert body["updated_at"] == before  # what the paused replica holds
    assert used == {REPLICA}
    token_body, _ = served_by(client_of("carl"), "/api/v1/claims/")
    assert claim.pk in [row["id"] for row in token_body["results"]]


def test_the_writer_sees_its_write_at_once(replicated):
    editor = client_of("edna", EDITOR)
    caught_up()
    pause()

    response = editor.post("/api/v1/claims/", {"text": "Group Y claimed the attack"}, format="json")
    assert response.status_code == 201, response.content
    body, used = served_by(editor, f"/api/v1/claims/{response.json()['id']}/")

    assert body["text"] == "Group Y claimed the attack"
    assert REPLICA not in used
    assert on_replica("SELECT count(*) FROM claims_claim WHERE id = %s", [body["id"]]) == 0  # not there yet


def test_a_consumer_reads_its_own_write_from_the_primary_for_the_window(replicated, settings):
    settings.OUTBOUND_ALLOWED_NETWORKS = ["127.0.0.0/8"]
    consumer = client_of("carl")
    caught_up()
    pause()

    created = consumer.post("/api/v1/webhooks/", {"url": "http://127.0.0.1:9/hook", "events": ["claim.published"]})
    assert created.status_code == 201, created.content
    body, used = served_by(consumer, "/api/v1/webhooks/")
    assert [row["id"] for row in body["results"]] == [created.json()["id"]]
    assert REPLICA not in used

    settings.REPLICA_READ_YOUR_WRITES_SECONDS = 0.2
    consumer.post("/api/v1/webhooks/", {"url": "http://127.0.0.1:9/other", "events": ["claim.published"]})
    time.sleep(0.4)  # the window is over: the replica again, where neither subscription has arrived
    body, used = served_by(consumer, "/api/v1/webhooks/")
    assert body["results"] == []
    assert used == {REPLICA}


def test_a_lagging_replica_is_skipped(replicated, settings):
    claim = published("Group X claimed the attack on the base")
    caught_up()
    pause()
    latest = touch(claim)
    settings.REPLICA_MAX_LAG_SECONDS = 0.2
    time.sleep(0.5)

    body, used = served_by(APIClient(), f"/api/v1/claims/{claim.pk}/")

    assert body["updated_at"] == latest
    assert REPLICA not in used


def test_a_stopped_replica_is_skipped_with_no_error(replicated):
    claim = published("Group X claimed the attack on the base")
    caught_up()
    replicated.replica.stop()

    for _ in range(2):  # the first finds it down, the next does not ask it again
        body, used = served_by(APIClient(), f"/api/v1/claims/{claim.pk}/")
        assert body["text"] == "Group X claimed the attack on the base"
        assert used == {"default"}
    listed, _ = served_by(APIClient(), "/api/v1/claims/")
    assert claim.pk in [row["id"] for row in listed["results"]]


def test_tasks_and_commands_read_the_primary(replicated):
    """Outside a request nothing is routed: a service reading after its write sees it."""
    claim = published("Group X claimed the attack on the base")
    pause()
    latest = touch(claim)

    assert iso(Claim.objects.get(pk=claim.pk)) == latest
