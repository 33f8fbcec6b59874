"""The database itself refuses bad citations, whatever path writes them."""

from datetime import date

import pytest
from django.db import IntegrityError, transaction
from django.db.models import ProtectedError
from django.utils import timezone

from claims.choices import CitationKind
from claims.models import Appearance, Citation
from tests.factories import make_appearance, make_claim

pytestmark = pytest.mark.django_db


@pytest.fixture
def pair() -> tuple[Appearance, Appearance]:
    claim = make_claim()
    return make_appearance(claim, published_on=date(2021, 10, 21)), make_appearance(
        claim, published_on=date(2021, 10, 22)
    )


def test_a_self_citation_is_refused(pair):
    cited, _ = pair

    with pytest.raises(IntegrityError), transaction.atomic():
        Citation.objects.create(claim=cited.claim, citing=cited, cited=cited)

    assert not Citation.objects.exists()


def test_an_unknown_kind_is_refused(pair):
    cited, citing = pair
    citation = Citation.objects.create(claim=cited.claim, citing=citing, cited=cited)

    with pytest.raises(IntegrityError), transaction.atomic():
        Citation.objects.filter(pk=citation.pk).update(kind="rumoured")

    assert Citation.objects.get(pk=citation.pk).kind == CitationKind.CITED


def test_a_second_current_citation_of_the_same_pair_is_refused(pair):
    cited, citing = pair
    Citation.objects.create(claim=cited.claim, citing=citing, cited=cited)

    with pytest.raises(IntegrityError), transaction.atomic():
        Citation.objects.create(claim=cited.claim, citing=citing, cited=cited, kind=CitationKind.QUOTED)

    assert Citation.objects.count() == 1


def test_the_same_pair_may_be_cited_again_once_the_first_is_withdrawn(pair):
    cited, citing = pair
    Citation.objects.create(claim=cited.claim, citing=citing, cited=cited, withdrawn_at=timezone.now())

    Citation.objects.create(claim=cited.claim, citing=citing, cited=cited)

    assert Citation.objects.count() == 2


def test_a_cited_appearance_cannot_be_deleted(pair):
    cited, citing = pair
    Citation.objects.create(claim=cited.claim, citing=citing, cited=cited)

    with pytest.raises(ProtectedError), transaction.atomic():
        cited.delete()

    assert Appearance.objects.filter(pk=cited.pk).exists()
