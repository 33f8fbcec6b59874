"""Every body the API cannot read is a 400 with a message, on every endpoint that reads one (issue 16).

The bodies are sent to every operation the OpenAPI schema gives a request body, with the
id of a real row, so each reaches its parser: deep nesting, objects as deep as arrays,
bodies that are not JSON, not UTF-8 or too large.
"""

import base64
from datetime import date

import pytest
from django.apps import apps

from claims.feeds.parsing import Entry
from claims.json_input import MAX_DEPTH
from claims.services.feeds import feed_create
from claims.services.inbox_intake import entries_ingest
from claims.services.watches import watch_create
from claims.services.webhooks import subscription_create
from tests.api.builders import RESOURCES, build_rows
from tests.factories import make_appearance, make_capture, make_claim, make_dependence, make_outlet, make_suggestion

pytestmark = pytest.mark.django_db

DEEP_ARRAYS = "[" * 3000 + "]" * 3000
DEEP_OBJECTS = '{"a":' * 3000 + "1" + "}" * 3000


def deep(levels: int, kind: str = "array") -> str:
    if kind == "array":
        return "[" * levels + "]" * levels
    return '{"text":' * levels + '"x"' + "}" * levels


@pytest.fixture
def rows(db, superuser) -> None:
    for resource in RESOURCES:
        build_rows(resource, 1)
    claim = make_claim()
    make_suggestion(make_appearance(claim, published_on=date(2021, 10, 2)), make_appearance(claim))
    make_capture(claim=claim)
    subscription_create(url="https://93.184.215.14/hook", events=["claim.published"], by=superuser)
    feed = feed_create(outlet=make_outlet(), url="https://93.184.215.14/feed.xml", by=superuser)
    entries_ingest(feed=feed, entries=[Entry("https://93.184.215.14/story", "A story", "", None)])
    watch_create(kind="words", words="Tanf", by=superuser)
    make_dependence(make_outlet(), make_outlet(), score=0.9)


def model_of(resource: str) -> type:
    return {
        "outlets": apps.get_model("claims", "Outlet"),
        "actors": apps.get_model("claims", "Actor"),
        "affiliations": apps.get_model("claims", "Affiliation"),
        "actor-affiliations": apps.get_model("claims", "ActorAffiliation"),
        "events": apps.get_model("claims", "Event"),
        "claims": apps.get_model("claims", "Claim"),
        "appearances": apps.get_model("claims", "Appearance"),
        "citations": apps.get_model("claims", "Citation"),
        "evidence": apps.get_model("claims", "StatusEvidence"),
        "captures": apps.get_model("claims", "Capture"),
        "suggestions": apps.get_model("claims", "SuggestedCitation"),
        "webhooks": apps.get_model("claims", "Subscription"),
        "feeds": apps.get_model("claims", "Feed"),
        "inbox": apps.get_model("claims", "InboxItem"),
        "watches": apps.get_model("claims", "Watch"),
        "outlets/dependence": apps.get_model("claims", "OutletDependence"),
    }[resource]


def operations_with_a_body(client) -> list[tuple[str, str]]:
    """(method, url) of every operation the schema gives a request body, `{id}` filled with a real row."""
    schema = client.get("/api/schema/?format=json").json()
    found = []
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            if "application/json" not in operation.get("requestBody", {}).get("content", {}):
                continue  # no body, or only an upload (multipart)
            resource = "/".join(path.split("/")[3:5]) if "/dependence/" in path else path.split("/")[3]
            row = model_of(resource).objects.order_by("pk").first()
            found.append((method, path.replace("{id}", str(row.pk))))
    return found


def send(client, method: str, url: str, body: str | bytes, content_type: str = "application/json"):
    return getattr(client, method)(url, body, content_type=content_type)


def test_every_operation_with_a_body_refuses_3000_nested_arrays_with_a_400(rows, superuser, client_for):
    client = client_for(superuser)
    operations = operations_with_a_body(client)
    assert len(operations) >= 30

    for method, url in operations:
        response = send(client, method, url, DEEP_ARRAYS)

        assert response.status_code == 400, (method, url, response.content)
        assert f"deeper than {MAX_DEPTH} levels" in response.json()["detail"], (method, url)


def test_every_operation_with_a_body_refuses_objects_nested_as_deep(rows, superuser, client_for):
    client = client_for(superuser)

    for method, url in operations_with_a_body(client):
        response = send(client, method, url, DEEP_OBJECTS)

        assert response.status_code == 400, (method, url, response.content)
        assert f"deeper than {MAX_DEPTH} levels" in response.json()["detail"]


