import csv
import io
from datetime import date

from django.db import connection
from django.test.utils import CaptureQueriesContext

from claims.exports.table import COLUMNS, claim_rows, csv_lines
from claims.models import Claim
from claims.selectors.claims import claim_list
from tests.exports.chains import SampleChain
from tests.factories import make_appearance, make_claim


def read(claims) -> list[dict]:
    return list(csv.DictReader(io.StringIO("".join(csv_lines(claim_rows(claims))))))


def test_header_lists_the_columns(db) -> None:
    assert next(claim_rows(claim_list(user=None))) == COLUMNS


def test_a_row_carries_the_claim_and_its_computed_fields(sample: SampleChain) -> None:
    (row,) = read(claim_list(user=None))
    claim = sample.claim
    assert row["id"] == str(claim.pk)
    assert row["external_ref"] == "test:al-tanf-aos"
    assert row["text"] == claim.text
    assert (row["kind"], row["status"], row["review_state"]) == ("attribution", "denied", "published")
    assert row["subject"] == claim.subject.slug
    assert row["event"] == claim.event.slug
    assert row["first_reported"] == "2021-10-21"
    assert row["confidence"] == str(claim.confidence)
    assert row["confidence_label"] == claim.confidence_label
    assert row["admiralty_code"] == claim.admiralty_code
    assert (row["independent_origin_count"], row["appearance_count"]) == ("1", "5")
    assert row["updated_at"] == claim.updated_at.isoformat()


def test_commas_quotes_newlines_and_arabic_survive(db) -> None:
    text = 'قال "المصدر": هجوم, ثم\nبيان'
    make_claim(text)
    (row,) = read(Claim.objects.select_related("subject", "event"))
    assert row["text"] == text


def test_rows_take_two_queries_however_many_claims(db) -> None:
    """The rows, and whether anything is being rescored at all (claims.selectors.pending)."""

    def queries_for_export() -> int:
        with CaptureQueriesContext(connection) as captured:
            list(claim_rows(Claim.objects.select_related("subject", "event")))
        return len(captured)

    make_appearance(make_claim("first"), published_on=date(2021, 10, 21))
    few = queries_for_export()
    for n in range(30):
        make_appearance(make_claim(f"claim {n}"), published_on=date(2021, 10, 21))
    assert queries_for_export() == few == 2


def test_every_formula_prefix_of_owasps_rule_is_written_behind_a_quote() -> None:
    cells = ["=1+1", "+1", "-1", "@SUM(A1)", "\t=1+1", "\r=1+1", "plain", "'=1+1", ""]

    (written,) = csv.reader(io.StringIO("".join(csv_lines([cells])), newline=""))

    assert written == ["'=1+1", "'+1", "'-1", "'@SUM(A1)", "'\t=1+1", "'\r=1+1", "plain", "''=1+1", ""]
