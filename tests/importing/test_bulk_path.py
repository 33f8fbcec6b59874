"""New claims are imported many at a time: the same rows, history and refusals as one by one, in few queries."""

from datetime import date

import pytest

import claims.importing.run as run
from claims.importing.jsonl import read_jsonl
from claims.models import Appearance, Citation, Claim, ReviewTransition, StatusEvidence
from claims.models.claim import COMPUTED_FIELDS
from claims.selectors.history import claim_history
from tests.factories import make_appearance, make_claim, make_outlet
from tests.importing.helpers import empty_database, import_file, write_jsonl

ACTORS = [{"slug": "hezbollah", "name": "Hezbollah", "kind": "armed_group"}, {"slug": "iran", "name": "Iran"}]
OUTLETS = [
    {"slug": "al-akhbar", "name": "Al-Akhbar", "kind": "newspaper", "reliability": "D"},
    {"slug": "levant-wire", "name": "Levant Wire", "kind": "wire", "reliability": "B"},
    {
        "slug": "al-manar",
        "name": "Al-Manar",
        "reliability": "E",
        "affiliations": [{"actor": "hezbollah", "relation": "owned_by", "stated_by_url": "https://example.org/m"}],
    },
]
STATES = ["published", "draft", "in_review", "rejected", "retracted"]
CLAIM_FIELDS = ["text", "kind", "review_state", "notes", *COMPUTED_FIELDS]


def record(n: int, **fields) -> dict:
    return {
        "external_ref": f"bulk-{n}",
        "text": f"Hezbollah was behind attack number {n}.",
        "subject": "hezbollah",
        "review_state": STATES[n % len(STATES)],
        "review_comment": f"Reason {n}." if n % 2 else "",
        "appearances": [
            {"ref": "a", "outlet": "al-akhbar", "published_on": "2021-10-21", "headline": f"First {n}"},
            {"ref": "b", "outlet": "al-manar", "published_on": "2021-10-22", "url": f"https://m.example/{n}"},
            {"ref": "c", "outlet": "levant-wire", "published_on": "2021-10-23", "language": "en"},
        ],
        "citations": [
            {"citing": "b", "cited": "a", "kind": "republished"},
            {"citing": "c", "cited": "b", "kind": "quoted", "note": "Via Al-Manar."},
        ],
        "evidence": [{"stance": "denies", "date": "2021-10-25", "actor": "iran", "appearance": "c"}]
        if n % 3 != 1
        else [],
    } | fields


def corpus(count: int) -> list[dict]:
    # The first record defines the outlets and actors, and so goes one by one; the others can go in bulk.
    return [record(0, actors=ACTORS, outlets=OUTLETS)] + [record(n) for n in range(1, count)]


def snapshot() -> dict:
    """Everything an import wrote, keyed by refs rather than ids."""
    ref = {a.pk: a.external_ref for a in Appearance.objects.all()}
    result = {}
    for claim in Claim.objects.order_by("external_ref"):
        history = claim.history.order_by("history_id")
        result[claim.external_ref] = {
            "fields": [getattr(claim, name) for name in CLAIM_FIELDS] + [claim.subject.slug],
            "appearances": sorted(
                (a.external_ref, a.outlet.slug, a.published_on, a.url, a.headline, a.language, a.history.count())
                for a in claim.appearances.all()
            ),
            "citations": sorted(
                (ref[c.citing_id], ref[c.cited_id], c.kind, c.note, c.history.count()) for c in claim.citations.all()
            ),
            "evidence": [(e.stance, e.date, e.actor.slug, ref[e.appearance_id]) for e in claim.evidence.all()],
            "transitions": [
                (t.from_state, t.to_state, t.comment, t.by_id) for t in ReviewTransition.objects.filter(claim=claim)
            ],
            "history": [(h.history_type, h.review_state, h.history_change_reason, h.history_user_id) for h in history],
            # The claim page's history, newest first: what was recorded, in the order it happened.
            "merged": [(e.kind, e.object_type, e.to_state, e.comment) for e in claim_history(claim)],
        }
    return result


def one_by_one(monkeypatch) -> None:
    monkeypatch.setattr(run, "queue_for_bulk", lambda *args, **kwargs: False)


def test_bulk_writes_what_one_by_one_writes(db, tmp_path, monkeypatch) -> None:
    path = write_jsonl(tmp_path / "claims.jsonl", corpus(12))
    assert import_file(path).ok
    in_bulk = snapshot()
    empty_database()
    one_by_one(monkeypatch)
    assert import_file(path).ok
    assert snapshot() == in_bulk
    assert len(in_bulk) == 12
    assert in_bulk["bulk-5"]["history"][0][:2] == ("+", "draft")
    assert [t[1] for t in in_bulk["bulk-4"]["transitions"]] == ["in_review", "published", "retracted"]


def import_as(user, path) -> list[tuple[int, str]]:
    """The file imported as `user` would be by an upload: the bad lines, (line, message)."""
    with path.open("rb") as lines:
        report = run.import_records(read_jsonl(lines), source=path.name, by=user, origin="Imported from claims.jsonl")
    return [(failure.line, failure.message) for failure in report.failures]


