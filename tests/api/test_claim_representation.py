"""The claim list's hand-built representation is DRF's own, field for field, and leaves out no claim."""

from datetime import datetime, timedelta

import pytest
from django.utils import timezone
from rest_framework.serializers import ModelSerializer
from rest_framework.test import APIRequestFactory

from claims.api.serializers.claims import ClaimSerializer
from claims.models import Claim
from claims.selectors.claims import claim_summaries
from claims.selectors.pending import with_scores_pending


def drf_representation(serializer: ClaimSerializer, claim: Claim) -> dict:
    """What DRF's generic machinery makes of the same declared fields."""
    return dict(ModelSerializer.to_representation(serializer, claim))


@pytest.mark.parametrize("host", ["testserver", "provenance.example.org:8443"])
def test_every_seed_claim_is_represented_as_drf_would(seed_corpus, settings, host) -> None:
    settings.ALLOWED_HOSTS = ["testserver", "provenance.example.org"]
    request = APIRequestFactory().get("/api/v1/claims/", HTTP_HOST=host)
    serializer = ClaimSerializer(context={"request": request})
    claims = list(with_scores_pending(Claim.objects.all()))
    assert len(claims) > 20
    for claim in claims:
        assert serializer.to_representation(claim) == drf_representation(serializer, claim)


def test_a_summary_row_is_represented_as_its_claim(seed_corpus) -> None:
    serializer = ClaimSerializer(context={"request": APIRequestFactory().get("/api/v1/claims/")})
    claims = {claim.pk: claim for claim in with_scores_pending(Claim.objects.all())}
    rows = list(claim_summaries(user=None)) + list(claim_summaries(user=None, filters={"outlet": "al-akhbar"}))
    assert len(rows) > 20
    for row in rows:
        assert serializer.to_representation(row) == drf_representation(serializer, claims[row.id])


def test_odd_values_are_represented_as_drf_would(seed_corpus) -> None:
    request = APIRequestFactory().get("/api/v1/claims/")
    serializer = ClaimSerializer(context={"request": request})
    claim = with_scores_pending(Claim.objects.order_by("id")).first()
    claim.first_reported, claim.subject_id, claim.event_id = None, None, None
    claim.confidence_factors = []
    claim.updated_at = datetime(2024, 2, 29, 23, 59, 59, 999999, tzinfo=timezone.get_fixed_timezone(timedelta(hours=5)))
    claim.created_at = datetime(2001, 1, 1, tzinfo=timezone.get_fixed_timezone(0))
    assert serializer.to_representation(claim) == drf_representation(serializer, claim)


def test_the_list_shows_summaries_of_the_claims_the_selector_finds(seed_corpus, client) -> None:
    page = client.get("/api/v1/claims/?limit=500").json()["results"]
    assert [c["id"] for c in page] == [c.id for c in claim_summaries(user=None)]
