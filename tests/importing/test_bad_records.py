"""Each bad record is reported with its line and reason, leaves nothing behind, and the good ones land."""

from datetime import date, timedelta

from django.db import connection
from django.utils import timezone

from claims.models import Appearance, Citation, Claim, Outlet
from tests.factories import make_appearance, make_claim, make_outlet
from tests.importing.helpers import counts, import_file, write_jsonl

OUTLETS = [
    {"slug": "al-akhbar", "name": "Al-Akhbar", "kind": "newspaper"},
    {"slug": "levant-wire", "name": "Levant Wire", "kind": "wire"},
]

UNKNOWN_OUTLET = {"ref": "first", "outlet": "nowhere-daily", "published_on": "2021-10-21"}


def record(ref: str, **fields) -> dict:
    base = {
        "external_ref": ref,
        "text": f"Claim {ref}",
        "outlets": OUTLETS,
        "appearances": [
            {"ref": "first", "outlet": "al-akhbar", "published_on": "2021-10-21"},
            {"ref": "second", "outlet": "levant-wire", "published_on": "2021-10-22"},
        ],
        "citations": [{"citing": "second", "cited": "first", "kind": "republished"}],
    }
    return base | fields


def test_bad_records_are_reported_by_line_and_the_good_ones_imported(db, tmp_path) -> None:
    other = make_claim("Another claim", external_ref="other")
    make_appearance(other, make_outlet("Other outlet"), published_on=date(2021, 10, 1), external_ref="other/x")
    tomorrow = (timezone.localdate() + timedelta(days=1)).isoformat()
    path = write_jsonl(
        tmp_path / "claims.jsonl",
        [
            record("good-1"),  # line 1
            '{"text": "broken", ',  # line 2: not JSON
            {"external_ref": "no-text", "appearances": []},  # line 3: no text
            record("unknown", appearances=[UNKNOWN_OUTLET]),  # line 4: neither in the database nor defined
            record(  # line 5: a date in the future
                "future",
                appearances=[
                    {"ref": "first", "outlet": "al-akhbar", "published_on": "2021-10-21"},
                    {"ref": "second", "outlet": "levant-wire", "published_on": tomorrow},
                ],
            ),
            record(  # line 6: the second citation closes a cycle
                "cycle",
                appearances=[
                    {"ref": "first", "outlet": "al-akhbar", "published_on": "2021-10-21"},
                    {"ref": "second", "outlet": "levant-wire", "published_on": "2021-10-21"},
                ],
                citations=[
                    {"citing": "second", "cited": "first"},
                    {"citing": "first", "cited": "second"},
                ],
            ),
            record("cross", citations=[{"citing": "second", "cited": "other/x"}]),  # line 7: another claim's
            record("good-2"),  # line 8
        ],
    )

    run = import_file(path)

    assert not run.ok
    errors = [line for line in run.stderr.splitlines() if line.startswith("line ")]
    assert len(errors) == 6
    assert errors[0].startswith("line 2: not valid JSON")
    assert errors[1] == "line 3 (no-text): text is required"
    assert errors[2].startswith('line 4 (unknown): appearance #1: Unknown outlet "nowhere-daily"')
    assert errors[3] == f"line 5 (future): appearance #2: published_on {tomorrow} is in the future."
    assert errors[4].startswith("line 6 (cycle): citation #2: ") and "would close a cycle" in errors[4]
    assert errors[5].startswith("line 7 (cross): citation #1: Both appearances must carry the same claim")
    assert "6 record(s) failed, at line(s) 2, 3, 4, 5, 6, 7." in run.stdout
    assert "Imported 2 of 8 record(s)" in run.stdout

    assert set(Claim.objects.values_list("external_ref", flat=True)) == {"other", "good-1", "good-2"}
    assert Appearance.objects.count() == 5
    assert Citation.objects.count() == 2
    assert Outlet.objects.count() == 3


