"""Large chains for traversal tests, inserted in bulk (the services would check each
edge for cycles, which is what other tests measure)."""

from datetime import date, timedelta

from claims.models import Appearance, Citation, Claim, Outlet
from claims.services.rescoring import claims_rescore


def bulk_chain(claim: Claim, outlets: list[Outlet], *, depth: int, width: int) -> list[list[Appearance]]:
    """`width` parallel lines of `depth` appearances; each one cites the previous of its line
    and, for every line but the first, also the previous of the line before (a lattice)."""
    start = date(2020, 1, 1)
    rows = [
        Appearance(
            claim=claim,
            outlet=outlets[(level * width + line) % len(outlets)],
            published_on=start + timedelta(days=level),
        )
        for level in range(depth)
        for line in range(width)
    ]
    Appearance.objects.bulk_create(rows, batch_size=2000)
    created = list(Appearance.objects.filter(claim=claim).order_by("published_on", "id"))
    levels = [created[level * width : (level + 1) * width] for level in range(depth)]
    edges = []
    for level in range(1, depth):
        for line in range(width):
            edges.append(Citation(claim=claim, citing=levels[level][line], cited=levels[level - 1][line], kind="cited"))
            if line:
                edges.append(
                    Citation(claim=claim, citing=levels[level][line], cited=levels[level - 1][line - 1], kind="quoted")
                )
    Citation.objects.bulk_create(edges, batch_size=2000)
    claims_rescore(claim_ids=[claim.pk])
    return levels
