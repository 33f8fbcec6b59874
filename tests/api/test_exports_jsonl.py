"""GET /api/v1/claims/export.jsonl: one claim per line, in the format import_claims reads."""

from datetime import date

import orjson
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from claims.importing.jsonl import read_jsonl
from claims.importing.records import ClaimRecord
from tests.api.exports_data import a_draft, grow_chain
from tests.exports.chains import sample_chain
from tests.factories import make_appearance, make_claim

pytestmark = pytest.mark.django_db

URL = "/api/v1/claims/export.jsonl"


def lines(response) -> list[bytes]:
    assert response.status_code == 200, response.content
    return b"".join(response.streaming_content).splitlines()


def test_each_line_is_a_claim_the_importer_reads(anonymous) -> None:
    sample = sample_chain()

    response = anonymous.get(URL)

    assert response["Content-Type"] == "application/jsonl"
    assert response["Content-Disposition"] == 'attachment; filename="claims.jsonl"'
    (line,) = lines(response)
    (record,) = read_jsonl([line])
    assert isinstance(record, ClaimRecord)
    assert record.external_ref == "test:al-tanf-aos"
    assert len(record.appearances) == 5 and len(record.citations) == 3 and len(record.evidence) == 1
    assert record.text == sample.claim.text


def test_consumer_gets_published_claims_without_newsroom_notes(anonymous, as_editor) -> None:
    sample_chain()
    make_claim("A published claim with a note", notes="Desk: double-check the date.")
    a_draft()

    public = [orjson.loads(line) for line in lines(anonymous.get(URL))]
    newsroom = [orjson.loads(line) for line in lines(as_editor.get(URL))]

    assert [r["review_state"] for r in public] == ["published"]
    assert len(newsroom) == 3
    assert any(r.get("notes") == "Desk: double-check the date." for r in newsroom)


def test_it_takes_the_claim_list_filters(as_editor) -> None:
    sample_chain()
    a_draft()
    drafts = [orjson.loads(line) for line in lines(as_editor.get(f"{URL}?review_state=draft"))]
    assert [r["text"] for r in drafts] == ["A draft nobody outside the newsroom may see"]


def test_a_bad_filter_is_a_json_400(anonymous) -> None:
    response = anonymous.get(f"{URL}?reported_after=yesterday")
    assert response.status_code == 400
    assert "reported_after" in response.json()["errors"]


def test_query_count_does_not_grow_with_chains(as_editor) -> None:
    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            lines(as_editor.get(URL))
        return len(captured)

    sample = sample_chain()
    other = make_claim("Another claim")
    make_appearance(other, published_on=date(2021, 10, 21))
    queries()  # the first request also reads the user's groups, once per client
    small = queries()
    grow_chain(sample.claim, 20)
    grow_chain(other, 20)
    assert queries() == small