def test_a_failed_record_leaves_no_outlet_it_defined(db, tmp_path) -> None:
    bad = record("bad", appearances=[{"ref": "first", "outlet": "al-akhbar", "published_on": "2999-01-01"}])
    bad["citations"] = []
    path = write_jsonl(tmp_path / "claims.jsonl", [bad])

    run = import_file(path)

    assert not run.ok
    assert set(counts().values()) == {0}


def test_an_outlet_created_by_a_failed_record_can_be_created_by_a_later_one(db, tmp_path) -> None:
    """The run's memory of outlets is rolled back with the record, so the next record creates it anew."""
    bad = record("bad", text="")
    path = write_jsonl(tmp_path / "claims.jsonl", [record("bad", kind="nonsense"), bad, record("good")])

    run = import_file(path)

    assert not run.ok
    assert "kind" in run.stderr
    assert list(Claim.objects.values_list("external_ref", flat=True)) == ["good"]
    assert Outlet.objects.count() == 2


def test_shape_errors_name_the_field(db, tmp_path) -> None:
    path = write_jsonl(
        tmp_path / "claims.jsonl",
        [
            {"text": "x", "appearances": [{"outlet": "a", "published_on": "21/10/2021"}]},
            {"text": "x", "appearances": "none"},
            {"text": 12},
            {"text": "x", "publised_on": "2021-10-21"},
            ["not", "an", "object"],
        ],
    )

    run = import_file(path)

    errors = [line for line in run.stderr.splitlines() if line.startswith("line ")]
    assert errors == [
        "line 1: appearances[0].published_on '21/10/2021' is not a date (YYYY-MM-DD)",
        "line 2: appearances must be a list",
        "line 3: text must be a string, not int",
        "line 4: unknown field(s) 'publised_on' in the record",
        "line 5: the record must be a JSON object, not list",
    ]


def test_dry_run_reports_the_same_and_saves_nothing(db, tmp_path) -> None:
    path = write_jsonl(tmp_path / "claims.jsonl", [record("good"), record("unknown", appearances=[UNKNOWN_OUTLET])])

    run = import_file(path, "--dry-run")

    assert not run.ok
    assert "line 2 (unknown)" in run.stderr
    assert "Checked 1 of 2 record(s)" in run.stdout
    assert "Dry run: nothing was saved." in run.stdout
    assert set(counts().values()) == {0}


def test_a_nul_character_fails_that_record_only(db, tmp_path) -> None:
    path = write_jsonl(tmp_path / "claims.jsonl", ['{"text": "bad \\u0000 byte"}', {"text": "fine"}])

    run = import_file(path)

    assert not run.ok
    # PostgreSQL refuses the value already when the import looks the claim up; SQLite would store it.
    refused = "the database refused this record" if connection.vendor == "postgresql" else "text: Null characters"
    assert f"line 1: {refused}" in run.stderr
    assert list(Claim.objects.values_list("text", flat=True)) == ["fine"]


def test_a_line_nested_too_deep_is_reported_by_line_and_the_rest_imported(db, tmp_path) -> None:
    path = write_jsonl(
        tmp_path / "claims.jsonl",
        [record("good-1"), "[" * 3000 + "]" * 3000, '{"text": ' + "[" * 100 + "]" * 100 + "}", record("good-2")],
    )

    run = import_file(path)

    assert not run.ok
    assert "line 2: not valid JSON: JSON nested deeper than 64 levels" in run.stderr
    assert "line 3: not valid JSON: JSON nested deeper than 64 levels" in run.stderr
    assert set(Claim.objects.values_list("external_ref", flat=True)) == {"good-1", "good-2"}


def test_an_outlet_defined_under_a_name_we_hold_fails_its_record_naming_the_outlet(db, tmp_path) -> None:
    held = make_outlet("Levant Wire", slug="the-levant-wire")
    path = write_jsonl(
        tmp_path / "claims.jsonl", [record("dup", outlets=[*OUTLETS[:1], {**OUTLETS[1], "name": "LEVANT WIRE"}])]
    )

    run = import_file(path)

    assert not run.ok
    assert f"id {held.pk}, slug the-levant-wire" in run.stderr and "line 1 (dup)" in run.stderr
    assert Outlet.objects.count() == 1 and not Claim.objects.exists()
