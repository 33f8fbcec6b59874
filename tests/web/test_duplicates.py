"""Duplicates on the web (SPEC §15): the claim page lists its likely twins in other languages, and
the new-claim form warns before a duplicate is recorded."""

import pytest

from claims.models import Claim
from claims.services.meaning import claim_vectors_sweep
from tests.api.conftest import publish
from tests.factories import make_claim

pytestmark = pytest.mark.django_db

ENGLISH = "Hezbollah claimed responsibility for the drone attack on al-Tanf base on October 20, 2021."
ARABIC = "أعلن حزب الله مسؤوليته عن الهجوم بطائرة مسيرة على قاعدة التنف في 20 أكتوبر 2021."
DENIAL = "Hezbollah denied responsibility for the drone attack on al-Tanf base on October 20, 2021."


def test_the_claim_page_lists_likely_duplicates_in_other_languages(client_as, editor) -> None:
    english, arabic, denial = make_claim(ENGLISH), make_claim(ARABIC), make_claim(DENIAL)
    claim_vectors_sweep()
    page = client_as(editor).get(f"/claims/{arabic.pk}/")
    assert page.status_code == 200
    listed = page.context["duplicates"]
    assert [found.claim.pk for found in listed][:1] == [english.pk]
    assert denial.pk not in [found.claim.pk for found in listed]
    assert b'id="duplicates"' in page.content and b'data-match="meaning"' in page.content


def test_a_claim_waiting_for_its_vector_shows_no_duplicates(client_as, editor) -> None:
    make_claim(ENGLISH)
    arabic = make_claim(ARABIC)
    page = client_as(editor).get(f"/claims/{arabic.pk}/")
    assert page.status_code == 200 and page.context["duplicates"] == []


def test_the_new_claim_form_warns_of_a_likely_duplicate_and_records_it_only_when_told(client_as, editor) -> None:
    english = publish(make_claim(ENGLISH))
    claim_vectors_sweep()
    client = client_as(editor)
    count = Claim.objects.count()

    warned = client.post("/claims/new/", {"text": ARABIC, "kind": "attribution"})
    assert warned.status_code == 200
    assert b'id="likely-duplicates"' in warned.content
    assert [found.claim.pk for found in warned.context["form"].duplicates] == [english.pk]
    assert Claim.objects.count() == count

    recorded = client.post("/claims/new/", {"text": ARABIC, "kind": "attribution", "record_anyway": "on"})
    assert recorded.status_code == 302
    assert Claim.objects.filter(text=ARABIC, language="ar").exists()


def test_a_new_claim_with_no_twin_is_recorded_at_once(client_as, editor) -> None:
    make_claim(ENGLISH)
    claim_vectors_sweep()
    response = client_as(editor).post("/claims/new/", {"text": "The price of bread in Damascus rose.", "kind": "other"})
    assert response.status_code == 302
