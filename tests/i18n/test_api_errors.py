"""The API answers in the language the request asks for (Accept-Language): its own messages and
the services' refusals alike; the JSON's shape and status codes do not change with it."""

import pytest
from django.test import Client
from rest_framework.authtoken.models import Token

from tests.factories import make_claim

pytestmark = pytest.mark.django_db


def api(language: str, user=None) -> Client:
    headers = {"accept-language": language}
    if user is not None:
        headers["authorization"] = f"Token {Token.objects.get_or_create(user=user)[0].key}"
    return Client(headers=headers)


@pytest.mark.parametrize(
    ("language", "said"),
    [("en", "Not found: no object"), ("ar", "غير موجود"), ("fa", "پیدا نشد")],
)
def test_not_found_is_said_in_the_language_asked(language, said):
    response = api(language).get("/api/v1/claims/999999/")

    assert response.status_code == 404
    assert response.json()["detail"].startswith(said)


def test_a_bad_parameter_is_refused_in_persian_with_the_same_fields(editor):
    claim = make_claim("A claim asked for as of a day to come", by=editor)

    future = api("fa", editor).get(f"/api/v1/claims/{claim.pk}/?as_of=2999-01-01")
    misspelt = api("fa", editor).get("/api/v1/claims/?reveiw_state=draft")

    assert future.status_code == 400 and "as_of" in future.json()["errors"]
    assert "در آینده است" in future.json()["detail"]
    assert misspelt.status_code == 400 and "reveiw_state" in misspelt.json()["errors"]
    assert "review_state" in misspelt.json()["detail"] and "پارامتر" in misspelt.json()["detail"]


def test_a_service_refusal_is_said_in_arabic(editor_reviewer):
    claim = make_claim("A claim its own author may not approve", by=editor_reviewer)
    api("en", editor_reviewer).post(f"/api/v1/claims/{claim.pk}/submit/", content_type="application/json")

    response = api("ar", editor_reviewer).post(f"/api/v1/claims/{claim.pk}/approve/", content_type="application/json")

    assert response.status_code == 403
    assert "مبدأ العينين الأربع" in response.json()["detail"]
    claim.refresh_from_db()
    assert claim.review_state == "in_review"


def test_an_unknown_endpoint_is_said_in_arabic():
    response = api("ar").get("/api/v1/nothing-here/")

    assert response.status_code == 404
    assert "لا توجد نقطة نهاية" in response.json()["detail"]