def test_bulk_writes_what_one_by_one_writes_as_a_user_with_the_same_refusals(
    db, tmp_path, monkeypatch, editor_reviewer
) -> None:
    records = corpus(12)
    records[0]["review_state"] = "draft"  # it defines the outlets the others use
    path = write_jsonl(tmp_path / "claims.jsonl", records)
    refused_in_bulk = import_as(editor_reviewer, path)
    in_bulk = snapshot()
    empty_database()
    one_by_one(monkeypatch)

    assert import_as(editor_reviewer, path) == refused_in_bulk
    assert snapshot() == in_bulk
    # Published and retracted claims of one's own are refused, four eyes, whichever the path.
    assert [line for line, _ in refused_in_bulk] == [5, 6, 10, 11]
    assert all("Four eyes" in message for _, message in refused_in_bulk)
    assert {h[3] for claim in in_bulk.values() for h in claim["history"]} == {editor_reviewer.pk}


def test_bulk_import_takes_a_few_queries_per_batch_not_per_row(db, tmp_path, django_assert_max_num_queries) -> None:
    assert import_file(write_jsonl(tmp_path / "outlets.jsonl", corpus(1))).ok
    path = write_jsonl(tmp_path / "claims.jsonl", [record(n) for n in range(1, 101)])  # 300 appearances
    # One by one, the same file takes over 5,000 queries.
    with django_assert_max_num_queries(120):
        result = import_file(path)
    assert result.ok
    assert Appearance.objects.count() == 303
    assert Citation.objects.count() == 202
    assert StatusEvidence.objects.filter(claim__external_ref__startswith="bulk-").count() == sum(
        1 for n in range(101) if n % 3 != 1
    )


def test_a_bad_record_in_a_bulk_batch_is_reported_and_the_others_land(db, tmp_path) -> None:
    other = make_claim("Another claim", external_ref="other")
    # Takes the stored ref that bulk-6's first appearance would get: only the database can tell.
    make_appearance(other, make_outlet("Other outlet"), published_on=date(2021, 10, 1), external_ref="bulk-6/a")
    cycle = [{"citing": "b", "cited": "a"}, {"citing": "a", "cited": "b"}]
    same_day = [
        {"ref": "a", "outlet": "al-akhbar", "published_on": "2021-10-21"},
        {"ref": "b", "outlet": "levant-wire", "published_on": "2021-10-21"},
    ]
    records = corpus(8)
    records[3] = record(3, appearances=same_day, citations=cycle)
    records[4]["appearances"][0]["headline"] = "x" * 501
    records[5]["review_state"] = "lost"
    result = import_file(write_jsonl(tmp_path / "claims.jsonl", records))
    assert not result.ok
    assert "line 4 (bulk-3): citation #2:" in result.stderr and "would close a cycle" in result.stderr
    assert "line 5 (bulk-4): appearance #1: headline:" in result.stderr
    assert "line 6 (bulk-5)" in result.stderr and "Unknown review state 'lost'" in result.stderr
    assert (
        "line 7 (bulk-6): appearance #1: external_ref: Appearance with this External ref already exists."
        in result.stderr
    )
    assert set(Claim.objects.values_list("external_ref", flat=True)) == {
        "other",
        "bulk-0",
        "bulk-1",
        "bulk-2",
        "bulk-7",
    }
    assert not Appearance.objects.filter(external_ref__startswith="bulk-3/").exists()


@pytest.mark.parametrize("reimport", [True, False])
def test_a_record_that_finds_its_claim_is_updated_not_duplicated(db, tmp_path, reimport) -> None:
    assert import_file(write_jsonl(tmp_path / "first.jsonl", corpus(3))).ok
    again = [record(1, text="Hezbollah was behind attack number 1.", notes="Checked.")] if reimport else []
    assert import_file(write_jsonl(tmp_path / "second.jsonl", [*again, record(7), record(7)])).ok
    assert Claim.objects.filter(external_ref="bulk-1").count() == 1
    assert Claim.objects.filter(external_ref="bulk-7").count() == 1
    assert Claim.objects.get(external_ref="bulk-7").appearances.count() == 3
    assert Claim.objects.get(external_ref="bulk-1").notes == ("Checked." if reimport else "")


def test_the_report_counts_the_claims_scored_in_bulk(db, tmp_path) -> None:
    result = import_file(write_jsonl(tmp_path / "claims.jsonl", corpus(12)))

    assert result.ok
    assert "Confidence recomputed for 12 claim(s)." in result.stdout


# transaction=True: what ANALYZE writes is read after the import commits. serialized_rollback:
# the flush after the test would drop the groups made by migration 0003.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_large_import_analyses_its_tables_on_postgresql(tmp_path, monkeypatch) -> None:
    """Here "large" is made small: batches of 10 records, the first analysis after 30 appearances."""
    from django.db import connection

    import claims.importing.statistics as statistics

    if connection.vendor != "postgresql":
        pytest.skip("SQLite plans without table statistics")
    monkeypatch.setattr(statistics, "FIRST_AFTER", 30)
    monkeypatch.setattr(run, "BULK_SIZE", 10)

    assert import_file(write_jsonl(tmp_path / "claims.jsonl", corpus(40))).ok

    with connection.cursor() as cursor:
        cursor.execute("SELECT reltuples FROM pg_class WHERE relname = 'claims_appearance'")
        assert cursor.fetchone()[0] >= 30
