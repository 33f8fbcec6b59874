"""Loading the corpus again: twice is once, and a person's work in the app is never undone."""

import json
import shutil
from pathlib import Path

from django.apps import apps

from claims.models import Claim, Outlet
from claims.models.claim import COMPUTED_FIELDS
from claims.seeding import load_seeds
from claims.seeding.sync import CREATED, KEPT, UPDATED
from claims.services.outlets import outlet_update
from claims.services.workflow import claim_reject, claim_retract
from tests.seeds.corpus import SEEDS_DIR, seeded_claim

AL_TANF = "al-tanf-2021-allies-of-syria-behind-attack"


def row_counts() -> dict[str, int]:
    """Every table of the claims app, the history tables and review transitions included."""
    return {model.__name__: model.objects.count() for model in apps.get_app_config("claims").get_models()}


def claim_snapshot() -> list[tuple]:
    return list(Claim.objects.order_by("id").values_list("id", "review_state", *COMPUTED_FIELDS, "updated_at"))


def copy_of_seeds(tmp_path: Path) -> Path:
    folder = tmp_path / "seeds"
    shutil.copytree(SEEDS_DIR, folder)
    return folder


def test_loading_twice_changes_nothing(corpus):
    counts, claims = row_counts(), claim_snapshot()

    tally = load_seeds(SEEDS_DIR)

    assert row_counts() == counts
    assert claim_snapshot() == claims
    assert tally.total(CREATED) == tally.total(UPDATED) == tally.total(KEPT) == 0
    assert tally.rescored == 0
    assert not tally.review_steps
    assert "HistoricalClaim" in counts and "ReviewTransition" in counts


def test_a_changed_seed_record_updates_only_its_row(corpus, tmp_path):
    folder = copy_of_seeds(tmp_path)
    outlets = json.loads((folder / "outlets.json").read_text(encoding="utf-8"))
    next(o for o in outlets if o["slug"] == "haaretz")["aliases"].append("Haaretz English Edition")
    (folder / "outlets.json").write_text(json.dumps(outlets, ensure_ascii=False), encoding="utf-8")
    counts = row_counts()

    tally = load_seeds(folder)

    assert tally.counts["outlets"][UPDATED] == 1
    assert tally.total(UPDATED) == 1
    assert "Haaretz English Edition" in Outlet.objects.get(slug="haaretz").aliases
    assert row_counts() == {**counts, "HistoricalOutlet": counts["HistoricalOutlet"] + 1}


def test_a_grade_a_reviewer_set_survives_a_reload(corpus, reviewer):
    al_akhbar = Outlet.objects.get(slug="al-akhbar")
    outlet_update(outlet=al_akhbar, reliability="E", reliability_note="Reviewed after the seed load.", by=reviewer)

    tally = load_seeds(SEEDS_DIR)

    assert Outlet.objects.get(slug="al-akhbar").reliability == "E"
    assert tally.counts["outlets"][KEPT] == 1


def test_a_reviewers_rejection_is_not_undone_by_a_reload(corpus, reviewer):
    claim = seeded_claim("irgc-2023-recruiting-fighters-for-lebanese-front")
    claim_reject(claim=claim, comment="Needs a named source.", by=reviewer)

    tally = load_seeds(SEEDS_DIR)

    assert seeded_claim("irgc-2023-recruiting-fighters-for-lebanese-front").review_state == "rejected"
    assert not tally.review_steps


def test_a_retracted_claim_is_kept_as_it_was_retracted(corpus, reviewer):
    claim = seeded_claim("kataib-hezbollah-2024-suspended-operations")
    claim_retract(claim=claim, reason="Single report with no named source.", by=reviewer)
    counts = row_counts()

    tally = load_seeds(SEEDS_DIR)

    assert row_counts() == counts
    assert tally.counts["claims"][KEPT] == 1


def test_a_published_claim_is_not_reworded_by_changed_seeds(corpus, tmp_path):
    folder = copy_of_seeds(tmp_path)
    claims = json.loads((folder / "claims.json").read_text(encoding="utf-8"))
    next(c for c in claims if c["ref"] == AL_TANF)["text"] = "Someone attacked al-Tanf."
    (folder / "claims.json").write_text(json.dumps(claims, ensure_ascii=False), encoding="utf-8")
    counts = row_counts()

    tally = load_seeds(folder)

    assert seeded_claim(AL_TANF).text.startswith("The Allies of Syria Operations Room was behind")
    assert tally.counts["claims"][KEPT] == 1
    assert [AL_TANF in warning for warning in tally.warnings] == [True]
    assert row_counts() == counts
