"""What generate_synthetic --claims 300 writes: sizes, states, evidence, and search."""

from statistics import mean

import pytest
from django.db.models import Count, Max
from django.db.models.functions import Length

from claims.choices import ResponsibilityStatus, ReviewState
from claims.fastpath.synthetic import chain_ref
from claims.models import Actor, Affiliation, Appearance, Claim, Event, Outlet, StatusEvidence
from claims.models.fields import ALIASES, max_length_of
from tests.fastpath.synthetic.conftest import CLAIMS
from tests.models.text_fields import free_text_fields

pytestmark = pytest.mark.django_db


def test_it_writes_the_requested_number_of_claims(corpus):
    assert Claim.objects.count() == CLAIMS
    assert "claim: 300" in corpus


def test_it_builds_a_directory_with_every_grade_and_sourced_affiliations(corpus):
    assert Outlet.objects.count() == 300
    assert Actor.objects.count() == 300
    assert set(Outlet.objects.values_list("reliability", flat=True)) == set("ABCDEF")
    assert Outlet.objects.exclude(aliases=[]).exists()
    assert Affiliation.objects.count() > 50
    assert not Affiliation.objects.filter(stated_by_outlet__isnull=True, stated_by_url="").exists()
    assert Event.objects.count() >= 20


def test_ordinary_claims_have_three_to_six_appearances(corpus):
    counts = dict(Appearance.objects.values_list("claim_id").annotate(n=Count("id")).order_by())
    ordinary = [n for pk, n in counts.items() if pk != Claim.objects.get(external_ref=chain_ref(100)).pk]
    assert len(counts) == CLAIMS
    assert all(3 <= n <= 6 for n in ordinary)
    assert 4 <= mean(ordinary) <= 5


def test_stored_appearance_counts_match_the_rows(corpus):
    counts = dict(Appearance.objects.values_list("claim_id").annotate(n=Count("id")).order_by())
    assert all(claim.appearance_count == counts[claim.pk] for claim in Claim.objects.only("appearance_count"))


def test_the_benchmark_chain_has_exactly_its_size_and_is_published(corpus):
    claim = Claim.objects.get(external_ref="synthetic-chain-100")
    assert claim.appearances.count() == 100
    assert claim.appearance_count == 100
    assert claim.review_state == ReviewState.PUBLISHED


def test_most_claims_are_published_and_every_state_occurs(corpus):
    states = dict(Claim.objects.values_list("review_state").annotate(n=Count("id")).order_by())
    assert states[ReviewState.PUBLISHED] >= 0.7 * CLAIMS
    assert set(states) == set(ReviewState.values)


def test_some_claims_are_confirmed_or_denied(corpus):
    statuses = set(Claim.objects.values_list("status", flat=True))
    assert {ResponsibilityStatus.CONFIRMED, ResponsibilityStatus.DENIED, ResponsibilityStatus.UNCLAIMED} <= statuses
    assert StatusEvidence.objects.filter(appearance__isnull=False).exists()
    assert not StatusEvidence.objects.filter(appearance__isnull=True, url="").exists()


def test_evidence_points_to_an_appearance_of_its_own_claim(corpus):
    rows = StatusEvidence.objects.filter(appearance__isnull=False).values_list("claim_id", "appearance__claim_id")
    assert all(claim_id == appearance_claim for claim_id, appearance_claim in rows)


def test_the_public_api_finds_published_claims_by_their_subject(corpus, api):
    claim = Claim.objects.filter(review_state=ReviewState.PUBLISHED, subject__isnull=False).order_by("id").first()
    response = api.get("/api/v1/claims/", {"q": claim.subject.name})
    assert response.status_code == 200
    assert claim.pk in [row["id"] for row in response.json()["results"]]


def test_claim_texts_are_varied(corpus):
    texts = list(Claim.objects.values_list("text", flat=True))
    assert len(set(texts)) > 0.95 * len(texts)


def test_every_row_fits_the_input_limits(corpus):
    """The generator writes with COPY, past the services: its text must still be what they accept."""
    for model, field in free_text_fields():
        longest = model.objects.aggregate(n=Max(Length(field.name)))["n"] or 0
        assert longest <= max_length_of(field), f"{model.__name__}.{field.name}"
    for model in (Outlet, Actor):
        for aliases in model.objects.values_list("aliases", flat=True):
            assert len(aliases) <= ALIASES.count
            assert all(len(alias) <= ALIASES.length for alias in aliases)
