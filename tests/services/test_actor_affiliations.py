"""Ties between actors: whom a speaker speaks for, leads or belongs to, always with who says so."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from claims.choices import ActorKind, ActorRelation
from claims.errors import Forbidden, InvalidInput, NotAllowed
from claims.models import ActorAffiliation, Job
from claims.services.actor_affiliations import (
    actor_affiliation_create,
    actor_affiliation_update,
    actor_affiliation_withdraw,
)
from tests.factories import make_actor, make_actor_affiliation, make_outlet

pytestmark = pytest.mark.django_db


def test_a_spokesman_is_tied_to_the_body_he_speaks_for(editor):
    ryder = make_actor("Pat Ryder", kind=ActorKind.OFFICIAL)
    pentagon = make_actor("Pentagon", kind=ActorKind.GOVERNMENT_BODY)
    source = make_outlet("Pishtaz News")

    tie = actor_affiliation_create(
        actor=ryder,
        body=pentagon,
        relation=ActorRelation.SPEAKS_FOR,
        stated_by_outlet=source,
        quote="Pentagon spokesman Brig. Gen. Pat Ryder",
        valid_from=date(2023, 10, 19),
        by=editor,
    )

    saved = ActorAffiliation.objects.get(pk=tie.pk)
    assert (saved.actor, saved.body, saved.relation, saved.stated_by_outlet) == (ryder, pentagon, "speaks_for", source)
    assert (saved.valid_from, saved.created_by) == (date(2023, 10, 19), editor)
    assert list(ryder.ties.all()) == [saved] and list(pentagon.tied_actors.all()) == [saved]
    assert saved.history.count() == 1


def test_a_tie_changes_no_score(editor):
    make_actor_affiliation(make_actor(), make_actor(), by=editor)

    assert not Job.objects.exists()


@pytest.mark.parametrize(
    "change",
    [
        {"relation": "friends_with"},
        {"stated_by_url": ""},
        {"stated_by_url": "not a url"},
        {"valid_from": date(2020, 1, 1), "valid_to": date(2019, 1, 1)},
        {"valid_from": timezone.localdate() + timedelta(days=1)},
        {"quote": "x" * 4001},
    ],
)
def test_a_bad_tie_is_refused_and_nothing_is_written(change):
    fields = {"relation": "member_of", "stated_by_url": "https://example.org/says", **change}

    with pytest.raises(InvalidInput):
        actor_affiliation_create(actor=make_actor(), body=make_actor(), **fields)

    assert not ActorAffiliation.objects.exists()


def test_an_actor_cannot_speak_for_itself():
    actor = make_actor()

    with pytest.raises(InvalidInput, match="itself"):
        make_actor_affiliation(actor, actor)

    assert not ActorAffiliation.objects.exists()


def test_a_consumer_may_not_record_a_tie(consumer):
    with pytest.raises(Forbidden):
        make_actor_affiliation(make_actor(), make_actor(), by=consumer)

    assert not ActorAffiliation.objects.exists()


def test_a_reviewer_reads_ties_but_does_not_write_them(reviewer):
    assert reviewer.has_perm("claims.view_actoraffiliation")
    with pytest.raises(Forbidden):
        make_actor_affiliation(make_actor(), make_actor(), by=reviewer)


def test_an_editor_corrects_a_tie_and_its_history_keeps_both(editor):
    tie = make_actor_affiliation(make_actor(), make_actor(), by=editor)

    actor_affiliation_update(actor_affiliation=tie, relation=ActorRelation.LEADS, by=editor)

    tie.refresh_from_db()
    assert tie.relation == "leads"
    assert list(tie.history.order_by("history_id").values_list("relation", flat=True)) == ["speaks_for", "leads"]


def test_an_update_that_changes_nothing_writes_nothing(editor):
    tie = make_actor_affiliation(make_actor(), make_actor(), by=editor)

    actor_affiliation_update(actor_affiliation=tie, relation=tie.relation, by=editor)

    assert tie.history.count() == 1


def test_a_withdrawn_tie_keeps_its_reason_and_cannot_change(editor):
    tie = make_actor_affiliation(make_actor(), make_actor(), by=editor)

    actor_affiliation_withdraw(actor_affiliation=tie, reason="The article says he retired.", by=editor)

    tie.refresh_from_db()
    assert (tie.withdrawn_reason, tie.withdrawn_by) == ("The article says he retired.", editor)
    with pytest.raises(NotAllowed):
        actor_affiliation_update(actor_affiliation=tie, relation=ActorRelation.LEADS, by=editor)
    with pytest.raises(NotAllowed):
        actor_affiliation_withdraw(actor_affiliation=tie, reason="Again.", by=editor)
