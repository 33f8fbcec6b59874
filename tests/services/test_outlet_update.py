import pytest

from claims.choices import Reliability
from claims.errors import InvalidInput
from claims.models import Claim, Outlet
from claims.services.outlets import outlet_update
from tests.factories import make_appearance, make_outlet

pytestmark = pytest.mark.django_db


def test_grading_an_outlet_rescores_the_claims_it_reported(reviewer, committed):
    outlet = make_outlet()
    appearance = make_appearance(outlet=outlet)
    before = Claim.objects.get(pk=appearance.claim_id)

    with committed():
        outlet_update(outlet=outlet, reliability=Reliability.A, reliability_note="Verified over years.", by=reviewer)

    saved = Outlet.objects.get(pk=outlet.pk)
    assert (saved.reliability, saved.reliability_note) == (Reliability.A, "Verified over years.")
    after = Claim.objects.get(pk=appearance.claim_id)
    assert after.confidence > before.confidence
    assert after.admiralty_code.startswith(Reliability.A)


def test_renaming_an_outlet_keeps_its_slug_and_updates_the_claims_search_text(editor, committed):
    outlet = make_outlet("Fars News")
    appearance = make_appearance(outlet=outlet)

    with committed():
        outlet_update(outlet=outlet, name="Fars News Agency", aliases=["خبرگزاری فارس"], by=editor)

    saved = Outlet.objects.get(pk=outlet.pk)
    assert (saved.name, saved.slug, saved.aliases) == ("Fars News Agency", "fars-news", ["خبرگزاری فارس"])
    assert "خبرگزاری فارس" in Claim.objects.get(pk=appearance.claim_id).search_text


def test_an_emptied_slug_is_derived_again_from_the_name():
    outlet = make_outlet("Tasnim", slug="tasnim-news")

    outlet_update(outlet=outlet, slug="")

    assert Outlet.objects.get(pk=outlet.pk).slug == "tasnim"


def test_a_slug_taken_by_another_outlet_is_refused(nothing_changes):
    make_outlet("Tasnim")
    outlet = make_outlet("Tasnim News Agency")

    with nothing_changes(), pytest.raises(InvalidInput, match='The slug "tasnim" is already used'):
        outlet_update(outlet=outlet, slug="tasnim")

    assert Outlet.objects.get(pk=outlet.pk).slug == "tasnim-news-agency"


def test_keeping_its_own_slug_is_accepted():
    outlet = make_outlet("Tasnim")

    outlet_update(outlet=outlet, slug="tasnim", country="Iran")

    assert Outlet.objects.get(pk=outlet.pk).country == "Iran"


def test_an_unknown_grade_is_refused_and_the_claims_keep_their_confidence(reviewer, nothing_changes):
    outlet = make_outlet(reliability=Reliability.C)
    make_appearance(outlet=outlet)

    with nothing_changes(), pytest.raises(InvalidInput, match="reliability"):
        outlet_update(outlet=Outlet.objects.get(pk=outlet.pk), reliability="Z", by=reviewer)

    assert Outlet.objects.get(pk=outlet.pk).reliability == Reliability.C


def test_an_unknown_kind_is_refused(nothing_changes):
    outlet = make_outlet()

    with nothing_changes(), pytest.raises(InvalidInput, match="kind"):
        outlet_update(outlet=outlet, kind="blog")


def test_a_field_that_cannot_be_edited_is_refused(nothing_changes):
    outlet = make_outlet()

    with nothing_changes(), pytest.raises(InvalidInput, match="cannot be changed here: search_names"):
        outlet_update(outlet=outlet, search_names="anything")
