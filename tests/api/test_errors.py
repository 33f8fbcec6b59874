"""Every error is JSON `{"detail", "errors"?}` with a message a person can act on; no request is a 500."""

import pytest
from django.core.cache import cache

from claims.models import Claim
from tests.api.conftest import publish
from tests.factories import make_appearance, make_claim, make_outlet

pytestmark = pytest.mark.django_db


def test_malformed_json_is_a_400(as_editor, nothing_changes):
    with nothing_changes():
        response = as_editor.post("/api/v1/claims/", '{"text": "unfinished', content_type="application/json")

    assert response.status_code == 400
    assert "not valid JSON" in response.json()["detail"]


@pytest.mark.parametrize("body", ["[1, 2]", '"text"', "null", "42"])
def test_a_body_that_is_not_an_object_is_a_400(as_editor, nothing_changes, body):
    with nothing_changes():
        response = as_editor.post("/api/v1/claims/", body, content_type="application/json")

    assert response.status_code == 400
    assert response.json()["detail"]


def test_nan_is_not_json(as_editor, nothing_changes):
    with nothing_changes():
        response = as_editor.post("/api/v1/outlets/", '{"name": NaN}', content_type="application/json")

    assert response.status_code == 400


def test_a_form_body_is_a_415(as_editor, nothing_changes):
    with nothing_changes():
        response = as_editor.post("/api/v1/claims/", "text=hello", content_type="application/x-www-form-urlencoded")

    assert response.status_code == 415
    assert "application/x-www-form-urlencoded" in response.json()["detail"]


@pytest.mark.parametrize(
    "value", [10**30, -1, 0, "12abc", "", [1], {"id": 1}, 1.0, "١٢"], ids=lambda v: type(v).__name__ + repr(v)[:12]
)
def test_an_id_that_names_nothing_is_a_400_naming_the_field(as_editor, nothing_changes, value):
    outlet = make_outlet()

    with nothing_changes():
        response = as_editor.post(
            "/api/v1/appearances/", {"claim": value, "outlet": outlet.pk, "published_on": "2021-10-21"}
        )

    assert response.status_code == 400
    assert "claim" in response.json()["errors"]


@pytest.mark.parametrize("value", ["2021-10-32", "10/21/2021", 20211021, "2021-10-21T10:00:00", "+99999-01-01", ""])
def test_an_invalid_date_is_a_400(as_editor, nothing_changes, value):
    claim, outlet = make_claim(), make_outlet()

    with nothing_changes():
        response = as_editor.post(
            "/api/v1/appearances/", {"claim": claim.pk, "outlet": outlet.pk, "published_on": value}
        )

    assert response.status_code == 400
    assert "published_on" in response.json()["errors"]


def test_non_ascii_and_control_text_is_refused_or_stored_as_given(as_editor):
    text = "Ḥizb Allāh — حزب الله — 真主党 — 🚀"

    stored = as_editor.post("/api/v1/claims/", {"text": text})
    nul = as_editor.post("/api/v1/claims/", {"text": "before\x00after"})

    assert stored.status_code == 201
    assert Claim.objects.get(pk=stored.json()["id"]).text == text
    assert nul.status_code == 400
    assert "text" in nul.json()["errors"]


def test_an_oversized_field_is_a_400(as_editor, nothing_changes):
    with nothing_changes():
        response = as_editor.post("/api/v1/outlets/", {"name": "x" * 201})

    assert response.status_code == 400
    assert "200" in response.json()["errors"]["name"][0]


def test_a_row_of_another_claim_is_a_400(as_editor, nothing_changes):
    claim, other = make_claim(), make_claim()
    foreign = make_appearance(other)

    with nothing_changes():
        response = as_editor.post(
            "/api/v1/evidence/",
            {"claim": claim.pk, "stance": "confirms", "date": "2021-10-21", "appearance": foreign.pk},
        )

    assert response.status_code == 400
    assert f"claim {other.pk}" in response.json()["detail"]


def test_an_unknown_address_is_a_json_404(anonymous):
    response = anonymous.get("/api/v1/rumours/")

    assert response.status_code == 404
    assert "/api/docs/" in response.json()["detail"]


def test_a_missing_slash_is_named_in_the_404(anonymous):
    response = anonymous.post("/api/v1/claims", {"text": "x"})

    assert response.status_code == 404
    assert "/api/v1/claims/" in response.json()["detail"]


def test_a_method_the_endpoint_does_not_take_is_a_405_naming_those_it_does(as_editor):
    response = as_editor.put("/api/v1/claims/", {"text": "x"})

    assert response.status_code == 405
    assert "GET" in response.json()["detail"]


def test_a_domain_refusal_keeps_its_fields(as_editor, nothing_changes):
    make_outlet("Al-Akhbar", slug="al-akhbar")

    with nothing_changes():
        body = as_editor.post("/api/v1/outlets/", {"name": "Other", "slug": "al-akhbar"}).json()

    assert set(body) == {"detail", "errors"}
    assert body["errors"] == {"slug": [body["detail"]]}


def test_throttling_answers_429_in_json(settings, anonymous):
    cache.clear()
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {"anon": "2/minute", "user": None}}
    publish(make_claim())

    statuses = [anonymous.get("/api/v1/claims/").status_code for _ in range(3)]

    assert statuses == [200, 200, 429]
    response = anonymous.get("/api/v1/claims/")
    assert "throttled" in response.json()["detail"]
    assert int(response["Retry-After"]) > 0
    cache.clear()


def test_throttling_of_users_is_separate(settings, as_editor):
    cache.clear()
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"anon": "1/minute", "user": "3/minute"},
    }

    statuses = [as_editor.get("/api/v1/outlets/").status_code for _ in range(4)]

    assert statuses == [200, 200, 200, 429]
    cache.clear()
