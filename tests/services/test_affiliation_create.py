from datetime import date, timedelta

import pytest
from django.utils import timezone

from claims.choices import AffiliationRelation
from claims.errors import InvalidInput
from claims.models import Affiliation, Claim
from claims.services.affiliations import affiliation_create
from tests.factories import make_actor, make_appearance, make_claim, make_outlet

pytestmark = pytest.mark.django_db


def test_affiliation_is_recorded_with_who_states_it(editor):
    outlet, actor, source = make_outlet("Al-Mayadeen"), make_actor("Hezbollah"), make_outlet("Reuters")

    affiliation = affiliation_create(
        outlet=outlet,
        actor=actor,
        relation=AffiliationRelation.SUPPORTS,
        stated_by_outlet=source,
        quote="الميادين المقربة من حزب الله",
        valid_from=date(2012, 6, 11),
        by=editor,
    )

    saved = Affiliation.objects.get(pk=affiliation.pk)
    assert (saved.outlet, saved.actor, saved.relation) == (outlet, actor, AffiliationRelation.SUPPORTS)
    assert (saved.stated_by_outlet, saved.stated_by_url) == (source, "")
    assert saved.quote == "الميادين المقربة من حزب الله"
    assert (saved.valid_from, saved.valid_to, saved.created_by) == (date(2012, 6, 11), None, editor)


def test_an_affiliation_stated_by_a_url_alone_is_accepted():
    affiliation = affiliation_create(
        outlet=make_outlet(),
        actor=make_actor(),
        relation=AffiliationRelation.STATE_MEDIA_OF,
        stated_by_url="https://example.org/report",
    )

    assert Affiliation.objects.filter(pk=affiliation.pk).exists()


def test_a_shared_affiliation_makes_two_origins_one_voice(committed):
    claim, actor = make_claim(), make_actor()
    first, second = make_outlet(), make_outlet()
    make_appearance(claim, first, published_on=date(2021, 10, 21))
    make_appearance(claim, second, published_on=date(2021, 10, 21))
    with committed():
        affiliation_create(
            outlet=first, actor=actor, relation=AffiliationRelation.OWNED_BY, stated_by_url="https://example.org/a"
        )
    assert Claim.objects.get(pk=claim.pk).independent_origin_count == 2

    with committed():
        affiliation_create(
            outlet=second, actor=actor, relation=AffiliationRelation.FUNDED_BY, stated_by_url="https://example.org/b"
        )

    assert Claim.objects.get(pk=claim.pk).independent_origin_count == 1


def test_an_affiliation_not_in_force_on_the_publication_date_keeps_origins_independent():
    claim, actor = make_claim(), make_actor()
    first, second = make_outlet(), make_outlet()
    make_appearance(claim, first, published_on=date(2021, 10, 21))
    make_appearance(claim, second, published_on=date(2021, 10, 21))
    for outlet in (first, second):
        affiliation_create(
            outlet=outlet,
            actor=actor,
            relation=AffiliationRelation.AFFILIATED_WITH,
            stated_by_url="https://example.org/a",
            valid_from=date(2015, 1, 1) if outlet == first else date(2022, 1, 1),
        )

    assert Claim.objects.get(pk=claim.pk).independent_origin_count == 2


def test_an_unsourced_affiliation_is_refused(nothing_changes):
    outlet, actor = make_outlet(), make_actor()

    with nothing_changes(), pytest.raises(InvalidInput, match="must say who states it"):
        affiliation_create(outlet=outlet, actor=actor, relation=AffiliationRelation.AFFILIATED_WITH)


def test_valid_to_before_valid_from_is_refused(nothing_changes):
    outlet, actor = make_outlet(), make_actor()

    with nothing_changes(), pytest.raises(InvalidInput, match="valid_to must not be before valid_from"):
        affiliation_create(
            outlet=outlet,
            actor=actor,
            relation=AffiliationRelation.AFFILIATED_WITH,
            stated_by_url="https://example.org/a",
            valid_from=date(2020, 1, 1),
            valid_to=date(2019, 12, 31),
        )


@pytest.mark.parametrize("field", ["valid_from", "valid_to"])
def test_a_span_date_in_the_future_is_refused(field, nothing_changes):
    outlet, actor = make_outlet(), make_actor()
    tomorrow = timezone.localdate() + timedelta(days=1)

    with nothing_changes(), pytest.raises(InvalidInput, match=f"{field} {tomorrow} is in the future") as refused:
        affiliation_create(
            outlet=outlet,
            actor=actor,
            relation=AffiliationRelation.AFFILIATED_WITH,
            stated_by_url="https://example.org/a",
            **{field: tomorrow},
        )

    assert refused.value.field == field


def test_an_unknown_relation_is_refused(nothing_changes):
    outlet, actor = make_outlet(), make_actor()

    with nothing_changes(), pytest.raises(InvalidInput, match="relation") as refused:
        affiliation_create(outlet=outlet, actor=actor, relation="enemy_of", stated_by_url="https://example.org/a")

    assert "relation" in refused.value.errors
