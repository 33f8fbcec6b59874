"""`manage.py load_seeds --path DIR` on small seed folders written by the tests."""

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from claims.models import Appearance, Citation, Claim, Outlet, StatusEvidence

pytestmark = pytest.mark.django_db

DOC = "000_fe2aeb450d1bbd91.txt"


def outlet(slug: str, **fields: object) -> dict:
    return {"slug": slug, "name": slug.title(), "kind": "newspaper", "source_document": DOC, "quote": slug, **fields}


def small_claim() -> dict:
    def appearance(key: str, day: str) -> dict:
        return {"ref": f"c1/{key}", "outlet": key, "published_on": day, "source_document": DOC, "quote": "q"}

    return {
        "ref": "c1",
        "text": "Group X claimed the attack.",
        "kind": "responsibility",
        "subject": "group-x",
        "event": None,
        "review_state": "published",
        "source_document": DOC,
        "quote": "claimed",
        "appearances": [appearance("daily", "2021-10-21"), appearance("weekly", "2021-10-28")],
        "citations": [
            {"citing": "c1/weekly", "cited": "c1/daily", "kind": "republished", "source_document": DOC, "quote": "q"}
        ],
        "evidence": [
            {
                "ref": "c1/own",
                "stance": "confirms",
                "actor": "group-x",
                "date": "2021-10-21",
                "appearance": "c1/daily",
                "source_document": DOC,
                "quote": "claimed",
            }
        ],
    }


def write_seeds(folder: Path, **files: list[dict]) -> Path:
    folder.mkdir(exist_ok=True)
    base = {
        "documents": [{"file": DOC, "outlet": "daily", "published_on": "2021-10-21"}],
        "outlets": [outlet("daily", aliases=["الأخبار"]), outlet("weekly")],
        "actors": [{"slug": "group-x", "name": "Group X", "kind": "armed_group", "source_document": DOC, "quote": "X"}],
        "claims": [small_claim()],
    }
    for kind, records in {**base, **files}.items():
        (folder / f"{kind}.json").write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    return folder


def load(folder: Path) -> str:
    out = StringIO()
    call_command("load_seeds", path=folder, stdout=out)
    return out.getvalue()


def tally_line(output: str, kind: str) -> str:
    return next(line.strip() for line in output.splitlines() if line.strip().startswith(kind))


def test_load_seeds_reports_what_it_created_and_then_that_nothing_changed(tmp_path):
    folder = write_seeds(tmp_path / "seeds")

    first, second = load(folder), load(folder)

    assert tally_line(first, "claims").split() == [
        "claims",
        "1",
        "created",
        "0",
        "updated",
        "0",
        "unchanged",
        "0",
        "kept",
    ]
    assert tally_line(second, "citations").split()[1:3] == ["0", "created"]
    assert "review moves: 1 to published" in first
    assert "review moves: none" in second
    assert "claims rescored: 0" in second
    assert Claim.objects.get().status == "confirmed"
    assert (Appearance.objects.count(), Citation.objects.count(), StatusEvidence.objects.count()) == (2, 1, 1)
    assert Outlet.objects.get(slug="daily").aliases == ["الأخبار"]


def test_load_seeds_refuses_inconsistent_files_and_writes_nothing(tmp_path):
    claim = small_claim()
    claim["citations"][0]["cited"] = "c2/elsewhere"
    folder = write_seeds(tmp_path / "seeds", claims=[claim])

    with pytest.raises(CommandError, match="both ends must be appearances of the same claim"):
        load(folder)

    assert not Outlet.objects.exists()


def test_a_record_a_service_refuses_rolls_back_the_whole_load(tmp_path):
    folder = write_seeds(tmp_path / "seeds", outlets=[outlet("daily"), outlet("weekly", url="not a url")])

    with pytest.raises(CommandError, match="outlet weekly: url"):
        load(folder)

    assert not Outlet.objects.exists()
    assert not Claim.objects.exists()


def test_load_seeds_names_a_missing_folder(tmp_path):
    with pytest.raises(CommandError, match="is not a folder"):
        load(tmp_path / "nowhere")
