"""Copied passages of suggested citations in both pages' own words. Suggestions made before kept
each passage once, in the matcher's folded form (lower case, no punctuation); they are read again
from the two pages' snapshots, which keep the text as captured, as pairs {"citing", "cited"}. A
suggestion whose pages can no longer be read keeps its share and loses the folded passages."""

from django.db import migrations

from claims.capture.reuse import text_reuse

SHOWN = 400


def _shown(words: str) -> str:
    return words if len(words) <= SHOWN else words[: SHOWN - 1].rstrip() + "…"


def _latest_texts(Snapshot, appearance_ids: set[int]) -> dict[int, str]:
    texts = {}
    rows = Snapshot.objects.filter(appearance_id__in=appearance_ids).order_by("appearance_id", "fetched_at", "id")
    for appearance_id, text in rows.values_list("appearance_id", "main_text"):
        texts[appearance_id] = text  # the latest wins
    return texts


def pairs(apps, schema_editor):
    Suggestion = apps.get_model("claims", "SuggestedCitation")
    Snapshot = apps.get_model("claims", "Snapshot")
    old = [
        s
        for s in Suggestion.objects.filter(evidence__has_key="passages").only("id", "citing_id", "cited_id", "evidence")
        if any(isinstance(p, str) for p in s.evidence.get("passages") or [])
    ]
    texts = _latest_texts(Snapshot, {s.citing_id for s in old} | {s.cited_id for s in old})
    for suggestion in old:
        reuse = text_reuse(texts.get(suggestion.citing_id, ""), texts.get(suggestion.cited_id, ""))
        found = reuse.passages if reuse else []
        suggestion.evidence["passages"] = [{"citing": _shown(p.citing), "cited": _shown(p.cited)} for p in found]
        suggestion.save(update_fields=["evidence"])


class Migration(migrations.Migration):
    dependencies = [("claims", "0017_appearance_author")]

    operations = [migrations.RunPython(pairs, migrations.RunPython.noop)]
