"""/api/v1/outlets/: only reviewers grade; the detail shows ties (with who states them) and a track record."""

from datetime import date

import pytest

from claims.models import Outlet
from claims.services.affiliations import affiliation_withdraw
from tests.api.conftest import publish
from tests.factories import make_actor, make_affiliation, make_appearance, make_claim, make_evidence, make_outlet

pytestmark = pytest.mark.django_db

URL = "/api/v1/outlets/"


def test_editor_records_an_outlet_ungraded(as_editor):
    response = as_editor.post(
        URL,
        {"name": "Al-Akhbar", "aliases": ["al-Akhbar", "الأخبار"], "kind": "newspaper", "country": "Lebanon"},
    )

    assert response.status_code == 201
    outlet = Outlet.objects.get(pk=response.json()["id"])
    assert (outlet.slug, outlet.aliases, outlet.kind, outlet.reliability) == (
        "al-akhbar",
        ["al-Akhbar", "الأخبار"],
        "newspaper",
        "F",
    )


def test_an_arabic_name_is_kept_and_slugged(as_editor):
    response = as_editor.post(URL, {"name": "قناة الميادين", "language": "ar"})

    assert response.status_code == 201
    assert Outlet.objects.get(pk=response.json()["id"]).name == "قناة الميادين"
    assert response.json()["slug"]


def test_an_editor_cannot_grade_an_outlet(as_editor, nothing_changes):
    with nothing_changes():
        response = as_editor.post(URL, {"name": "Graded", "reliability": "A"})

    assert response.status_code == 403
    assert "set_outlet_reliability" in response.json()["detail"]


def test_an_editor_cannot_regrade_an_outlet(as_editor, nothing_changes):
    outlet = make_outlet(reliability="C")

    with nothing_changes():
        response = as_editor.patch(f"{URL}{outlet.pk}/", {"reliability": "A"})

    assert response.status_code == 403


def test_an_editor_may_send_the_grade_unchanged_in_a_put(as_editor):
    outlet = make_outlet("Wire", reliability="B")

    response = as_editor.put(f"{URL}{outlet.pk}/", {"name": "Wire service", "kind": "wire", "reliability": "B"})

    assert response.status_code == 200
    outlet.refresh_from_db()
    assert (outlet.name, outlet.kind, outlet.reliability) == ("Wire service", "wire", "B")


def test_a_reviewer_grades_an_outlet_and_its_claims_are_rescored_in_the_background(as_reviewer, committed):
    outlet = make_outlet(reliability="E")
    claim = make_claim()
    make_appearance(claim, outlet)
    before = claim.__class__.objects.get(pk=claim.pk).confidence

    with committed():
        response = as_reviewer.patch(f"{URL}{outlet.pk}/", {"reliability": "A"})
        pending = as_reviewer.get(f"/api/v1/claims/{claim.pk}/").json()

    assert response.status_code == 200
    job = response.json()["rescoring_job"]
    assert job["state"] == "queued" and job["url"].endswith(f"/api/v1/jobs/{job['id']}/")
    assert response["Link"] == f'<{job["url"]}>; rel="monitor"'
    assert (pending["scores_pending"], pending["confidence"]) == (True, before)
    assert pending["scores_pending_reasons"] == [f"outlet {outlet.name} was regraded from E to A"]
    outlet.refresh_from_db()
    assert outlet.reliability == "A"
    after = as_reviewer.get(f"/api/v1/claims/{claim.pk}/").json()
    assert (after["scores_pending"], after["scores_pending_reasons"]) == (False, [])
    assert after["confidence"] > before
    assert as_reviewer.get(job["url"]).json()["state"] == "done"


def test_a_write_that_reaches_no_claim_names_no_job(as_reviewer):
    outlet = make_outlet(reliability="E")

    response = as_reviewer.patch(f"{URL}{outlet.pk}/", {"reliability": "A"})

    assert response.status_code == 200
    assert response.json()["rescoring_job"] is None
    assert "Link" not in response


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"name": "x", "reliability": "G"}, "reliability"),
        ({"name": "x", "kind": "blog"}, "kind"),
        ({"name": "x", "aliases": "al-Akhbar"}, "aliases"),
        ({"name": "x", "aliases": [1, 2]}, "aliases.0"),
        ({"name": "x", "url": "not a url"}, "url"),
        ({"name": "x", "slug": "has spaces"}, "slug"),
        ({"name": ""}, "name"),
    ],
)
def test_bad_input_is_a_400_and_writes_nothing(as_reviewer, nothing_changes, body, field):
    with nothing_changes():
        response = as_reviewer.post(URL, body)

    assert response.status_code == 400
    assert field in response.json()["errors"]


