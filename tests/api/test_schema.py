"""The OpenAPI schema at /api/schema/ describes every endpoint; Swagger UI at /api/docs/ needs no network."""

from pathlib import Path

import pytest
from django.contrib.staticfiles import finders
from django.core.management import call_command

from claims.models.claim import CLAIM_FIELDS
from claims.selectors.claim_filters import ClaimFilter
from tests.api.spec import SPEC_CLAIM_FIELDS

pytestmark = pytest.mark.django_db

RESOURCES = [
    "outlets",
    "actors",
    "affiliations",
    "actor-affiliations",
    "events",
    "claims",
    "appearances",
    "citations",
    "evidence",
]
WITHDRAWABLE = ["affiliations", "actor-affiliations", "appearances", "citations", "evidence"]


@pytest.fixture(scope="module")
def schema(django_db_blocker) -> dict:
    from rest_framework.test import APIClient

    with django_db_blocker.unblock():
        response = APIClient().get("/api/schema/", {"format": "json"})
    assert response.status_code == 200
    return response.json()


def test_the_schema_validates_without_a_warning(tmp_path: Path):
    # --fail-on-warn turns any guess of drf-spectacular (an untyped field, an unknown view) into a failure.
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(tmp_path / "schema.yaml"))

    assert (tmp_path / "schema.yaml").read_text().startswith("openapi: 3")


def test_every_resource_has_list_retrieve_create_update_and_no_delete(schema):
    paths = schema["paths"]
    for resource in RESOURCES:
        assert set(paths[f"/api/v1/{resource}/"]) >= {"get", "post"}
        assert {"get", "put", "patch"} <= set(paths[f"/api/v1/{resource}/{{id}}/"])
        assert "delete" not in paths[f"/api/v1/{resource}/{{id}}/"]


def test_withdrawal_and_workflow_actions_are_described(schema):
    paths = schema["paths"]
    for resource in WITHDRAWABLE:
        assert "reason" in component(schema, paths[f"/api/v1/{resource}/{{id}}/withdraw/"]["post"])["properties"]
    for step in ("submit", "approve", "reject", "retract"):
        assert set(paths[f"/api/v1/claims/{{id}}/{step}/"]["post"]["responses"]) >= {"200", "403", "404", "409"}
    assert "comment" in component(schema, paths["/api/v1/claims/{id}/reject/"]["post"])["properties"]
    assert "reason" in component(schema, paths["/api/v1/claims/{id}/retract/"]["post"])["properties"]


def component(schema: dict, operation: dict) -> dict:
    ref = operation["requestBody"]["content"]["application/json"]["schema"]["$ref"]
    return schema["components"]["schemas"][ref.rsplit("/", 1)[1]]


def test_the_claim_list_documents_every_filter_and_the_pagination(schema):
    names = {p["name"] for p in schema["paths"]["/api/v1/claims/"]["get"]["parameters"]}

    assert set(ClaimFilter.base_filters) | {"limit", "cursor"} <= names
    ordering = next(p for p in schema["paths"]["/api/v1/claims/"]["get"]["parameters"] if p["name"] == "ordering")
    assert {"confidence", "-confidence", "first_reported", "-updated_at"} <= set(ordering["schema"]["items"]["enum"])


def test_as_of_is_documented_on_the_claim_and_its_chain(schema):
    for path in ("/api/v1/claims/{id}/", "/api/v1/claims/{id}/chain/"):
        names = {p["name"] for p in schema["paths"][path]["get"]["parameters"]}
        assert "as_of" in names


def test_the_claim_representation_lists_the_fields_of_spec_8(schema):
    fields = set(schema["components"]["schemas"]["Claim"]["properties"])

    assert fields == set(CLAIM_FIELDS)
    assert fields >= SPEC_CLAIM_FIELDS


def test_writes_document_the_input_fields_of_spec_8(schema):
    expected = {
        # SPEC §8's fields, and the domain (issue 23: an outlet made through the API is found by it).
        "OutletInputRequest": {
            "name",
            "slug",
            "aliases",
            "kind",
            "country",
            "language",
            "url",
            "domain",
            "reliability",
        },
        "ActorInputRequest": {"name", "slug", "aliases", "kind"},
        "AffiliationInputRequest": {
            "outlet",
            "actor",
            "relation",
            "stated_by_outlet",
            "stated_by_url",
            "valid_from",
            "valid_to",
        },
        "EventInputRequest": {"title", "date", "location", "description"},
        "ClaimInputRequest": {"text", "language", "kind", "subject", "event"},  # SPEC §15: language
        "AppearanceInputRequest": {
            "claim",
            "outlet",
            "published_on",
            "url",
            "headline",
            "author",
            "language",
            "excerpt",
            "attributed_source",
        },
        "CitationInputRequest": {"citing", "cited", "kind"},
        "EvidenceInputRequest": {"claim", "stance", "actor", "date", "appearance", "url", "note"},
    }
    for name, fields in expected.items():
        assert set(schema["components"]["schemas"][name]["properties"]) == fields, name


def test_error_statuses_are_documented_with_the_error_body(schema):
    error = {"$ref": "#/components/schemas/Error"}
    claims = schema["paths"]["/api/v1/claims/{id}/"]
    for code in ("400", "401", "403", "404", "409"):
        assert claims["patch"]["responses"][code]["content"]["application/json"]["schema"] == error
    assert "401" not in claims["get"]["responses"]
    assert set(schema["components"]["schemas"]["Error"]["properties"]) == {"detail", "errors"}


def test_every_operation_documents_its_errors(schema):
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            codes = set(operation["responses"])
            assert "429" in codes, (method, path)
            if "{" in path:
                assert "404" in codes, (method, path)
            if method in ("post", "put", "patch"):
                assert {"400", "401", "403"} <= codes, (method, path)


def test_swagger_ui_is_served_from_our_own_static_files(client):
    response = client.get("/api/docs/")

    html = response.content.decode()
    assert response.status_code == 200
    assert "drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-bundle.js" in html
    assert "cdn." not in html and "unpkg" not in html
    assert finders.find("drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-bundle.js")
