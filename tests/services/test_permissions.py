"""Roles (SPEC §7): editors write, reviewers grade outlets, consumers read; `by=None` is the system."""

from collections.abc import Callable
from datetime import date

import pytest
from django.contrib.auth.models import User

from claims.choices import AffiliationRelation, Reliability, Stance
from claims.errors import Forbidden
from claims.models import Appearance, Claim, Outlet
from claims.services.actors import actor_create, actor_update
from claims.services.affiliations import affiliation_create, affiliation_withdraw
from claims.services.appearances import appearance_create, appearance_update, appearance_withdraw
from claims.services.citations import citation_create, citation_withdraw
from claims.services.claims import claim_create, claim_update
from claims.services.events import event_create, event_update
from claims.services.evidence import evidence_create, evidence_withdraw
from claims.services.outlets import outlet_create, outlet_update
from tests.factories import (
    make_actor,
    make_affiliation,
    make_appearance,
    make_citation,
    make_claim,
    make_event,
    make_evidence,
    make_outlet,
)

pytestmark = pytest.mark.django_db


def later_cites_earlier() -> dict[str, Appearance]:
    claim = make_claim()
    cited = make_appearance(claim, published_on=date(2021, 10, 21))
    return {"citing": make_appearance(claim, published_on=date(2021, 10, 22)), "cited": cited}


# Each builds its inputs with the system user, then calls one service as `by`.
WRITES: dict[str, Callable[[User | None], object]] = {
    "claim_create": lambda by: claim_create(text="Someone attacked al-Tanf.", by=by),
    "claim_update": lambda by: claim_update(claim=make_claim(), notes="Checked.", by=by),
    "outlet_create": lambda by: outlet_create(name="Sabereen News", by=by),
    "outlet_update": lambda by: outlet_update(outlet=make_outlet(), country="Iraq", by=by),
    "actor_create": lambda by: actor_create(name="Kataib Hezbollah", by=by),
    "actor_update": lambda by: actor_update(actor=make_actor(), description="Iraqi armed group.", by=by),
    "event_create": lambda by: event_create(title="Drone attack", date=date(2021, 10, 20), by=by),
    "event_update": lambda by: event_update(event=make_event(), location="al-Tanf", by=by),
    "appearance_create": lambda by: appearance_create(
        claim=make_claim(), outlet=make_outlet(), published_on=date(2021, 10, 21), by=by
    ),
    "appearance_update": lambda by: appearance_update(appearance=make_appearance(), headline="New", by=by),
    "appearance_withdraw": lambda by: appearance_withdraw(appearance=make_appearance(), reason="Duplicate.", by=by),
    "citation_create": lambda by: citation_create(**later_cites_earlier(), by=by),
    "citation_withdraw": lambda by: citation_withdraw(
        citation=make_citation(**later_cites_earlier()), reason="Misread.", by=by
    ),
    "evidence_create": lambda by: evidence_create(
        claim=make_claim(), stance=Stance.DENIES, date=date(2021, 10, 21), url="https://example.org/s", by=by
    ),
    "evidence_withdraw": lambda by: evidence_withdraw(evidence=make_evidence(make_claim()), reason="Forged.", by=by),
    "affiliation_create": lambda by: affiliation_create(
        outlet=make_outlet(),
        actor=make_actor(),
        relation=AffiliationRelation.SUPPORTS,
        stated_by_url="https://example.org/a",
        by=by,
    ),
    "affiliation_withdraw": lambda by: affiliation_withdraw(
        affiliation=make_affiliation(make_outlet(), make_actor()), reason="Corrected.", by=by
    ),
}


@pytest.mark.parametrize("write", WRITES)
def test_a_consumer_may_write_nothing(write, consumer):
    with pytest.raises(Forbidden, match="You do not have permission"):
        WRITES[write](consumer)


@pytest.mark.parametrize("write", WRITES)
def test_an_editor_may_make_every_editorial_write(write, editor):
    WRITES[write](editor)