@pytest.mark.parametrize("kind", ["array", "object"])
def test_nesting_past_the_cap_but_within_the_decoders_own_is_refused_too(as_editor, nothing_changes, kind):
    with nothing_changes():
        response = send(as_editor, "post", "/api/v1/claims/", deep(MAX_DEPTH + 1, kind))

    assert response.status_code == 400
    assert f"deeper than {MAX_DEPTH} levels" in response.json()["detail"]


def test_nesting_at_the_cap_is_read_and_judged_by_the_serializer(as_editor, nothing_changes):
    with nothing_changes():
        response = send(as_editor, "post", "/api/v1/claims/", deep(MAX_DEPTH, "object"))

    assert response.status_code == 400
    assert "deeper than" not in response.json()["detail"]
    assert "text" in response.json()["errors"]


def test_a_body_nested_deep_inside_a_field_is_refused(as_editor, nothing_changes):
    body = '{"text": "A claim", "kind": "attribution", "subject": ' + DEEP_ARRAYS + "}"

    with nothing_changes():
        response = send(as_editor, "post", "/api/v1/claims/", body)

    assert response.status_code == 400
    assert "deeper than" in response.json()["detail"]


@pytest.mark.parametrize(
    "body",
    [
        b'{"text": "unfinished',
        b"\xff\xfe not utf-8",
        b'{"text": "\\ud800"}',  # a lone surrogate: no text can hold it
        b"\xef\xbb\xbf{}",
        b'{"text": Infinity}',
        b"",
    ],
    ids=["unfinished", "not-utf8", "lone-surrogate", "bom", "infinity", "empty"],
)
def test_a_body_that_is_not_json_is_a_400_with_a_message(as_editor, nothing_changes, body):
    with nothing_changes():
        response = send(as_editor, "post", "/api/v1/claims/", body)

    assert response.status_code == 400
    assert response.json()["detail"]


def test_a_body_in_a_declared_charset_is_read_in_it(as_editor):
    body = '{"text": "Al-Akhbar said so", "kind": "statement"}'.encode("utf-16")

    response = send(as_editor, "post", "/api/v1/claims/", body, content_type="application/json; charset=utf-16")

    assert response.status_code == 201, response.content
    assert response.json()["text"] == "Al-Akhbar said so"


def test_a_body_over_the_size_limit_is_a_413(as_editor, nothing_changes, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000

    with nothing_changes():
        response = send(as_editor, "post", "/api/v1/claims/", '{"text": "' + "x" * 2000 + '"}')

    assert response.status_code == 413
    assert "at most 1000 bytes (1,000 bytes)" in response.json()["detail"]


def test_a_cursor_nested_deep_is_a_400_not_a_500(anonymous):
    cursor = base64.urlsafe_b64encode(DEEP_ARRAYS.encode()).decode().rstrip("=")

    response = anonymous.get("/api/v1/claims/", {"cursor": cursor})

    assert response.status_code == 400
    assert "cursor" in response.json()["errors"]


def test_every_operation_with_a_body_refuses_a_key_given_twice_naming_it(rows, superuser, client_for):
    client = client_for(superuser)

    for method, url in operations_with_a_body(client):
        response = send(client, method, url, '{"note": "first", "reason": "x", "note": "second"}')

        assert response.status_code == 400, (method, url, response.content)
        assert 'the key "note" is given twice' in response.json()["detail"], (method, url)


@pytest.mark.parametrize(
    "body",
    [
        '{"text": "Hezbollah fired the rockets", "kind": "attribution", "kind": "denial"}',
        '{"text": "Hezbollah fired the rockets", "kind": "attribution", "notes": "x", "notes" : "y"}',
    ],
)
def test_a_claim_with_a_field_twice_is_a_400_and_nothing_is_written(as_editor, nothing_changes, body):
    with nothing_changes():
        response = send(as_editor, "post", "/api/v1/claims/", body)

    assert response.status_code == 400
    assert "is given twice" in response.json()["detail"] and "Give each field once" in response.json()["detail"]


def test_a_webhook_filter_with_a_key_twice_inside_is_refused(as_editor, superuser, client_for, nothing_changes):
    body = (
        '{"url": "https://93.184.215.14/hook", "events": ["claim.published"], '
        '"filters": {"min_confidence": 10, "min_confidence": 90}}'
    )

    with nothing_changes():
        response = send(client_for(superuser), "post", "/api/v1/webhooks/", body)

    assert response.status_code == 400 and 'the key "min_confidence" is given twice' in response.json()["detail"]


def test_text_that_only_looks_like_a_second_key_is_read_as_written(as_editor):
    body = '{"text": "He said \\"kind\\": attribution", "kind": "statement"}'

    response = send(as_editor, "post", "/api/v1/claims/", body)

    assert response.status_code == 201, response.content
    assert response.json()["text"] == 'He said "kind": attribution'
