from datetime import date

import pytest
from django.db import IntegrityError, transaction

from claims.choices import AffiliationRelation
from claims.models import Affiliation
from tests.factories import make_actor, make_affiliation, make_outlet

pytestmark = pytest.mark.django_db


@pytest.fixture
def affiliation() -> Affiliation:
    return make_affiliation(make_outlet(), make_actor(), valid_from=date(2015, 1, 1))


def test_an_unknown_relation_is_refused(affiliation):
    with pytest.raises(IntegrityError), transaction.atomic():
        Affiliation.objects.filter(pk=affiliation.pk).update(relation="enemy_of")

    assert Affiliation.objects.get(pk=affiliation.pk).relation == AffiliationRelation.AFFILIATED_WITH


def test_valid_to_before_valid_from_is_refused(affiliation):
    with pytest.raises(IntegrityError), transaction.atomic():
        Affiliation.objects.filter(pk=affiliation.pk).update(valid_to=date(2014, 12, 31))

    assert Affiliation.objects.get(pk=affiliation.pk).valid_to is None


def test_an_unsourced_affiliation_is_refused():
    outlet, actor = make_outlet(), make_actor()

    with pytest.raises(IntegrityError), transaction.atomic():
        Affiliation.objects.create(outlet=outlet, actor=actor, relation=AffiliationRelation.SUPPORTS)

    assert not Affiliation.objects.exists()


def test_removing_the_source_of_an_affiliation_is_refused(affiliation):
    with pytest.raises(IntegrityError), transaction.atomic():
        Affiliation.objects.filter(pk=affiliation.pk).update(stated_by_url="")

    assert Affiliation.objects.get(pk=affiliation.pk).stated_by_url