def test_a_duplicate_slug_is_a_400(as_editor, nothing_changes):
    make_outlet("Al-Akhbar", slug="al-akhbar")

    with nothing_changes():
        response = as_editor.post(URL, {"name": "Another", "slug": "al-akhbar"})

    assert response.status_code == 400
    assert "al-akhbar" in response.json()["errors"]["slug"][0]


def test_the_detail_shows_ties_with_who_states_them(anonymous):
    akhbar, source = make_outlet("Al-Akhbar"), make_outlet("Middle East Eye")
    hezbollah = make_actor("Hezbollah", slug="hezbollah")
    make_affiliation(akhbar, hezbollah, stated_by_outlet=source, valid_from=date(2006, 1, 1))

    body = anonymous.get(f"{URL}{akhbar.pk}/").json()

    [tie] = body["affiliations"]
    assert tie["actor"] == {"id": hezbollah.pk, "name": "Hezbollah", "slug": "hezbollah", "kind": "other"}
    assert tie["stated_by_outlet"]["name"] == "Middle East Eye"
    assert tie["stated_by_url"] == "https://example.org/who-says-so"
    assert (tie["relation"], tie["valid_from"]) == ("affiliated_with", "2006-01-01")


def test_consumers_do_not_see_withdrawn_ties_and_the_newsroom_does(anonymous, as_editor):
    outlet = make_outlet()
    affiliation_withdraw(affiliation=make_affiliation(outlet, make_actor()), reason="Not sourced well")

    assert anonymous.get(f"{URL}{outlet.pk}/").json()["affiliations"] == []
    [tie] = as_editor.get(f"{URL}{outlet.pk}/").json()["affiliations"]
    assert tie["withdrawn_reason"] == "Not sourced well"


def test_the_detail_shows_the_track_record_of_published_claims(anonymous):
    outlet = make_outlet()
    confirmed, denied, draft = make_claim(), make_claim(), make_claim()
    for claim in (confirmed, denied, draft):
        make_appearance(claim, outlet)
    make_evidence(confirmed, stance="confirms")
    make_evidence(denied, stance="denies")
    publish(confirmed)
    publish(denied)

    body = anonymous.get(f"{URL}{outlet.pk}/").json()

    assert body["track_record"] == {"originated": 2, "confirmed": 1, "denied": 1, "unclaimed": 0}


def test_a_write_answers_without_the_track_record_and_a_read_has_it(as_reviewer, django_assert_max_num_queries):
    outlet = make_outlet(reliability="C")
    for _ in range(3):
        make_appearance(make_claim(), outlet)

    with django_assert_max_num_queries(30):
        written = as_reviewer.patch(f"{URL}{outlet.pk}/", {"reliability": "B"}, format="json")

    assert written.status_code == 200
    assert "track_record" not in written.json() and written.json()["rescoring_job"]["id"]
    assert as_reviewer.get(f"{URL}{outlet.pk}/").json()["track_record"]["originated"] == 3


def test_kind_filter(anonymous):
    tv, _ = make_outlet(kind="tv"), make_outlet(kind="newspaper")

    assert [o["id"] for o in anonymous.get(URL, {"kind": "tv"}).json()["results"]] == [tv.pk]


def test_reliability_filter(anonymous):
    _, graded = make_outlet(), make_outlet(reliability="B")

    assert [o["id"] for o in anonymous.get(URL, {"reliability": "B"}).json()["results"]] == [graded.pk]


def test_outlets_are_never_deleted(as_reviewer, nothing_changes):
    outlet = make_outlet()

    with nothing_changes():
        assert as_reviewer.delete(f"{URL}{outlet.pk}/").status_code == 405
