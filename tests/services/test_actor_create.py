import pytest

from claims.choices import ActorKind
from claims.errors import InvalidInput
from claims.models import Actor
from claims.services.actors import actor_create

pytestmark = pytest.mark.django_db


def test_actor_is_recorded(editor):
    actor = actor_create(
        name="Allies of Syria Operations Room", aliases=["غرفة عمليات حلفاء سوريا"], kind=ActorKind.COALITION, by=editor
    )

    saved = Actor.objects.get(pk=actor.pk)
    assert (saved.name, saved.slug, saved.kind) == (
        "Allies of Syria Operations Room",
        "allies-of-syria-operations-room",
        ActorKind.COALITION,
    )
    assert saved.aliases == ["غرفة عمليات حلفاء سوريا"]


def test_arabic_name_is_stored_as_given_with_an_ascii_slug():
    actor = actor_create(name="حزب الله", aliases=["Hezbollah", "Hizbullah"])

    saved = Actor.objects.get(pk=actor.pk)
    assert saved.name == "حزب الله"
    assert saved.aliases == ["Hezbollah", "Hizbullah"]
    assert saved.slug
    assert saved.slug.isascii()
    assert saved.slug != Actor._meta.model_name


def test_a_derived_slug_that_is_taken_gets_a_number():
    first = actor_create(name="Kataib Hezbollah")
    second = actor_create(name="Kata'ib Hezbollah")

    assert (first.slug, second.slug) == ("kataib-hezbollah", "kataib-hezbollah-2")


def test_a_duplicate_slug_given_explicitly_is_refused(nothing_changes):
    actor_create(name="Kataib Hezbollah", slug="kh")

    with nothing_changes(), pytest.raises(InvalidInput, match='The slug "kh" is already used by another actor'):
        actor_create(name="Kata'ib Hizballah", slug="kh")


def test_an_unknown_kind_is_refused(nothing_changes):
    with nothing_changes(), pytest.raises(InvalidInput, match="kind") as refused:
        actor_create(name="Kataib Hezbollah", kind="militia")

    assert "kind" in refused.value.errors


def test_an_actor_without_a_name_is_refused(nothing_changes):
    with nothing_changes(), pytest.raises(InvalidInput, match="name"):
        actor_create(name="")
