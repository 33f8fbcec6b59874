"""Importing the same file twice is importing it once; a changed file updates what it names."""

from claims.models import Appearance, Citation, Claim, StatusEvidence
from claims.services.claims import claim_create
from tests.importing.helpers import counts, import_file, write_jsonl

RECORD = {
    "external_ref": "tanf-1",
    "text": "Hezbollah was behind the attack on al-Tanf",
    "outlets": [
        {"slug": "al-akhbar", "name": "Al-Akhbar", "reliability": "D"},
        {"slug": "levant-wire", "name": "Levant Wire"},
    ],
    "appearances": [
        {"ref": "akh", "outlet": "al-akhbar", "published_on": "2021-10-21", "headline": "First"},
        {"ref": "wire", "outlet": "levant-wire", "published_on": "2021-10-22"},
    ],
    "citations": [{"citing": "wire", "cited": "akh", "kind": "republished"}],
    "evidence": [{"stance": "denies", "date": "2021-10-25", "url": "https://example.org/denial"}],
}


def test_importing_twice_is_importing_once(db, tmp_path) -> None:
    path = write_jsonl(tmp_path / "claims.jsonl", [RECORD])
    assert import_file(path).ok
    once = counts()

    run = import_file(path)

    assert run.ok
    assert counts() == once
    assert "claims unchanged: 1" in run.stdout
    assert "appearances unchanged: 2" in run.stdout
    assert "citations unchanged: 1" in run.stdout
    assert "evidence unchanged: 1" in run.stdout


def test_a_changed_record_updates_in_place(db, tmp_path) -> None:
    assert import_file(write_jsonl(tmp_path / "a.jsonl", [RECORD])).ok
    changed = RECORD | {
        "kind": "responsibility",
        "appearances": [
            {"ref": "akh", "outlet": "al-akhbar", "published_on": "2021-10-21", "headline": "First, corrected"},
            {"ref": "wire", "outlet": "levant-wire", "published_on": "2021-10-22"},
            {"ref": "late", "outlet": "levant-wire", "published_on": "2021-10-24"},
        ],
        "citations": [{"citing": "wire", "cited": "akh", "kind": "quoted"}],
    }

    run = import_file(write_jsonl(tmp_path / "b.jsonl", [changed]))

    assert run.ok, run.stderr
    claim = Claim.objects.get()
    assert claim.kind == "responsibility"
    assert Appearance.objects.get(external_ref="tanf-1/akh").headline == "First, corrected"
    assert Appearance.objects.count() == 3
    assert Citation.objects.get().kind == "quoted"
    assert StatusEvidence.objects.count() == 1
    assert "claims updated: 1" in run.stdout


def test_a_record_without_external_ref_finds_its_claim_by_text(db, tmp_path) -> None:
    claim_create(text="A claim recorded by hand")
    record = {
        "text": "A claim recorded by hand",
        "outlets": RECORD["outlets"],
        "appearances": RECORD["appearances"][:1],
    }
    path = write_jsonl(tmp_path / "claims.jsonl", [record])

    assert import_file(path).ok
    assert import_file(path).ok

    assert Claim.objects.count() == 1
    assert Appearance.objects.count() == 1


def test_existing_outlets_are_used_as_they_are(db, tmp_path) -> None:
    path = write_jsonl(tmp_path / "claims.jsonl", [RECORD])
    assert import_file(path).ok
    regraded = RECORD | {
        "outlets": [{"slug": "al-akhbar", "name": "Renamed", "reliability": "A"}, RECORD["outlets"][1]]
    }

    assert import_file(write_jsonl(tmp_path / "b.jsonl", [regraded])).ok

    claim = Claim.objects.get()
    assert {a.outlet.name for a in claim.appearances.all()} == {"Al-Akhbar", "Levant Wire"}
    assert claim.appearances.get(external_ref="tanf-1/akh").outlet.reliability == "D"
