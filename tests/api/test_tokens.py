"""Authentication: `Authorization: Token <key>` from `manage.py create_api_token`, and session login."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from claims.models import Claim

pytestmark = pytest.mark.django_db


def create_api_token(*args: str) -> str:
    out = StringIO()
    call_command("create_api_token", *args, stdout=out)
    return out.getvalue().strip()


def test_the_command_prints_a_new_token(editor):
    key = create_api_token("edna")

    assert Token.objects.get(user=editor).key == key
    assert len(key) == 40


def test_the_command_returns_the_existing_token(editor):
    assert create_api_token("edna") == create_api_token("edna")
    assert Token.objects.filter(user=editor).count() == 1


def test_rotate_replaces_the_token(editor):
    old = create_api_token("edna")

    new = create_api_token("edna", "--rotate")

    assert new != old
    assert Token.objects.get(user=editor).key == new


def test_an_unknown_user_is_an_error(db):
    with pytest.raises(CommandError, match="No user"):
        create_api_token("nobody")


def test_a_token_authenticates_writes(editor):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {create_api_token('edna')}")

    response = client.post("/api/v1/claims/", {"text": "Sent with a token"})

    assert response.status_code == 201
    assert Claim.objects.get(pk=response.json()["id"]).created_by == editor


def test_a_rotated_token_stops_working(editor):
    old = create_api_token("edna")
    create_api_token("edna", "--rotate")
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {old}")

    response = client.post("/api/v1/claims/", {"text": "Old key"})

    assert response.status_code == 401
    assert not Claim.objects.exists()


def test_a_bad_token_is_a_401_even_for_reads(db):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION="Token not-a-real-key")

    response = client.get("/api/v1/claims/")

    assert response.status_code == 401
    assert response.json()["detail"] == "Invalid token."
    assert response["WWW-Authenticate"] == "Token"


def test_a_token_of_a_user_in_no_group_is_a_consumer(consumer):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {create_api_token('carl')}")

    assert client.get("/api/v1/claims/").status_code == 200
    assert client.post("/api/v1/claims/", {"text": "Consumer"}).status_code == 403


def test_session_login_works_and_writes_need_the_csrf_token(editor):
    client = APIClient(enforce_csrf_checks=True)
    assert client.login(username="edna", password="edna-pass-1234")

    without_csrf = client.post("/api/v1/claims/", {"text": "Session write"})
    client.get("/api/v1/claims/")  # any page; the CSRF cookie comes from the login form in practice
    client.cookies.load({"csrftoken": "a" * 32})
    with_csrf = client.post("/api/v1/claims/", {"text": "Session write"}, HTTP_X_CSRFTOKEN="a" * 32)

    assert without_csrf.status_code == 403
    assert "CSRF" in without_csrf.json()["detail"]
    assert with_csrf.status_code == 201
    assert Claim.objects.get().created_by == editor
