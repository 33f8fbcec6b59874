import pytest
from django.db import IntegrityError, transaction

from claims.choices import ReviewState
from claims.models import Appearance, Claim
from tests.factories import make_appearance, make_claim

pytestmark = pytest.mark.django_db


def test_an_unknown_review_state_is_refused():
    claim = make_claim()

    with pytest.raises(IntegrityError), transaction.atomic():
        Claim.objects.filter(pk=claim.pk).update(review_state="approved")

    assert Claim.objects.get(pk=claim.pk).review_state == ReviewState.DRAFT


def test_confidence_above_100_is_refused():
    claim = make_claim()

    with pytest.raises(IntegrityError), transaction.atomic():
        Claim.objects.filter(pk=claim.pk).update(confidence=101)

    assert Claim.objects.get(pk=claim.pk).confidence == 0


@pytest.mark.parametrize(
    "model, make", [(Claim, make_claim), (Appearance, make_appearance)], ids=["claim", "appearance"]
)
def test_a_duplicate_external_reference_is_refused(model, make):
    make(external_ref="seed:1")
    other = make()

    with pytest.raises(IntegrityError), transaction.atomic():
        model.objects.filter(pk=other.pk).update(external_ref="seed:1")

    assert model.objects.filter(external_ref="seed:1").count() == 1


def test_many_rows_may_have_no_external_reference():
    make_claim()
    make_claim()

    assert Claim.objects.filter(external_ref__isnull=True).count() == 2
