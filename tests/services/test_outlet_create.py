import pytest

from claims.choices import OutletKind, Reliability
from claims.errors import InvalidInput
from claims.models import Outlet
from claims.services.outlets import outlet_create

pytestmark = pytest.mark.django_db


def test_outlet_is_recorded_with_grade_f_by_default(editor):
    outlet = outlet_create(name="Al-Akhbar", kind=OutletKind.NEWSPAPER, country="Lebanon", language="ar", by=editor)

    saved = Outlet.objects.get(pk=outlet.pk)
    assert (saved.name, saved.slug, saved.kind) == ("Al-Akhbar", "al-akhbar", OutletKind.NEWSPAPER)
    assert saved.reliability == Reliability.F


def test_someone_both_editor_and_reviewer_may_grade_an_outlet_when_creating_it(editor_reviewer):
    outlet = outlet_create(
        name="Reuters", reliability=Reliability.B, reliability_note="Wire service.", by=editor_reviewer
    )

    assert Outlet.objects.get(pk=outlet.pk).reliability == Reliability.B


def test_aliases_are_trimmed_and_deduplicated_in_order():
    outlet = outlet_create(name="Al-Akhbar", aliases=[" al-Akhbar ", "Akhbar", "al-Akhbar", "", "الأخبار"])

    assert Outlet.objects.get(pk=outlet.pk).aliases == ["al-Akhbar", "Akhbar", "الأخبار"]


def test_arabic_name_and_aliases_are_stored_as_given_with_an_ascii_slug():
    outlet = outlet_create(name="الأخبار", aliases=["جريدة الأخبار", "Al-Akhbar"])

    saved = Outlet.objects.get(pk=outlet.pk)
    assert saved.name == "الأخبار"
    assert saved.aliases == ["جريدة الأخبار", "Al-Akhbar"]
    assert saved.slug
    assert saved.slug.isascii()
    assert saved.slug != Outlet._meta.model_name


def test_persian_name_gets_an_ascii_slug():
    outlet = outlet_create(name="خبرگزاری فارس")

    saved = Outlet.objects.get(pk=outlet.pk)
    assert saved.name == "خبرگزاری فارس"
    assert saved.slug.isascii()
    assert len(saved.slug) > 3


def test_a_derived_slug_that_is_taken_gets_a_number():
    first = outlet_create(name="Mayadeen Weekly", slug="al-mayadeen")
    second = outlet_create(name="Al-Mayadeen")
    third = outlet_create(name="Al Mayadeen (Beirut)", slug=None)
    fourth = outlet_create(name="Al Mayadeen TV", slug=None)

    assert [first.slug, second.slug] == ["al-mayadeen", "al-mayadeen-2"]
    assert [third.slug, fourth.slug] == ["al-mayadeen-beirut", "al-mayadeen-tv"]


def test_a_duplicate_slug_given_explicitly_is_refused(nothing_changes):
    outlet_create(name="Al Mayadeen", slug="mayadeen")

    with nothing_changes(), pytest.raises(InvalidInput, match='The slug "mayadeen" is already used') as refused:
        outlet_create(name="Al Mayadeen TV", slug="mayadeen")

    assert refused.value.field == "slug"


def test_a_malformed_slug_is_refused(nothing_changes):
    with nothing_changes(), pytest.raises(InvalidInput, match="slug"):
        outlet_create(name="Al Mayadeen", slug="al mayadeen!")


def test_an_unknown_grade_is_refused(nothing_changes):
    with nothing_changes(), pytest.raises(InvalidInput, match="reliability") as refused:
        outlet_create(name="Sabereen News", reliability="Z")

    assert "reliability" in refused.value.errors


def test_an_unknown_kind_is_refused(nothing_changes):
    with nothing_changes(), pytest.raises(InvalidInput, match="kind") as refused:
        outlet_create(name="Sabereen News", kind="blog")

    assert "kind" in refused.value.errors


def test_an_outlet_without_a_name_is_refused(nothing_changes):
    with nothing_changes(), pytest.raises(InvalidInput, match="name"):
        outlet_create(name="   ")


@pytest.mark.parametrize("aliases", ["Akhbar", ["Akhbar", 3]])
def test_aliases_that_are_not_a_list_of_names_are_refused(aliases, nothing_changes):
    with nothing_changes(), pytest.raises(InvalidInput, match="aliases must be a list of names"):
        outlet_create(name="Al-Akhbar", aliases=aliases)
