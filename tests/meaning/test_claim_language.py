"""A claim's language: detected when not given, editable, in the API, its filter and its refusals."""

import pytest

from claims.models import Claim
from claims.services.claims import claim_update
from tests.factories import make_claim

pytestmark = pytest.mark.django_db

ARABIC = "أعلن حزب الله مسؤوليته عن الهجوم بطائرة مسيرة على قاعدة التنف"


def test_a_claim_is_given_the_language_of_its_text(as_editor) -> None:
    response = as_editor.post("/api/v1/claims/", {"text": ARABIC}, format="json")
    assert response.status_code == 201
    assert response.json()["language"] == "ar"
    assert Claim.objects.get(pk=response.json()["id"]).language == "ar"


def test_a_language_given_is_kept(as_editor) -> None:
    response = as_editor.post("/api/v1/claims/", {"text": "Hezbollah hit al-Tanf", "language": "en"}, format="json")
    assert response.json()["language"] == "en"


def test_a_new_text_is_detected_again() -> None:
    claim = make_claim("Hezbollah claimed the attack on al-Tanf")
    assert claim.language == "en"
    claim = claim_update(claim=claim, text=ARABIC)
    assert claim.language == "ar"


def test_an_editor_corrects_the_language(as_editor) -> None:
    claim = make_claim("Hezbollah claimed the attack on al-Tanf")
    response = as_editor.patch(f"/api/v1/claims/{claim.pk}/", {"language": "fa"}, format="json")
    assert response.status_code == 200
    claim.refresh_from_db()
    assert claim.language == "fa"


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"text": "\u041d\u0435zbollah claimed the attack"}, "text"),
        ({"text": "Hezbollah hit al-Tanf", "language": "Arabic"}, "language"),
        ({"text": "Hezbollah hit al-Tanf", "language": "a1"}, "language"),
    ],
)
def test_a_text_in_no_language_or_a_bad_code_is_refused(as_editor, nothing_changes, body: dict, field: str) -> None:
    with nothing_changes():
        response = as_editor.post("/api/v1/claims/", body, format="json")
    assert response.status_code == 400
    assert field in response.json()["errors"]


def test_a_claim_with_no_letters_has_no_language(as_editor) -> None:
    response = as_editor.post("/api/v1/claims/", {"text": "=1+1"}, format="json")
    assert response.status_code == 201 and response.json()["language"] == ""


def test_claims_are_filtered_by_language(as_editor, django_assert_max_num_queries) -> None:
    arabic = make_claim(ARABIC)
    make_claim("Hezbollah claimed the attack on al-Tanf")
    with django_assert_max_num_queries(6):
        response = as_editor.get("/api/v1/claims/?language=ar")
    assert [c["id"] for c in response.json()["results"]] == [arabic.pk]


def test_a_bad_language_filter_is_refused(as_editor) -> None:
    response = as_editor.get("/api/v1/claims/?language=Arabic")
    assert response.status_code == 400
    assert "language" in response.json()["errors"]
