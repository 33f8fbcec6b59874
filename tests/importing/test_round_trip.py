"""Export, import into an empty database, export again: the same claims and chains, the same files."""

import csv
import io
import re
from datetime import date

import orjson

from claims.models import Claim
from claims.scoring.derived import SCORED_FIELDS
from claims.selectors.chains import claim_chain
from claims.services.workflow import claim_publish_imported, claim_retract
from tests.exports.chains import sample_chain
from tests.factories import make_appearance, make_claim, make_evidence, make_outlet
from tests.importing.helpers import counts, empty_database, export_csv, export_jsonl, import_file

COMPUTED = SCORED_FIELDS  # every scored column: the search keys follow the outlets' order, which may differ


def corpus() -> None:
    sample_chain()
    unnamed = make_claim("قالت مصادر إن الهجوم نفذته فصائل عراقية")  # no external_ref, Arabic
    make_appearance(unnamed, make_outlet("Sabereen News"), published_on=date(2021, 10, 20), language="ar")
    retracted = make_claim("The attack was carried out from Iraq.", external_ref="test:from-iraq")
    first = make_appearance(retracted, make_outlet("Baghdad Today"), published_on=date(2021, 10, 22))
    make_evidence(retracted, stance="confirms", appearance=first, url="", date=date(2021, 10, 23))
    claim_publish_imported(claim=retracted, comment="test")
    claim_retract(claim=retracted, reason="Its only source withdrew the report.")


def state() -> dict[str, dict]:
    """Each claim by its text: its own fields, what was computed, and its chain by outlet and date."""
    found = {}
    for claim in Claim.objects.select_related("subject", "event"):
        chain = claim_chain(claim)
        node = {n.id: (n.outlet_name, n.published_on) for n in chain.nodes}
        found[claim.text] = {
            "fields": (claim.external_ref, claim.kind, claim.review_state, claim.subject_id and claim.subject.slug),
            "computed": {field: getattr(claim, field) for field in COMPUTED},
            "nodes": sorted(node.values()),
            "edges": sorted((node[e.citing], node[e.cited], e.kind) for e in chain.edges),
            "groups": sorted(sorted(node[i] for i in group) for group in chain.independent_groups),
        }
    return found


def without_ids(jsonl: str) -> list[dict]:
    """Records keyed by text, with the appearance refs made from ids (a12) renamed by position."""
    records = {}
    for line in jsonl.splitlines():
        record = orjson.loads(line)
        names = {
            a["ref"]: f"#{i}" for i, a in enumerate(record.get("appearances", [])) if re.fullmatch(r"a\d+", a["ref"])
        }
        text = orjson.dumps(record).decode()
        for ref, name in names.items():
            text = text.replace(f'"{ref}"', f'"{name}"')
        records[record["text"]] = orjson.loads(text)
    return [records[key] for key in sorted(records)]


def test_jsonl_export_imports_into_an_empty_database_and_exports_the_same(db, tmp_path) -> None:
    corpus()
    first, before, rows = export_jsonl(), state(), counts()
    empty_database()
    assert set(counts().values()) == {0}

    path = tmp_path / "claims.jsonl"
    path.write_text(first, encoding="utf-8")
    run = import_file(path)

    assert run.ok, run.stderr
    assert state() == before
    assert {k: v for k, v in counts().items() if k != "ReviewTransition"} == {
        k: v for k, v in rows.items() if k != "ReviewTransition"
    }
    assert without_ids(export_jsonl()) == without_ids(first)


def test_reimporting_an_export_into_the_same_database_changes_nothing(db, tmp_path) -> None:
    corpus()
    before, rows = state(), counts()
    path = tmp_path / "claims.jsonl"
    path.write_text(export_jsonl(), encoding="utf-8")

    run = import_file(path)

    assert run.ok, run.stderr
    assert "claims unchanged: 3" in run.stdout
    assert counts() == rows
    assert state() == before


def test_csv_export_imports_back_and_exports_the_same_claims(db, tmp_path) -> None:
    make_claim("Hezbollah fired on the base.", external_ref="test:one", kind="attribution")
    make_claim('Iran denied it, twice, "firmly".\nA second line.', kind="denial")
    first = export_csv()
    empty_database()
    path = tmp_path / "claims.csv"
    path.write_text(first, encoding="utf-8")

    run = import_file(path)

    assert run.ok, run.stderr
    volatile = ("id", "created_at", "updated_at")

    def rows(text: str) -> list[dict]:
        read = [{k: v for k, v in row.items() if k not in volatile} for row in csv.DictReader(io.StringIO(text))]
        return sorted(read, key=lambda row: row["text"])

    assert rows(export_csv()) == rows(first)


def test_csv_cells_neutralised_for_spreadsheets_import_back_as_they_were(db, tmp_path) -> None:
    texts = [
        '=HYPERLINK("http://evil.example","click")',
        "+972 said so",
        "-- a dashed claim",
        "@Hezbollah claimed it",
        "'=Already quoted",
        "'Twas the militia",
    ]
    for n, text in enumerate(texts):
        make_claim(text, external_ref=f"=ref-{n}")
    first = export_csv()
    assert "\n'=HYPERLINK" not in first and "'=ref-0" in first
    empty_database()
    path = tmp_path / "claims.csv"
    path.write_text(first, encoding="utf-8")

    run = import_file(path)

    assert run.ok, run.stderr
    assert sorted(Claim.objects.values_list("text", flat=True)) == sorted(texts)
    assert set(Claim.objects.values_list("external_ref", flat=True)) == {f"=ref-{n}" for n in range(len(texts))}
    assert export_csv().count("\n") == first.count("\n")
