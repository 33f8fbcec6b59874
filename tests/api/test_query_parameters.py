"""Input a list cannot apply is a 400 naming it, never silently ignored (issue 16).

Unknown parameters on every list endpoint and export, values that name nothing, and
`as_of`, which follows one rule on the API and the claim page.
"""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from claims.api.urls import router
from claims.selectors.as_of import IN_THE_FUTURE, NOT_A_DAY
from tests.api.builders import rich_claim
from tests.api.conftest import publish
from tests.factories import make_actor, make_appearance, make_claim, make_event, make_outlet

pytestmark = pytest.mark.django_db

LISTS = [f"/api/v1/{prefix}/" for prefix, _, _ in router.registry]
EXPORTS = ["/api/v1/claims/export.csv", "/api/v1/claims/export.jsonl"]


@pytest.fixture
def corpus() -> dict:
    hezbollah = make_actor("Hezbollah", slug="hezbollah")
    akhbar = make_outlet("Al-Akhbar", slug="al-akhbar")
    attack = make_event("Drone attack on al-Tanf", slug="tanf")
    claim = publish(make_claim("Hezbollah was behind the attack", subject=hezbollah, event=attack))
    make_appearance(claim, akhbar)
    draft = make_claim("A draft about the attack", subject=hezbollah)
    make_appearance(draft, akhbar)
    return {"claim": claim, "draft": draft, "actor": hezbollah, "outlet": akhbar, "event": attack}


def test_a_misspelt_filter_is_a_400_that_names_it_and_the_right_name(as_editor, corpus):
    response = as_editor.get("/api/v1/claims/", {"reveiw_state": "draft"})

    assert response.status_code == 400
    body = response.json()
    assert body["errors"] == {"reveiw_state": ["Unknown query parameter. Did you mean review_state?"]}
    assert body["detail"].startswith("Unknown query parameter: reveiw_state (did you mean review_state?).")
    assert "review_state" in body["detail"].split("This list takes: ")[1]


@pytest.mark.parametrize("url", LISTS + EXPORTS)
def test_every_list_and_export_refuses_a_parameter_it_does_not_take(as_editor, corpus, url):
    response = as_editor.get(url, {"no_such_parameter": "1"})

    assert response.status_code == 400, url
    assert response["Content-Type"] == "application/json"
    assert list(response.json()["errors"]) == ["no_such_parameter"]


def test_several_unknown_parameters_are_named_together(anonymous, corpus):
    response = anonymous.get("/api/v1/outlets/", {"knd": "tv", "reliabilty": "A", "kind": "tv"})

    assert response.status_code == 400
    assert set(response.json()["errors"]) == {"knd", "reliabilty"}
    assert response.json()["detail"].startswith("Unknown query parameters: knd (did you mean kind?), reliabilty")


def test_every_parameter_the_schema_documents_for_a_list_is_taken(as_editor, corpus):
    """The names are derived from the same filtersets and paginator the schema is built from."""
    schema = as_editor.get("/api/schema/?format=json").json()
    checked = 0
    for path, operations in schema["paths"].items():
        get = operations.get("get")
        if get is None or "{" in path or not path.startswith("/api/v1/") or path.endswith("/similar/"):
            continue
        for parameter in get.get("parameters", []):
            if parameter["in"] == "query":
                response = as_editor.get(path, {parameter["name"]: ""})
                assert response.status_code == 200, (path, parameter["name"], response.content[:300])
                checked += 1
    assert checked > 40


def test_the_lists_own_parameters_and_format_still_work(anonymous, corpus):
    first = anonymous.get("/api/v1/claims/", {"limit": 1, "format": "json", "ordering": "-confidence"})
    assert first.status_code == 200
    assert anonymous.get(first.json()["next"] or "/api/v1/claims/").status_code == 200


def test_as_of_on_the_list_is_named_for_it_applies_to_one_claim(anonymous, corpus):
    response = anonymous.get("/api/v1/claims/", {"as_of": "2021-10-25"})

    assert response.status_code == 400
    assert "as_of" in response.json()["errors"]


@pytest.mark.parametrize("name", ["actor", "event", "outlet", "affiliated_with"])
def test_a_slug_that_names_nothing_is_a_400_not_an_empty_list(anonymous, corpus, name):
    response = anonymous.get("/api/v1/claims/", {name: "no-such-slug"})

    assert response.status_code == 400
    (message,) = response.json()["errors"][name]
    assert message.startswith("No ") and "has the slug “no-such-slug”" in message


@pytest.mark.parametrize("name", ["actor", "event", "outlet", "affiliated_with"])
def test_an_id_that_names_nothing_is_a_400_too(anonymous, corpus, name):
    response = anonymous.get("/api/v1/claims/", {name: "987654321"})

    assert response.status_code == 400
    assert "has the id 987654321" in response.json()["errors"][name][0]


