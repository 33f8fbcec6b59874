"""Search keys recomputed for the rows written in Arabic script, now that folding merges its
spellings (hamza forms, taa marbuta, alef maqsura, yeh and kaf, marks, digits).

Only a row with a character of the Arabic block in what its keys are made of can change: the
folding leaves every other character as it was. Claims whose subject or outlets carry such a
name are rewritten as well, since their names are part of the claim's search text.
"""

from collections import defaultdict

from django.db import migrations
from django.db.models import Q

from claims.scoring.derived import claim_search_text, names_search_text
from claims.transliteration import skeleton

ARABIC_BLOCK = r"[\u0600-\u06FF\u200C]"
BATCH = 500


def _refold_names(model) -> set[int]:
    """Rewrites the outlets' or actors' names keys that folding changes; returns their ids.
    (Aliases are a JSON list, which no regex reads alike on every database: all are read,
    a directory being thousands of rows, not millions.)"""
    rows = []
    for row in model.objects.only("id", "name", "aliases", "search_names").iterator(chunk_size=BATCH):
        search_names = names_search_text(row.name, row.aliases)
        if search_names != row.search_names:
            rows.append(model(pk=row.pk, search_names=search_names))
    model.objects.bulk_update(rows, ["search_names"], batch_size=BATCH)
    return {row.pk for row in rows}


def _outlet_names(Appearance, Outlet, claim_ids: list[int]) -> dict[int, list[str]]:
    rows = (
        Appearance.objects.filter(withdrawn_at__isnull=True, claim_id__in=claim_ids)
        .order_by("claim_id", "published_on", "id")
        .values_list("claim_id", "outlet_id")
    )
    by_claim: dict[int, list[int]] = defaultdict(list)
    for claim_id, outlet_id in rows:
        if outlet_id not in by_claim[claim_id]:
            by_claim[claim_id].append(outlet_id)
    wanted = {o for outlets in by_claim.values() for o in outlets}
    names = {pk: [n, *a] for pk, n, a in Outlet.objects.filter(id__in=wanted).values_list("id", "name", "aliases")}
    return {claim: [n for o in outlets for n in names.get(o, [])] for claim, outlets in by_claim.items()}


def refold(apps, schema_editor):
    Claim, Outlet, Actor = (apps.get_model("claims", m) for m in ("Claim", "Outlet", "Actor"))
    Appearance = apps.get_model("claims", "Appearance")
    outlets, actors = _refold_names(Outlet), _refold_names(Actor)
    touched = Q(text__regex=ARABIC_BLOCK) | Q(subject_id__in=actors)
    touched |= Q(pk__in=Appearance.objects.filter(outlet_id__in=outlets).values("claim_id"))
    ids = list(Claim.objects.filter(touched).order_by("id").values_list("id", flat=True))
    for start in range(0, len(ids), BATCH):
        batch = ids[start : start + BATCH]
        outlet_names = _outlet_names(Appearance, Outlet, batch)
        rows = []
        for claim in (
            Claim.objects.filter(id__in=batch)
            .select_related("subject")
            .only("id", "text", "subject__name", "subject__aliases")
        ):
            subject = [claim.subject.name, *claim.subject.aliases] if claim.subject else []
            text = claim_search_text(claim.text, subject_names=subject, outlet_names=outlet_names.get(claim.pk, []))
            rows.append(Claim(pk=claim.pk, search_text=text, text_key=skeleton(claim.text)))
        Claim.objects.bulk_update(rows, ["search_text", "text_key"], batch_size=BATCH)


class Migration(migrations.Migration):
    dependencies = [("claims", "0028_kinds_together_and_system_fields")]
    operations = [migrations.RunPython(refold, migrations.RunPython.noop)]
