"""Who sees what (SPEC §7): consumers see published and retracted claims and their current rows;
the newsroom sees everything, withdrawn rows included. One rule, in Claim.objects.visible_to."""

from datetime import date

import pytest
from django.contrib.auth.models import AnonymousUser

from claims.choices import ReviewState
from claims.models import Affiliation, Appearance, Citation, Claim, ReviewTransition, StatusEvidence
from claims.models.claim import PUBLIC_STATES
from claims.services.affiliations import affiliation_withdraw
from claims.services.appearances import appearance_withdraw
from claims.services.evidence import evidence_withdraw
from claims.services.workflow import claim_transition
from tests.factories import make_actor, make_affiliation, make_appearance, make_citation, make_evidence, make_outlet
from tests.workflow.states import PATHS, claim_in

pytestmark = pytest.mark.django_db

PUBLIC = set(PUBLIC_STATES)


def claim_with_rows(state: str) -> Claim:
    """A claim in `state` with two appearances, a citation and evidence, one appearance withdrawn."""
    claim = claim_in(ReviewState.DRAFT, text=f"A claim that is {state}")
    first = make_appearance(claim, published_on=date(2021, 10, 20))
    second = make_appearance(claim, published_on=date(2021, 10, 21))
    make_citation(second, first, kind="republished")
    make_evidence(claim, stance="denies")
    dropped = make_appearance(claim, published_on=date(2021, 10, 22))
    appearance_withdraw(appearance=dropped, reason="Wrong outlet.")
    withdrawn_evidence = make_evidence(claim, stance="confirms", date=date(2021, 10, 26))
    evidence_withdraw(evidence=withdrawn_evidence, reason="Misattributed statement.")
    return claim_in_state(claim, state)


def claim_in_state(claim: Claim, state: str) -> Claim:
    for step in PATHS[state]:
        claim_transition(claim=claim, step=step, by=None, comment=f"Set up: {step}.")
    return claim


@pytest.fixture
def claims_in_every_state(db) -> dict[str, Claim]:
    return {state: claim_with_rows(state) for state in ReviewState.values}


@pytest.fixture
def viewer(request, consumer, editor, reviewer, editor_reviewer, superuser):
    return {
        "anonymous": AnonymousUser(),
        "consumer": consumer,
        "editor": editor,
        "reviewer": reviewer,
        "editor_reviewer": editor_reviewer,
        "superuser": superuser,
        "nobody": None,
    }[request.param]


NEWSROOM = ["editor", "reviewer", "editor_reviewer", "superuser"]
CONSUMERS = ["anonymous", "consumer", "nobody"]


@pytest.mark.parametrize("viewer", NEWSROOM, indirect=True)
def test_newsroom_sees_every_claim_and_every_row_withdrawn_or_not(viewer, claims_in_every_state):
    ids = {claim.pk for claim in claims_in_every_state.values()}

    assert set(Claim.objects.visible_to(viewer).values_list("pk", flat=True)) == ids
    assert Appearance.objects.visible_to(viewer).count() == 3 * len(ids)
    assert Citation.objects.visible_to(viewer).count() == Citation.objects.count()
    assert StatusEvidence.objects.visible_to(viewer).count() == 2 * len(ids)
    assert ReviewTransition.objects.visible_to(viewer).count() == ReviewTransition.objects.count()


@pytest.mark.parametrize("viewer", CONSUMERS, indirect=True)
def test_consumers_see_only_public_claims_and_their_current_rows(viewer, claims_in_every_state):
    public = {claim.pk for state, claim in claims_in_every_state.items() if state in PUBLIC}

    assert set(Claim.objects.visible_to(viewer).values_list("pk", flat=True)) == public
    appearances = Appearance.objects.visible_to(viewer)
    assert {a.claim_id for a in appearances} == public
    assert appearances.count() == 2 * len(public)
    assert not appearances.filter(withdrawn_at__isnull=False).exists()
    assert {c.claim_id for c in Citation.objects.visible_to(viewer)} == public
    evidence = StatusEvidence.objects.visible_to(viewer)
    assert {(e.claim_id, e.stance) for e in evidence} == {(pk, "denies") for pk in public}
    transitions = ReviewTransition.objects.visible_to(viewer)
    assert {t.claim_id for t in transitions} == public


def test_a_user_in_no_group_is_a_consumer_even_with_staff_status(consumer, claims_in_every_state):
    consumer.is_staff = True
    consumer.save()

    states = set(Claim.objects.visible_to(consumer).values_list("review_state", flat=True))

    assert states == PUBLIC


def test_withdrawn_affiliations_are_shown_to_the_newsroom_only(consumer, editor):
    outlet, actor = make_outlet(), make_actor()
    kept = make_affiliation(outlet, actor)
    dropped = make_affiliation(outlet, make_actor())
    affiliation_withdraw(affiliation=dropped, reason="The source was a parody account.")

    assert set(Affiliation.objects.visible_to(editor)) == {kept, dropped}
    assert set(Affiliation.objects.visible_to(consumer)) == {kept}
