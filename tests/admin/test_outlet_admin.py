"""Outlets in the admin: search by any spelling, grades for reviewers only, affiliations inline."""

import pytest

from claims.models import Affiliation, Outlet
from tests.admin.pages import form_data
from tests.factories import make_actor, make_outlet

pytestmark = pytest.mark.django_db

LIST = "/admin/claims/outlet/"


def change_url(outlet: Outlet) -> str:
    return f"/admin/claims/outlet/{outlet.pk}/change/"


def found(client, term: str) -> set[int]:
    return set(client.get(LIST, {"q": term}).context["cl"].result_list.values_list("pk", flat=True))


def test_outlet_list_finds_an_outlet_by_name_alias_slug_and_script(as_editor):
    akhbar = make_outlet("Al-Akhbar", aliases=["al-Akhbar", "Akhbar", "الأخبار"])
    make_outlet("Al-Mayadeen")

    for term in ["Al-Akhbar", "Akhbar", "الأخبار", "al-akhbar", "akhbar"]:
        assert found(as_editor, term) == {akhbar.pk}, term


def test_editor_edits_an_outlet_but_its_grade_is_read_only(as_editor, editor):
    outlet = make_outlet("Al-Akhbar")
    page = as_editor.get(change_url(outlet))
    form = form_data(page, "outlet_form")
    assert "reliability" not in page.context["adminform"].form.fields
    form.update(country="Lebanon", aliases="Akhbar\nالأخبار\n", reliability="A")

    response = as_editor.post(change_url(outlet), form)

    assert response.status_code == 302
    stored = Outlet.objects.get(pk=outlet.pk)
    assert (stored.country, stored.aliases, stored.reliability) == ("Lebanon", ["Akhbar", "الأخبار"], "F")
    assert "الأخبار" in stored.search_names  # kept by the service, not the form
    assert stored.history.latest().history_user == editor


def test_reviewer_grades_an_outlet_and_may_change_nothing_else(as_reviewer, reviewer):
    outlet = make_outlet("Al-Akhbar", country="Lebanon")
    page = as_reviewer.get(change_url(outlet))
    assert set(page.context["adminform"].form.fields) == {"reliability", "reliability_note"}
    form = form_data(page, "outlet_form")
    form.update(reliability="D", reliability_note="Hezbollah-aligned daily.", country="Syria")

    response = as_reviewer.post(change_url(outlet), form)

    assert response.status_code == 302
    stored = Outlet.objects.get(pk=outlet.pk)
    assert (stored.reliability, stored.reliability_note, stored.country) == ("D", "Hezbollah-aligned daily.", "Lebanon")
    assert stored.history.latest().history_user == reviewer


def test_editor_adds_an_outlet_with_a_slug_made_by_the_service(as_editor):
    add = "/admin/claims/outlet/add/"
    form = form_data(as_editor.get(add), "outlet_form")
    form.update(name="Tasnim News Agency", kind="news_agency")

    response = as_editor.post(add, form)

    assert response.status_code == 302
    assert Outlet.objects.get().slug == "tasnim-news-agency"


def test_a_duplicate_slug_shows_on_the_slug_field_and_saves_nothing(as_editor):
    make_outlet("Al-Akhbar", slug="al-akhbar")
    add = "/admin/claims/outlet/add/"
    form = form_data(as_editor.get(add), "outlet_form")
    form.update(name="Al Akhbar (Lebanon)", slug="al-akhbar", kind="newspaper")

    response = as_editor.post(add, form)

    assert response.status_code == 200
    assert "already used" in str(response.context["adminform"].form.errors["slug"])
    assert Outlet.objects.count() == 1


def test_an_affiliation_added_inline_goes_through_the_service(as_editor, editor):
    outlet, actor = make_outlet("Al-Akhbar"), make_actor("Hezbollah")
    form = form_data(as_editor.get(change_url(outlet)), "outlet_form")
    form.update(
        {
            "affiliations-TOTAL_FORMS": "1",
            "affiliations-0-actor": str(actor.pk),
            "affiliations-0-relation": "affiliated_with",
            "affiliations-0-stated_by_url": "https://example.org/profile",
        }
    )

    response = as_editor.post(change_url(outlet), form)

    assert response.status_code == 302
    affiliation = Affiliation.objects.get()
    assert (affiliation.outlet, affiliation.actor, affiliation.created_by) == (outlet, actor, editor)


def test_an_unsourced_affiliation_is_refused_with_the_services_message(as_editor):
    outlet, actor = make_outlet("Al-Akhbar"), make_actor("Hezbollah")
    form = form_data(as_editor.get(change_url(outlet)), "outlet_form")
    form.update(
        {
            "country": "Lebanon",
            "affiliations-TOTAL_FORMS": "1",
            "affiliations-0-actor": str(actor.pk),
            "affiliations-0-relation": "affiliated_with",
        }
    )

    response = as_editor.post(change_url(outlet), form)

    assert response.status_code == 200
    assert "must say who states it" in response.content.decode()
    assert not Affiliation.objects.exists()
    assert Outlet.objects.get(pk=outlet.pk).country == ""


def test_a_duplicate_name_shows_on_the_name_field_naming_the_outlet_we_hold(as_editor):
    held = make_outlet("Levant Daily Ledger")
    add = "/admin/claims/outlet/add/"
    form = form_data(as_editor.get(add), "outlet_form")
    form.update(name="LEVANT DAILY LEDGER", kind="newspaper")

    response = as_editor.post(add, form)

    assert response.status_code == 200
    assert f"id {held.pk}" in str(response.context["adminform"].form.errors["name"])
    assert Outlet.objects.count() == 1


def test_the_domain_typed_in_the_admin_is_stored_normalised(as_editor):
    add = "/admin/claims/outlet/add/"
    form = form_data(as_editor.get(add), "outlet_form")
    form.update(name="Levant Daily Ledger", kind="newspaper", url="https://www.ledger.example:8443/", domain="")

    assert as_editor.post(add, form).status_code == 302
    assert (Outlet.objects.get().domain, Outlet.objects.get().url) == (
        "ledger.example",
        "https://www.ledger.example:8443/",
    )
