"""A request body over DATA_UPLOAD_MAX_MEMORY_SIZE, or an upload over IMPORT_MAX_UPLOAD_BYTES, is
answered 413 in JSON with a message, and nothing is written; a body at the limit is read."""

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.test import Client
from django.test.client import BOUNDARY, MULTIPART_CONTENT, encode_multipart

from claims.models import Claim
from provenance.env import env_size

pytestmark = pytest.mark.django_db

LIMIT = 10_000
URL = "/api/v1/claims/"


@pytest.fixture(autouse=True)
def small_limits(settings) -> None:
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = LIMIT
    settings.IMPORT_MAX_UPLOAD_BYTES = 3 * LIMIT


@pytest.fixture
def editor_client(editor) -> Client:
    client = Client()
    client.force_login(editor)
    return client


def json_body(size: int) -> str:
    """A valid claim, padded with JSON whitespace to exactly `size` bytes."""
    body = '{"text": "Hezbollah was behind the attack"}'
    return body + " " * (size - len(body))


def test_a_json_body_at_the_limit_is_read(editor_client):
    response = editor_client.post(URL, json_body(LIMIT), content_type="application/json")

    assert response.status_code == 201
    assert Claim.objects.get().text == "Hezbollah was behind the attack"


def test_a_json_body_one_byte_over_the_limit_is_refused_with_413(editor_client, nothing_changes):
    with nothing_changes():
        response = editor_client.post(URL, json_body(LIMIT + 1), content_type="application/json")

    assert response.status_code == 413
    assert response["Content-Type"] == "application/json"
    assert response.json() == {
        "detail": "The request is too large: this server takes a request body of at most 9.8 KB (10,000 bytes). "
        "Nothing was saved."
    }


def test_a_token_client_is_refused_before_anything_reads_the_body(client_for, editor, nothing_changes):
    with nothing_changes():
        response = client_for(editor).post(URL, json_body(LIMIT * 2), content_type="application/json")

    assert response.status_code == 413
    assert "at most 9.8 KB" in response.json()["detail"]


def test_an_upload_over_the_import_limit_is_refused_with_413(editor_client, nothing_changes):
    body = encode_multipart(BOUNDARY, {"file": ("x" * 3 * LIMIT)})

    with nothing_changes():
        response = editor_client.generic("POST", URL, body, content_type=MULTIPART_CONTENT)

    assert response.status_code == 413
    assert "an upload (file and form together) of at most 29.3 KB (30,000 bytes)" in response.json()["detail"]


def test_an_upload_within_the_import_limit_reaches_the_endpoint(editor_client):
    """The claims endpoint takes JSON only: the answer is its own, not the size limit's."""
    response = editor_client.post(URL, {"text": "A claim"})

    assert response.status_code == 415


@pytest.mark.parametrize(("value", "expected"), [("", 777), ("1048576", 1_048_576)])
def test_a_size_setting_is_read_from_the_environment(monkeypatch, value, expected):
    monkeypatch.setenv("SOME_LIMIT", value)

    assert env_size("SOME_LIMIT", 777) == expected


@pytest.mark.parametrize("value", ["0", "-5", "2MB"])
def test_a_size_setting_must_be_a_whole_number_above_zero(monkeypatch, value):
    monkeypatch.setenv("SOME_LIMIT", value)

    with pytest.raises(ImproperlyConfigured, match="SOME_LIMIT"):
        env_size("SOME_LIMIT", 777)


def test_without_the_middleware_the_api_still_answers_413(editor_client, settings, nothing_changes):
    """Django's own refusal, met inside a view, gets the same answer."""
    settings.MIDDLEWARE = [m for m in settings.MIDDLEWARE if m != "claims.request_limits.RequestBodyLimit"]

    with nothing_changes():
        response = editor_client.post(URL, json_body(LIMIT + 1), content_type="application/json")

    assert response.status_code == 413
    assert response.json()["detail"].startswith("The request is too large")


def test_a_request_django_will_not_read_is_answered_in_json(api):
    response = api.get(URL, HTTP_HOST="not-this-server.example")

    assert response.status_code == 400
    assert response.json() == {
        "detail": "The request could not be read: it is malformed, or larger than this server accepts. "
        "Nothing was saved."
    }
