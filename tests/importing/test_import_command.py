"""manage.py import_claims: formats, the progress bar, the summary, review states, confidence."""

import io
import sys

import pytest
from django.core.management import CommandError, call_command

from claims.models import Claim, ReviewTransition
from tests.importing.helpers import import_file, write_jsonl

RECORD = {
    "external_ref": "tanf-1",
    "text": "Hezbollah was behind the attack on al-Tanf",
    "outlets": [{"slug": "reuters", "name": "Reuters", "reliability": "A"}],
    "appearances": [{"outlet": "reuters", "published_on": "2021-10-21"}],
}


def test_progress_goes_to_stderr_and_the_summary_to_stdout(db, tmp_path) -> None:
    run = import_file(write_jsonl(tmp_path / "claims.jsonl", [RECORD]), verbosity=1)

    assert run.ok
    assert "1/1" in run.stderr and "records" in run.stderr
    assert run.stdout.startswith("Imported 1 of 1 record(s) from claims.jsonl: ")
    assert "Confidence recomputed for 1 claim(s)." in run.stdout


def test_confidence_is_computed_after_the_import(db, tmp_path) -> None:
    assert import_file(write_jsonl(tmp_path / "claims.jsonl", [RECORD])).ok

    claim = Claim.objects.get()
    assert (claim.independent_origin_count, claim.appearance_count) == (1, 1)
    assert claim.confidence > 0
    assert claim.admiralty_code == "A3"


def test_format_comes_from_the_extension_or_the_option(db, tmp_path) -> None:
    path = tmp_path / "claims.txt"
    path.write_text("text\nA claim from a CSV with another name\n", encoding="utf-8")

    with pytest.raises(CommandError, match="--format"):
        call_command("import_claims", str(path), verbosity=0)
    assert import_file(path, "--format", "csv").ok
    assert Claim.objects.get().text == "A claim from a CSV with another name"


def test_a_missing_file_is_a_clear_error(db, tmp_path) -> None:
    with pytest.raises(CommandError, match="No such file"):
        call_command("import_claims", str(tmp_path / "nope.jsonl"), verbosity=0)


def test_standard_input_with_a_format(db, monkeypatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO('{"text": "From standard input"}\n'))
    call_command("import_claims", "-", "--format", "jsonl", verbosity=0, stdout=io.StringIO())
    assert Claim.objects.get().text == "From standard input"


@pytest.mark.parametrize(
    ("state", "steps"),
    [
        ("", []),
        ("draft", []),
        ("in_review", ["in_review"]),
        ("published", ["in_review", "published"]),
        ("rejected", ["in_review", "rejected"]),
        ("retracted", ["in_review", "published", "retracted"]),
    ],
)
def test_new_claims_are_brought_to_their_review_state_with_a_record_of_it(db, tmp_path, state, steps) -> None:
    record = RECORD | {"review_state": state, "review_comment": "Withdrawn by the source."}
    assert import_file(write_jsonl(tmp_path / "claims.jsonl", [record])).ok

    claim = Claim.objects.get()
    assert claim.review_state == (state or "draft")
    transitions = list(ReviewTransition.objects.filter(claim=claim).order_by("id"))
    assert [t.to_state for t in transitions] == steps
    assert all(t.by is None for t in transitions)
    if state in ("rejected", "retracted"):
        assert transitions[-1].comment == "Withdrawn by the source."


def test_an_unknown_review_state_is_refused(db, tmp_path) -> None:
    run = import_file(write_jsonl(tmp_path / "claims.jsonl", [RECORD | {"review_state": "approved"}]))
    assert not run.ok
    assert "Unknown review state 'approved'" in run.stderr
    assert not Claim.objects.exists()


def test_evidence_may_point_at_an_appearance_of_the_record(db, tmp_path) -> None:
    record = RECORD | {
        "appearances": [{"ref": "r", "outlet": "reuters", "published_on": "2021-10-21"}],
        "evidence": [{"stance": "confirms", "date": "2021-10-22", "appearance": "r"}],
    }
    assert import_file(write_jsonl(tmp_path / "claims.jsonl", [record])).ok
    claim = Claim.objects.get()
    assert claim.status == "confirmed"
    assert claim.evidence.get().appearance.external_ref == "tanf-1/r"
