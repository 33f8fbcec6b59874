"""Which claims wait for a background rescoring, and why (SPEC §6.6): staleness is shown, never silent.

A fan-out write (claims/services/score_refresh.py) leaves a ScoreRefresh with open batches.
A claim is pending while an open batch's id range holds it and the claim is in its refresh's
scope: the claims an outlet carries, or those about an actor, confirmed or denied by it, or
carried by an outlet tied to it. That is one condition, `_batches_holding`, asked of the
database alongside the claims themselves: every representation of a claim (list, detail,
exports) carries it in the same query, the list's filter and the claim page's explanation ask
it too.
"""

from collections.abc import Callable
from functools import cache

from django.db.models import Exists, OuterRef, Q, QuerySet, Value

from claims.models import Affiliation, Claim, ClaimOutlet, ScoreBatch, ScoreRefresh, StatusEvidence


def _batches_holding(claim: object, subject: object, inner: Callable[[object], object]) -> QuerySet:
    """The open batches that hold a claim: `claim` and `subject` are its id and subject's id as
    this queryset sees them (constants, or references to an outer query), `inner` the same seen
    from one subquery deeper."""
    carried = ClaimOutlet.objects.filter(claim_id=inner(claim), outlet_id=OuterRef("refresh__outlet_id"))
    stated = StatusEvidence.objects.current().filter(claim_id=inner(claim), actor_id=OuterRef("refresh__actor_id"))
    tied = Affiliation.objects.current().filter(
        actor_id=OuterRef("refresh__actor_id"), outlet__claim_links__claim_id=inner(claim)
    )
    about = Q(refresh__actor_id=subject) if subject is not None else Q(pk__in=[])
    return ScoreBatch.objects.filter(first_claim_id__lte=claim, last_claim_id__gte=claim).filter(
        Q(Exists(carried)) | about | Q(Exists(stated)) | Q(Exists(tied))
    )


@cache
def scores_pending() -> Exists:
    """For a query of claims: whether each waits for a rescoring. Built once: a query resolves
    a copy of it, and building its subqueries was a third of a claims page's Python."""
    return Exists(_batches_holding(OuterRef("pk"), OuterRef("subject_id"), OuterRef))


def with_scores_pending(claims: QuerySet) -> QuerySet:
    """The claims, each with `scores_pending`.

    When nothing is being rescored, the common case, one probe of an empty table says so and
    every claim is current: the condition itself, a subquery of four, cost a claims page more
    to build and plan (2 ms) than the page's own query took to run."""
    if not ScoreBatch.objects.exists():
        return claims.annotate(scores_pending=Value(False))
    return claims.annotate(scores_pending=scores_pending())


def filter_scores_pending(claims: QuerySet, pending: bool) -> QuerySet:
    """Claims that wait for a rescoring (or, with False, those that do not)."""
    if not ScoreBatch.objects.exists():
        return claims.none() if pending else claims  # nothing is being rescored: no scan of every claim
    return claims.filter(scores_pending()) if pending else claims.exclude(scores_pending())


def pending_note(reasons: list[str]) -> str:
    """The reasons in words, for the exports that carry them (ClaimReview, PROV)."""
    return " ".join(f"Confidence is being recomputed after {reason}: it may still change." for reason in reasons)


def pending_reasons(claim: Claim) -> list[str]:
    """Why this claim's confidence is being recomputed, one line per change (one query)."""
    holding = _batches_holding(claim.pk, claim.subject_id, lambda value: value).filter(refresh=OuterRef("pk"))
    return list(ScoreRefresh.objects.filter(Exists(holding)).order_by("id").values_list("reason", flat=True))


def tied_outlets(actor_id: int) -> QuerySet:
    return Affiliation.objects.current().filter(actor_id=actor_id).values("outlet_id")


def scope_claim_ids(*, outlet_id: int | None = None, actor_id: int | None = None) -> list[int]:
    """The ids of the claims in a refresh's scope, in order, each read off an index."""
    if outlet_id is not None:
        claims = ClaimOutlet.objects.filter(outlet_id=outlet_id).order_by("claim_id")
        return list(claims.values_list("claim_id", flat=True))
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