@pytest.mark.parametrize("write", WRITES)
def test_the_system_may_make_every_write(write):
    WRITES[write](None)


@pytest.mark.parametrize("write", WRITES)
def test_a_superuser_may_make_every_write(write, superuser):
    WRITES[write](superuser)


def test_a_consumer_creating_a_claim_is_refused_and_nothing_is_written(consumer, nothing_changes):
    with nothing_changes(), pytest.raises(Forbidden, match=r"claims\.add_claim"):
        claim_create(text="Someone attacked al-Tanf.", by=consumer)


def test_a_reviewer_may_not_create_claims(reviewer, nothing_changes):
    with nothing_changes(), pytest.raises(Forbidden):
        claim_create(text="Someone attacked al-Tanf.", by=reviewer)


def test_an_inactive_editor_may_write_nothing(editor, nothing_changes):
    editor.is_active = False
    editor.save()

    with nothing_changes(), pytest.raises(Forbidden):
        claim_create(text="Someone attacked al-Tanf.", by=editor)


def test_an_editor_may_not_grade_an_outlet(editor, nothing_changes):
    outlet = make_outlet(reliability=Reliability.C)
    make_appearance(outlet=outlet)

    with nothing_changes(), pytest.raises(Forbidden, match=r"claims\.set_outlet_reliability"):
        outlet_update(outlet=outlet, reliability=Reliability.A, by=editor)

    assert Outlet.objects.get(pk=outlet.pk).reliability == Reliability.C


def test_an_editor_may_not_write_a_reliability_note(editor, nothing_changes):
    outlet = make_outlet()

    with nothing_changes(), pytest.raises(Forbidden):
        outlet_update(outlet=outlet, reliability_note="Looks fine to me.", by=editor)


@pytest.mark.parametrize("grading", [{"reliability": Reliability.B}, {"reliability_note": "Reliable."}])
def test_an_editor_may_not_grade_an_outlet_when_creating_it(grading, editor, nothing_changes):
    with nothing_changes(), pytest.raises(Forbidden, match=r"claims\.set_outlet_reliability"):
        outlet_create(name="Sabereen News", by=editor, **grading)


def test_an_editor_may_resend_the_current_grade_with_other_edits(editor):
    outlet = make_outlet("Sabereen", reliability=Reliability.E)

    outlet_update(outlet=outlet, name="Sabereen News", reliability=Reliability.E, by=editor)

    saved = Outlet.objects.get(pk=outlet.pk)
    assert (saved.name, saved.reliability) == ("Sabereen News", Reliability.E)


def test_a_reviewer_may_grade_an_outlet(reviewer, committed):
    outlet = make_outlet()
    claim = make_appearance(outlet=outlet).claim

    with committed():
        outlet_update(outlet=outlet, reliability=Reliability.B, reliability_note="Corroborated.", by=reviewer)

    assert Outlet.objects.get(pk=outlet.pk).reliability == Reliability.B
    assert Claim.objects.get(pk=claim.pk).admiralty_code.startswith(Reliability.B)


def test_a_reviewer_may_not_rename_an_outlet(reviewer, nothing_changes):
    outlet = make_outlet("Sabereen")

    with nothing_changes(), pytest.raises(Forbidden, match=r"claims\.change_outlet"):
        outlet_update(outlet=outlet, name="Sabereen News", by=reviewer)


def test_a_reviewer_grading_and_renaming_at_once_changes_nothing(reviewer, nothing_changes):
    outlet = make_outlet("Sabereen")

    with nothing_changes(), pytest.raises(Forbidden):
        outlet_update(outlet=outlet, name="Sabereen News", reliability=Reliability.D, by=reviewer)


def test_the_system_may_grade_an_outlet():
    outlet = outlet_create(name="Reuters", reliability=Reliability.B)

    outlet_update(outlet=outlet, reliability=Reliability.A)

    assert Outlet.objects.get(pk=outlet.pk).reliability == Reliability.A
