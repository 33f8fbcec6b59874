import pytest

from claims.errors import InvalidInput
from claims.models import Actor, Claim
from claims.services.actors import actor_update
from tests.factories import make_actor, make_claim

pytestmark = pytest.mark.django_db


def test_renaming_an_actor_reaches_the_search_text_of_the_claims_about_it(editor, committed):
    actor = make_actor("Hezbollah")
    claim = make_claim(subject=actor)

    with committed():
        actor_update(actor=actor, name="Hizballah", aliases=["حزب الله"], by=editor)

    saved = Actor.objects.get(pk=actor.pk)
    assert (saved.name, saved.slug, saved.aliases) == ("Hizballah", "hezbollah", ["حزب الله"])
    search_text = Claim.objects.get(pk=claim.pk).search_text
    assert "hizballah" in search_text
    assert "حزب الله" in search_text


def test_a_slug_taken_by_another_actor_is_refused(nothing_changes):
    make_actor("Harakat al-Nujaba")
    actor = make_actor("Nujaba")

    with nothing_changes(), pytest.raises(InvalidInput, match='The slug "harakat-al-nujaba" is already used'):
        actor_update(actor=actor, slug="harakat-al-nujaba")


def test_an_unknown_kind_is_refused(nothing_changes):
    actor = make_actor()

    with nothing_changes(), pytest.raises(InvalidInput, match="kind"):
        actor_update(actor=actor, kind="militia")


def test_a_field_that_cannot_be_edited_is_refused(nothing_changes):
    actor = make_actor()

    with nothing_changes(), pytest.raises(InvalidInput, match="cannot be changed here: search_names"):
        actor_update(actor=actor, search_names="anything")
