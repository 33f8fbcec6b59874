"""Keeps every claim's stored confidence, status and counts current (SPEC §6.6).

Services that touch one claim call `claims_rescore` inside their transaction, so such a
write returns only after the claim is rescored. Writes that reach many claims (an outlet's
grade, an affiliation) ask for a background refresh instead (score_refresh.py), whose
batches call `claims_rescore` too. Bulk loads wrap their work in `rescoring_deferred()`,
which collects the claims, those of fan-out writes included, and rescores them in batches
once at the end of the load.
"""

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings
from django.utils import timezone

from claims.fastpath.bulk_rows import update_columns
from claims.models import Claim
from claims.models.claim import COMPUTED_FIELDS
from claims.scoring.derived import SCORED_FIELDS, derived, scored
from claims.selectors.scoring_inputs import claim_inputs, claim_outlet_names
from claims.services.webhook_events import ClaimChange, record_claim_changes

# The derived fields subscribers are told of when they move (claims/services/webhook_events.py).
ANNOUNCED = ("confidence", "status")

_deferred: ContextVar[set[int] | None] = ContextVar("deferred_rescoring", default=None)


@contextmanager
def rescoring_deferred(*, batch_size: int | None = None) -> Iterator[set[int]]:
    """Collect the claims touched inside the block; rescore them in batches after it."""
    outer = _deferred.get()
    pending: set[int] = set()
    token = _deferred.set(pending)
    try:
        yield pending
    finally:
        _deferred.reset(token)
    if outer is not None:
        outer.update(pending)
    else:
        claims_rescore(claim_ids=pending, batch_size=batch_size)


def deferred_claims() -> set[int] | None:
    """The claims a surrounding `rescoring_deferred` block collects, or None outside one."""
    return _deferred.get()


def claims_rescore(*, claim_ids: Iterable[int], batch_size: int | None = None, search: bool = True) -> int:
    """Recompute the derived fields of the claims; returns how many changed.

    With `search=False` only the scored fields are (SCORED_FIELDS): for a change that cannot
    move the search keys, such as an outlet's grade or an affiliation."""
    ids = sorted(set(claim_ids))
    pending = _deferred.get()
    if pending is not None:
        pending.update(ids)
        return 0
    size = batch_size or settings.CONFIDENCE_BATCH_SIZE
    return sum(_rescore_batch(ids[start : start + size], search) for start in range(0, len(ids), size))


def claims_rescore_all(*, batch_size: int | None = None) -> int:
    ids = Claim.objects.order_by("id").values_list("id", flat=True)
    return claims_rescore(claim_ids=ids, batch_size=batch_size)


def _derived(claims: list[Claim]) -> dict[int, dict]:
    """The derived fields of these claims (their subjects loaded), from the rows stored for them."""
    ids = [claim.pk for claim in claims]
    inputs = claim_inputs(ids)
    outlet_names = claim_outlet_names(ids)
    return {
        claim.pk: derived(
            inputs[claim.pk],
            text=claim.text,
            subject_names=[claim.subject.name, *claim.subject.aliases] if claim.subject else [],
            outlet_names=outlet_names.get(claim.pk, []),
        ).as_dict()
        for claim in claims
    }


def claims_score_unwritten(*, claims: list[Claim]) -> None:
    """Set the derived fields of new claims whose appearances, citations and evidence are written
    but which are not yet themselves: written after this, each claim is written once, complete."""
    derived = _derived(claims)
    for claim in claims:
        for field, value in derived[claim.pk].items():
            setattr(claim, field, value)


def _scored(claims: list[Claim]) -> dict[int, dict]:
    inputs = claim_inputs([claim.pk for claim in claims])
    return {claim.pk: scored(inputs[claim.pk]).as_dict() for claim in claims}


def _rescore_batch(ids: list[int], search: bool) -> int:
    fields = COMPUTED_FIELDS if search else SCORED_FIELDS
    claims = Claim.objects.filter(id__in=ids).order_by()
    # Without names to recompute, the long search columns are neither read nor written.
    claims = list(claims.select_related("subject") if search else claims.only(*fields))
    derived = (_derived if search else _scored)(claims)
    now = timezone.now()
    changed = []
    moves = []
    for claim in claims:
        values = derived[claim.pk]
        if any(getattr(claim, field) != value for field, value in values.items()):
            moved = {f: (getattr(claim, f), values[f]) for f in ANNOUNCED if getattr(claim, f) != values[f]}
            moves += [ClaimChange(claim.pk, moved)] if moved else []
            for field, value in values.items():
                setattr(claim, field, value)
            claim.updated_at = now
            changed.append(claim)
    update_columns(changed, [*fields, "updated_at"])
    record_claim_changes(moves)
    return len(changed)
