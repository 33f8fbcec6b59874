"""Which claims wait for a background rescoring, and why (SPEC §6.6): staleness is shown, never silent.

A fan-out write (claims/services/score_refresh.py) leaves a ScoreRefresh with open batches;
a claim is pending while it is in the scope of a refresh and in the id range of one of its
open batches. That is one condition (`pending_q`), built from the open batches read in one
query, and used alike by the list's filter, every representation of a claim (list, detail,
exports) and the claim page's explanation.
"""

import operator
from collections.abc import Iterable
from dataclasses import dataclass
from functools import reduce

from django.db.models import BooleanField, Exists, ExpressionWrapper, OuterRef, Q, QuerySet, Value

from claims.models import Affiliation, Claim, ClaimOutlet, ScoreBatch, StatusEvidence


@dataclass(frozen=True)
class OpenRefresh:
    refresh_id: int
    outlet_id: int | None
    actor_id: int | None
    reason: str
    ranges: tuple[tuple[int, int], ...]  # claim ids, first and last, of its open batches


def open_refreshes() -> list[OpenRefresh]:
    """Every refresh with work left, its adjacent open batches merged into one range (one query)."""
    rows = ScoreBatch.objects.order_by("refresh_id", "number").values_list(
        "refresh_id", "number", "first_claim_id", "last_claim_id", "refresh__outlet_id", "refresh__actor_id",
        "refresh__reason",
    )  # fmt: skip
    found: dict[int, tuple[int | None, int | None, str, list[list[int]]]] = {}
    previous: dict[int, int] = {}
    for refresh_id, number, first, last, outlet_id, actor_id, reason in rows:
        _, _, _, ranges = found.setdefault(refresh_id, (outlet_id, actor_id, reason, []))
        # Consecutive batches leave no claim of the scope between them: one range covers both.
        if ranges and previous[refresh_id] == number - 1:
            ranges[-1][1] = last
        else:
            ranges.append([first, last])
        previous[refresh_id] = number
    return [
        OpenRefresh(refresh_id, outlet_id, actor_id, reason, tuple((a, b) for a, b in ranges))
        for refresh_id, (outlet_id, actor_id, reason, ranges) in found.items()
    ]


def tied_outlets(actor_id: int) -> QuerySet:
    return Affiliation.objects.current().filter(actor_id=actor_id).values("outlet_id")


def scope_q(*, outlet_id: int | None = None, actor_id: int | None = None) -> Q:
    """The claims a change to this outlet, or to this actor's names, can move.

    An outlet: the claims it carries (current appearances). An actor: the claims about it,
    those it confirmed or denied, and those carried by an outlet tied to it (their factors
    name it)."""
    if outlet_id is not None:
        return Q(Exists(ClaimOutlet.objects.filter(claim=OuterRef("pk"), outlet_id=outlet_id)))
    return (
        Q(subject_id=actor_id)
        | Q(Exists(StatusEvidence.objects.current().filter(claim=OuterRef("pk"), actor_id=actor_id)))
        | Q(Exists(ClaimOutlet.objects.filter(claim=OuterRef("pk"), outlet_id__in=tied_outlets(actor_id))))
    )


def _refresh_q(refresh: OpenRefresh) -> Q:
    ranges = reduce(operator.or_, (Q(pk__range=bounds) for bounds in refresh.ranges))
    return ranges & scope_q(outlet_id=refresh.outlet_id, actor_id=refresh.actor_id)


def pending_q(refreshes: Iterable[OpenRefresh]) -> Q:
    """Claims still waiting for one of these refreshes; a condition that matches nothing if none."""
    conditions = [_refresh_q(refresh) for refresh in refreshes]
    return reduce(operator.or_, conditions) if conditions else Q(pk__in=[])


def with_scores_pending(claims: QuerySet) -> QuerySet:
    """The claims, each with `scores_pending`: one query to read the open batches, and nothing
    added to the claims' own query when there are none (the common case)."""
    refreshes = open_refreshes()
    if not refreshes:
        return claims.annotate(scores_pending=Value(False, output_field=BooleanField()))
    return claims.annotate(scores_pending=ExpressionWrapper(pending_q(refreshes), output_field=BooleanField()))


def pending_reasons(claim_id: int) -> list[str]:
    """Why this claim's confidence is being recomputed, one line per change (two queries at most)."""
    refreshes = open_refreshes()
    if not refreshes:
        return []
    flags = {
        f"refresh_{r.refresh_id}": ExpressionWrapper(_refresh_q(r), output_field=BooleanField()) for r in refreshes
    }
    row = Claim.objects.filter(pk=claim_id).annotate(**flags).values(*flags).first() or {}
    return [r.reason for r in refreshes if row.get(f"refresh_{r.refresh_id}")]


def scope_claim_ids(*, outlet_id: int | None = None, actor_id: int | None = None) -> list[int]:
    """The ids of the claims in a scope (`scope_q`), in order, each read off an index."""
    if outlet_id is not None:
        return list(
            ClaimOutlet.objects.filter(outlet_id=outlet_id).order_by("claim_id").values_list("claim_id", flat=True)
        )
    ids = set(Claim.objects.filter(subject_id=actor_id).values_list("id", flat=True))
    ids |= set(StatusEvidence.objects.current().filter(actor_id=actor_id).values_list("claim_id", flat=True))
    ids |= set(ClaimOutlet.objects.filter(outlet_id__in=tied_outlets(actor_id)).values_list("claim_id", flat=True))
    return sorted(ids)


def scope_has_claims(*, outlet_id: int | None = None, actor_id: int | None = None) -> bool:
    if outlet_id is not None:
        return ClaimOutlet.objects.filter(outlet_id=outlet_id).exists()
    return (
        Claim.objects.filter(subject_id=actor_id).exists()
        or StatusEvidence.objects.current().filter(actor_id=actor_id).exists()
        or ClaimOutlet.objects.filter(outlet_id__in=tied_outlets(actor_id)).exists()
    )
