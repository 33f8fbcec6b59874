"""A claim waiting for its rescoring says so wherever its confidence is shown: the claim page, the
web list (a badge and a filter) and the ClaimReview and PROV exports; once the batch has run,
none of them does (SPEC §6.6, §12). A STIX bundle, versioned by `modified`, says nothing until
the batch moves the confidence, and then shows a new version (docs/api-exports-import.md)."""

from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

from claims.services.outlets import outlet_update
from claims.services.score_refresh import refresh_plan
from tests.factories import make_appearance, make_claim, make_outlet

pytestmark = pytest.mark.django_db

REASON = "outlet Al-Akhbar was regraded from E to A"
NOTE = f"Confidence is being recomputed after {REASON}"


@pytest.fixture
def regraded(reviewer):
    """A claim carried by an outlet that has just been regraded, its rescoring not yet run, and
    a claim of another outlet."""
    outlet = make_outlet("Al-Akhbar", reliability="E")
    waiting = make_claim("The Operations Room claimed the drone attack on al-Tanf")
    make_appearance(waiting, outlet, published_on=date(2021, 10, 21))
    current = make_claim("Reuters reported the strike on the base")
    make_appearance(current, make_outlet("Reuters", reliability="A"), published_on=date(2021, 10, 22))
    job = outlet_update(outlet=outlet, reliability="A", by=reviewer).rescoring
    return waiting, current, job


def exported(api, claim) -> dict:
    base = f"/api/v1/claims/{claim.pk}"
    claimreview = api.get(f"{base}/claimreview/").json()
    stix = api.get(f"{base}/stix/").json()
    summary = next(o for o in stix["objects"] if o["type"] in ("report", "grouping") and o["name"] == claim.text)
    prov = api.get(f"{base}/prov/").json()
    entity = next(e for e in prov["entity"].values() if e.get("prov:label") == claim.text)
    return {
        "claimreview": claimreview["reviewRating"]["ratingExplanation"],
        "stix": (summary["description"], summary["modified"], summary["confidence"]),
        "prov": (entity["provenance:scoresPending"], entity.get("provenance:scoresPendingNote", "")),
    }


def test_the_one_claim_exports_say_a_score_is_being_recomputed_until_it_is(regraded, client_for, committed):
    waiting, current, job = regraded
    api = client_for(job.created_by)

    shown = exported(api, waiting)
    assert shown["claimreview"].startswith(NOTE)
    assert NOTE not in shown["stix"][0]
    assert shown["prov"][0] is True and shown["prov"][1].startswith(NOTE)
    calm = exported(api, current)
    assert NOTE not in calm["claimreview"] and calm["prov"] == (False, "")

    with committed():
        refresh_plan(job_id=job.pk)
    after = exported(api, waiting)
    assert NOTE not in after["claimreview"] and after["prov"] == (False, "")
    assert after["stix"][1] > shown["stix"][1] and after["stix"][2] > shown["stix"][2]  # a new version


def test_the_claim_page_and_the_web_list_show_and_filter_what_is_being_recomputed(regraded, committed):
    waiting, current, job = regraded
    browser = Client()
    browser.force_login(job.created_by)

    page = browser.get(reverse("web:claim-detail", args=[waiting.pk])).text
    assert "data-scores-pending" in page and NOTE in page
    assert "data-scores-pending" not in browser.get(reverse("web:claim-detail", args=[current.pk])).text
    listed = browser.get(reverse("web:claim-list"), {"scores_pending": "true"}).text
    assert waiting.text in listed and current.text not in listed and "Being recomputed" in listed
    others = browser.get(reverse("web:claim-list"), {"scores_pending": "false"}).text
    assert current.text in others and waiting.text not in others and "Being recomputed" not in others

    with committed():
        refresh_plan(job_id=job.pk)
    assert "data-scores-pending" not in browser.get(reverse("web:claim-detail", args=[waiting.pk])).text
    assert waiting.text not in browser.get(reverse("web:claim-list"), {"scores_pending": "true"}).text
