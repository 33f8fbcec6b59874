"""Stored scores follow every input change before the write returns (SPEC §6.6)."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from claims.models import Claim
from claims.services.actors import actor_update
from claims.services.affiliations import affiliation_withdraw
from claims.services.outlets import outlet_update
from claims.services.rescoring import claims_rescore, claims_rescore_all, rescoring_deferred
from tests.factories import make_actor, make_affiliation, make_appearance, make_claim, make_outlet

pytestmark = pytest.mark.django_db


def stored(claim: Claim) -> Claim:
    return Claim.objects.get(pk=claim.pk)


def two_origin_claims(first, second) -> list[Claim]:
    claims = [make_claim() for _ in range(3)]
    for claim in claims:
        make_appearance(claim, first, published_on=date(2021, 5, 1))
        make_appearance(claim, second, published_on=date(2021, 5, 1))
    return claims


def test_a_new_affiliation_merges_groups_in_every_claim_of_the_outlet(committed):
    first, second = make_outlet(reliability="C"), make_outlet(reliability="C")
    claims = two_origin_claims(first, second)
    assert {stored(c).independent_origin_count for c in claims} == {2}
    actor = make_actor()
    with committed():
        make_affiliation(first, actor)
        tie = make_affiliation(second, actor)

    assert {stored(c).independent_origin_count for c in claims} == {1}

    with committed():
        affiliation_withdraw(affiliation=tie, reason="The source retracted it")
    assert {stored(c).independent_origin_count for c in claims} == {2}


def test_a_new_grade_rescores_every_claim_the_outlet_reported(committed):
    outlet = make_outlet(reliability="E")
    claims = two_origin_claims(outlet, make_outlet(reliability="E"))
    before = {stored(c).confidence for c in claims}

    with committed():
        outlet_update(outlet=outlet, reliability="A")

    after = {stored(c).confidence for c in claims}
    assert min(after) > max(before)
    assert {stored(c).admiralty_code[0] for c in claims} == {"A"}


def test_renaming_an_actor_updates_the_search_text_of_its_claims(committed):
    actor = make_actor("Hezbollah")
    claim = make_claim(subject=actor)

    with committed():
        actor_update(actor=actor, aliases=["Hizballah"])

    assert "hizballah" in stored(claim).search_text


def test_a_rescore_bumps_updated_at_only_when_something_changed():
    claim = make_claim()
    make_appearance(claim)
    first = stored(claim).updated_at

    claims_rescore(claim_ids=[claim.pk])
    assert stored(claim).updated_at == first

    make_appearance(claim)
    assert stored(claim).updated_at > first


def test_deferred_rescoring_waits_for_the_end_of_the_block():
    with rescoring_deferred() as pending:
        claim = make_claim()
        make_appearance(claim, make_outlet(reliability="B"))
        assert stored(claim).appearance_count == 0
        assert claim.pk in pending

    assert stored(claim).appearance_count == 1
    assert stored(claim).confidence == 62


def test_rescoring_runs_in_batches_of_constant_queries():
    claims = [make_claim() for _ in range(6)]
    for claim in claims:
        make_appearance(claim)
    Claim.objects.update(confidence=0, appearance_count=0)

    with CaptureQueriesContext(connection) as two_batches:
        claims_rescore(claim_ids=[c.pk for c in claims[:4]], batch_size=2)
    Claim.objects.update(confidence=0, appearance_count=0)
    with CaptureQueriesContext(connection) as three_batches:
        claims_rescore(claim_ids=[c.pk for c in claims], batch_size=2)

    per_batch = len(two_batches.captured_queries) / 2
    assert len(three_batches.captured_queries) == 3 * per_batch
    assert {c.appearance_count for c in Claim.objects.all()} == {1}


def test_rescoring_everything_changes_nothing_when_all_is_current():
    for _ in range(3):
        make_appearance(make_claim())
    assert claims_rescore_all() == 0
