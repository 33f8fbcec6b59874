"""GET /api/v1/claims/export.csv: the claim list, every filter of GET /api/v1/claims/, streamed."""

import csv
import io
from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from claims.services.workflow import claim_submit
from tests.api.conftest import publish
from tests.factories import (
    make_actor,
    make_affiliation,
    make_appearance,
    make_claim,
    make_event,
    make_evidence,
    make_outlet,
)

pytestmark = pytest.mark.django_db

URL = "/api/v1/claims/export.csv"


@pytest.fixture
def corpus() -> None:
    hezbollah = make_actor("Hezbollah", slug="hezbollah", aliases=["Hizbullah"])
    allies = make_actor("Allies of Syria Operations Room", slug="allies-of-syria")
    akhbar = make_outlet("Al-Akhbar", slug="al-akhbar", reliability="D")
    reuters = make_outlet("Reuters", slug="reuters", reliability="A")
    make_affiliation(akhbar, hezbollah)
    attack = make_event("Drone attack on al-Tanf", slug="tanf-2021", date=date(2021, 10, 20))
    tanf = make_claim("The Operations Room was behind the drone attack on al-Tanf", subject=allies, event=attack)
    make_appearance(tanf, akhbar, published_on=date(2021, 10, 21))
    rockets = make_claim("Hezbollah fired rockets at Kiryat Shmona", kind="responsibility", subject=hezbollah)
    make_appearance(rockets, reuters, published_on=date(2023, 10, 8))
    make_evidence(rockets, stance="confirms", actor=hezbollah, date=date(2023, 10, 8))
    denial = make_claim("Iran denied any role", kind="denial")
    make_appearance(denial, reuters, published_on=date(2021, 10, 25))
    for claim in (tanf, rockets, denial):
        publish(claim)
    claim_submit(claim=make_claim("A claim in review"))
    make_claim("A draft")


def rows(response) -> list[dict]:
    assert response.status_code == 200, response.content
    return list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))


def api_ids(client, query: str) -> list[str]:
    response = client.get(f"/api/v1/claims/?limit=500&{query}")
    assert response.status_code == 200, response.content
    return [str(claim["id"]) for claim in response.json()["results"]]


def test_it_streams_csv_as_an_attachment(anonymous, corpus) -> None:
    response = anonymous.get(URL)

    assert response.streaming
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="claims.csv"'
    assert len(rows(response)) == 3


@pytest.mark.parametrize(
    "query",
    [
        "status=confirmed",
        "review_state=draft",
        "review_state=in_review",
        "kind=denial",
        "actor=hezbollah",
        "event=tanf-2021",
        "outlet=reuters",
        "affiliated_with=hezbollah",
        "min_confidence=50",
        "max_confidence=40",
        "reported_after=2022-01-01",
        "reported_before=2022-01-01",
        "updated_since=2020-01-01T00:00:00Z",
        "q=Hizbullah",
        "ordering=confidence",
        "ordering=-first_reported",
        "kind=attribution&outlet=al-akhbar",
    ],
)
def test_it_takes_every_filter_of_the_claim_list(as_editor, corpus, query: str) -> None:
    exported = [row["id"] for row in rows(as_editor.get(f"{URL}?{query}"))]

    assert exported == api_ids(as_editor, query)
    assert len(exported) < 5 or query.startswith(("ordering", "updated_since"))


def test_consumer_gets_published_claims_only(as_consumer, corpus) -> None:
    states = {row["review_state"] for row in rows(as_consumer.get(URL))}
    assert states == {"published"}
    assert rows(as_consumer.get(f"{URL}?review_state=draft")) == []


def test_pagination_parameters_do_not_cut_the_export(as_editor, corpus) -> None:
    assert len(rows(as_editor.get(f"{URL}?limit=1"))) == 5


def test_a_bad_filter_is_a_json_400(anonymous, corpus) -> None:
    response = anonymous.get(f"{URL}?min_confidence=high&kind=rumour")

    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert set(response.json()["errors"]) == {"min_confidence", "kind"}


def test_an_accept_header_does_not_change_the_format(anonymous, corpus) -> None:
    response = anonymous.get(URL, HTTP_ACCEPT="application/json")
    assert response["Content-Type"] == "text/csv; charset=utf-8"


def test_query_count_does_not_grow_with_the_number_of_claims(as_editor, corpus) -> None:
    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            rows(as_editor.get(URL))
        return len(captured)

    queries()  # the first request also reads the user's groups, once per client
    few = queries()
    for n in range(40):
        make_appearance(make_claim(f"Claim {n}"), published_on=date(2021, 10, 21))
    assert queries() == few
