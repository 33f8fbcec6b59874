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


@pytest.mark.parametrize("query", ["limit=1", "cursor=abc", "format=json", "page=2"])
def test_parameters_an_export_cannot_apply_are_refused(as_editor, corpus, query) -> None:
    """Pagination does not cut an export, so `limit` was silently ignored; now it is named (issue 16)."""
    response = as_editor.get(f"{URL}?{query}")

    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert list(response.json()["errors"]) == [query.split("=")[0]]


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


# Tab and carriage return, the other two of OWASP's rule, cannot begin a stored text (the services
# trim it); tests/exports/test_table.py writes them to the CSV directly.
FORMULA_PREFIXES = ["=", "+", "-", "@"]


@pytest.mark.parametrize("prefix", FORMULA_PREFIXES, ids=["equals", "plus", "minus", "at"])
def test_a_cell_that_begins_like_a_formula_is_written_with_a_leading_quote(anonymous, prefix) -> None:
    text = f'{prefix}HYPERLINK("http://evil.example","click")'
    publish(make_claim(text, external_ref=f"{prefix}ref"))

    (row,) = rows(anonymous.get(URL))

    assert row["text"] == f"'{text}"
    assert row["external_ref"] == f"'{prefix}ref"


def test_the_hyperlink_of_the_issue_is_neutralised(anonymous) -> None:
    publish(make_claim('=HYPERLINK("http://evil.example","click")'))

    body = b"".join(anonymous.get(URL).streaming_content).decode()

    assert ',"\'=HYPERLINK(""http://evil.example"",""click"")",' in body
    assert ',"=HYPERLINK' not in body and ",=HYPERLINK" not in body


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("'=1+1", "''=1+1"),  # already quoted: one more, so the import can take exactly one off
        ("''@SUM(A1)", "'''@SUM(A1)"),
        ("'Twas a claim", "'Twas a claim"),  # a quote before anything else is left alone
        ("Hezbollah = Hizbullah", "Hezbollah = Hizbullah"),  # only the first character counts
        ("1-2 killed", "1-2 killed"),
        ("قالت مصادر إن الهجوم", "قالت مصادر إن الهجوم"),
    ],
)
def test_cells_that_do_not_begin_like_a_formula_are_written_as_they_are(anonymous, text, written) -> None:
    publish(make_claim(text))

    (row,) = rows(anonymous.get(URL))

    assert row["text"] == written
