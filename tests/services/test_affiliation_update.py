from datetime import date, timedelta

import pytest
from django.utils import timezone

from claims.choices import AffiliationRelation
from claims.errors import InvalidInput, NotAllowed
from claims.models import Affiliation, Claim
from claims.services.affiliations import affiliation_update, affiliation_withdraw
from tests.factories import make_actor, make_affiliation, make_appearance, make_claim, make_outlet

pytestmark = pytest.mark.django_db


@pytest.fixture
def affiliation() -> Affiliation:
    return make_affiliation(make_outlet(), make_actor(), valid_from=date(2015, 1, 1))


def test_affiliation_fields_are_updated(affiliation, editor):
    affiliation_update(
        affiliation=affiliation, relation=AffiliationRelation.OVERSEEN_BY, valid_to=date(2020, 12, 31), by=editor
    )

    saved = Affiliation.objects.get(pk=affiliation.pk)
    assert (saved.relation, saved.valid_to) == (AffiliationRelation.OVERSEEN_BY, date(2020, 12, 31))


def test_moving_an_affiliation_to_another_outlet_rescores_both_outlets_claims(committed):
    actor = make_actor()
    a, b, c, d = (make_outlet() for _ in range(4))
    left, right = make_claim(), make_claim()
    for claim, outlets in ((left, (a, b)), (right, (c, d))):
        for outlet in outlets:
            make_appearance(claim, outlet, published_on=date(2021, 10, 21))
    with committed():
        make_affiliation(a, actor)
        moving = make_affiliation(b, actor)
        make_affiliation(d, actor)
    assert Claim.objects.get(pk=left.pk).independent_origin_count == 1
    assert Claim.objects.get(pk=right.pk).independent_origin_count == 2

    with committed():
        affiliation_update(affiliation=moving, outlet=c)

    assert Claim.objects.get(pk=left.pk).independent_origin_count == 2
    assert Claim.objects.get(pk=right.pk).independent_origin_count == 1


def test_valid_to_before_valid_from_is_refused(affiliation, nothing_changes):
    with nothing_changes(), pytest.raises(InvalidInput, match="valid_to must not be before valid_from"):
        affiliation_update(affiliation=affiliation, valid_to=date(2014, 12, 31))


def test_valid_to_in_the_future_is_refused(affiliation, nothing_changes):
    with nothing_changes(), pytest.raises(InvalidInput, match=r"valid_to .* is in the future"):
        affiliation_update(affiliation=affiliation, valid_to=timezone.localdate() + timedelta(days=1))


def test_removing_the_only_source_is_refused(affiliation, nothing_changes):
    with nothing_changes(), pytest.raises(InvalidInput, match="must say who states it"):
        affiliation_update(affiliation=affiliation, stated_by_url="")

    assert Affiliation.objects.get(pk=affiliation.pk).stated_by_url == "https://example.org/who-says-so"


def test_an_unknown_relation_is_refused(affiliation, nothing_changes):
    with nothing_changes(), pytest.raises(InvalidInput, match="relation"):
        affiliation_update(affiliation=affiliation, relation="enemy_of")


def test_updating_a_withdrawn_affiliation_is_refused(affiliation, nothing_changes):
    affiliation_withdraw(affiliation=affiliation, reason="The report was corrected.")

    with nothing_changes(), pytest.raises(NotAllowed, match="withdrawn"):
        affiliation_update(affiliation=affiliation, quote="Too late")


def test_a_field_that_cannot_be_edited_is_refused(affiliation, nothing_changes):
    with nothing_changes(), pytest.raises(InvalidInput, match="cannot be changed here: withdrawn_at"):
        affiliation_update(affiliation=affiliation, withdrawn_at=timezone.now())