@pytest.mark.parametrize(
    ("name", "key"), [("actor", "actor"), ("event", "event"), ("outlet", "outlet"), ("affiliated_with", "actor")]
)
def test_a_real_id_and_its_slug_list_the_same_claims(as_editor, corpus, name, key):
    row = corpus[key]
    by_id = as_editor.get("/api/v1/claims/", {name: row.pk}).json()["results"]
    by_slug = as_editor.get("/api/v1/claims/", {name: row.slug}).json()["results"]

    assert [c["id"] for c in by_id] == [c["id"] for c in by_slug]


def test_a_filter_by_id_costs_the_one_lookup_a_slug_costs(anonymous, corpus):
    counts = []
    for value in (corpus["actor"].pk, corpus["actor"].slug):
        with CaptureQueriesContext(connection) as captured:
            assert anonymous.get("/api/v1/claims/", {"actor": value}).status_code == 200
        counts.append(len(captured))
    with CaptureQueriesContext(connection) as unfiltered:
        anonymous.get("/api/v1/claims/")

    assert counts[0] == counts[1] == len(unfiltered) + 1


def test_a_slug_with_a_percent_sign_is_named_as_written(anonymous, corpus):
    response = anonymous.get("/api/v1/claims/", {"actor": "100%-sure"})

    assert response.status_code == 400
    assert response.json()["errors"]["actor"] == ["No actor has the slug “100%-sure”."]


def test_a_row_list_refuses_an_id_that_names_no_claim(anonymous, corpus):
    response = anonymous.get("/api/v1/appearances/", {"claim": 987654321})

    assert response.status_code == 400
    assert response.json()["errors"]["claim"] == ["No claim has the id 987654321 (or none you may see)."]


def test_a_consumer_naming_a_draft_gets_the_answer_a_missing_claim_gets(anonymous, as_editor, corpus):
    draft = corpus["draft"].pk

    hidden = anonymous.get("/api/v1/appearances/", {"claim": draft})
    seen = as_editor.get("/api/v1/appearances/", {"claim": draft})

    assert hidden.status_code == 400
    assert hidden.json()["errors"]["claim"] == [f"No claim has the id {draft} (or none you may see)."]
    assert seen.status_code == 200 and len(seen.json()["results"]) == 1


@pytest.mark.parametrize(
    ("url", "name"),
    [
        ("/api/v1/appearances/", "outlet"),
        ("/api/v1/affiliations/", "outlet"),
        ("/api/v1/affiliations/", "actor"),
        ("/api/v1/citations/", "claim"),
        ("/api/v1/evidence/", "claim"),
    ],
)
@pytest.mark.parametrize("value", ["987654321", "1.5", "12abc", "0", str(2**63)])
def test_the_row_lists_refuse_ids_that_name_nothing(anonymous, corpus, url, name, value):
    response = anonymous.get(url, {name: value})

    assert response.status_code == 400
    assert name in response.json()["errors"]


def test_an_unknown_value_in_an_export_is_a_json_400_before_anything_is_sent(anonymous, corpus):
    response = anonymous.get("/api/v1/claims/export.csv", {"actor": "no-such-slug"})

    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert "actor" in response.json()["errors"]


def tomorrow() -> str:
    return (timezone.localdate() + timedelta(days=1)).isoformat()


@pytest.mark.parametrize("suffix", ["", "chain/"])
def test_a_future_as_of_is_refused_with_the_claim_pages_message(anonymous, suffix):
    claim = rich_claim()

    response = anonymous.get(f"/api/v1/claims/{claim.pk}/{suffix}", {"as_of": tomorrow()})

    assert response.status_code == 400
    assert response.json()["errors"] == {"as_of": [IN_THE_FUTURE % tomorrow()]}


@pytest.mark.parametrize("suffix", ["", "chain/"])
def test_today_is_a_valid_as_of(anonymous, suffix):
    claim = rich_claim()

    response = anonymous.get(f"/api/v1/claims/{claim.pk}/{suffix}", {"as_of": timezone.localdate().isoformat()})

    assert response.status_code == 200
    assert response.json()["as_of"] == timezone.localdate().isoformat()


@pytest.mark.parametrize("value", ["2099-01-01", "20211025", "2021-W42-1", "2021-10-25T00:00", "25/10/2021"])
def test_as_of_reads_one_way_on_the_api_and_the_claim_page(anonymous, client, value):
    claim = rich_claim()

    api = anonymous.get(f"/api/v1/claims/{claim.pk}/", {"as_of": value})
    page = client.get(f"/claims/{claim.pk}/", {"as_of": value})

    assert api.status_code == page.status_code == 400
    (message,) = api.json()["errors"]["as_of"]
    assert message in (NOT_A_DAY, IN_THE_FUTURE % value)
    assert message in page.content.decode()
