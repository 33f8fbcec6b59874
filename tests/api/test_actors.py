"""/api/v1/actors/."""

import pytest

from claims.models import Actor
from tests.factories import make_actor

pytestmark = pytest.mark.django_db

URL = "/api/v1/actors/"


def test_editor_records_an_actor(as_editor):
    response = as_editor.post(URL, {"name": "Hezbollah", "aliases": ["Hizbullah", "حزب الله"], "kind": "armed_group"})

    assert response.status_code == 201
    actor = Actor.objects.get(pk=response.json()["id"])
    assert (actor.name, actor.slug, actor.aliases, actor.kind) == (
        "Hezbollah",
        "hezbollah",
        ["Hizbullah", "حزب الله"],
        "armed_group",
    )


def test_a_duplicate_slug_is_a_400(as_editor, nothing_changes):
    make_actor("Hezbollah", slug="hezbollah")

    with nothing_changes():
        response = as_editor.post(URL, {"name": "Hizbullah", "slug": "hezbollah"})

    assert response.status_code == 400
    assert "slug" in response.json()["errors"]


def test_an_unknown_kind_is_a_400(as_editor, nothing_changes):
    with nothing_changes():
        response = as_editor.post(URL, {"name": "X", "kind": "militia"})

    assert response.status_code == 400
    assert "kind" in response.json()["errors"]


def test_editor_renames_an_actor(as_editor):
    actor = make_actor("Hezbolah")

    response = as_editor.patch(f"{URL}{actor.pk}/", {"name": "Hezbollah", "aliases": ["Hizballah"]})

    assert response.status_code == 200
    actor.refresh_from_db()
    assert (actor.name, actor.aliases) == ("Hezbollah", ["Hizballah"])


def test_consumers_read_but_cannot_write(as_consumer, nothing_changes):
    actor = make_actor()

    assert as_consumer.get(f"{URL}{actor.pk}/").json()["name"] == actor.name
    with nothing_changes():
        assert as_consumer.patch(f"{URL}{actor.pk}/", {"name": "Renamed"}).status_code == 403


def test_kind_filter(anonymous):
    state, _ = make_actor(kind="state"), make_actor(kind="person")

    assert [a["id"] for a in anonymous.get(URL, {"kind": "state"}).json()["results"]] == [state.pk]
