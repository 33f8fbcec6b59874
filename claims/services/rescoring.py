"""Keeps every claim's stored confidence, status and counts current (SPEC §6.6).

Services call `claims_rescore` inside their transaction, so a write returns only
after every claim it touched is rescored. Bulk loads wrap their work in
`rescoring_deferred()`, which collects the claims and rescores them in batches
once at the end.
"""

from collections import defaultdict
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings
from django.utils import timezone

from claims.models import Affiliation, Appearance, Claim, Outlet, StatusEvidence
from claims.models.claim import COMPUTED_FIELDS
from claims.scoring.confidence import score
from claims.selectors.scoring_inputs import claim_inputs
from claims.services.bulk_rows import update_columns
from claims.transliteration import search_document, skeleton

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


def claims_rescore(*, claim_ids: Iterable[int], batch_size: int | None = None) -> int:
    """Recompute the derived fields of the claims; returns how many changed."""
    ids = sorted(set(claim_ids))
    pending = _deferred.get()
    if pending is not None:
        pending.update(ids)
        return 0
    size = batch_size or settings.CONFIDENCE_BATCH_SIZE
    return sum(_rescore_batch(ids[start : start + size]) for start in range(0, len(ids), size))


def claims_rescore_all(*, batch_size: int | None = None) -> int:
    ids = Claim.objects.order_by("id").values_list("id", flat=True)
    return claims_rescore(claim_ids=ids, batch_size=batch_size)


def claims_rescore_for_outlet(*, outlet_id: int) -> int:
    """An outlet's grade, name or ties changed: every claim it reported may move."""
    ids = Appearance.objects.filter(outlet_id=outlet_id).values_list("claim_id", flat=True).order_by().distinct()
    return claims_rescore(claim_ids=ids)


def claims_rescore_for_actor(*, actor_id: int) -> int:
    """An actor's names appear in search text and in factor details of several claims."""
    tied_outlets = Affiliation.objects.filter(actor_id=actor_id).values("outlet_id")
    ids = set(Claim.objects.filter(subject_id=actor_id).values_list("id", flat=True))
    ids |= set(StatusEvidence.objects.filter(actor_id=actor_id).values_list("claim_id", flat=True))
    ids |= set(
        Appearance.objects.filter(outlet_id__in=tied_outlets).values_list("claim_id", flat=True).order_by().distinct()
    )
    return claims_rescore(claim_ids=ids)


def _outlet_names_by_claim(ids: list[int]) -> dict[int, list[str]]:
    """Each claim's outlets' names and aliases, each outlet once, in the order they first reported it."""
    rows = (
        Appearance.objects.current()
        .filter(claim_id__in=ids)
        .order_by("claim_id", "published_on", "id")
        .values_list("claim_id", "outlet_id")
    )
    outlets_by_claim: dict[int, dict[int, None]] = defaultdict(dict)
    for claim_id, outlet_id in rows:
        outlets_by_claim[claim_id].setdefault(outlet_id)
    wanted = {outlet_id for outlets in outlets_by_claim.values() for outlet_id in outlets}
    names = {
        pk: [name, *aliases]
        for pk, name, aliases in Outlet.objects.filter(id__in=wanted).values_list("id", "name", "aliases")
    }
    return {
        claim_id: [name for outlet_id in outlets for name in names.get(outlet_id, [])]
        for claim_id, outlets in outlets_by_claim.items()
    }


def _derived(claims: list[Claim]) -> dict[int, dict]:
    """The derived fields of these claims (their subjects loaded), from the rows stored for them."""
    ids = [claim.pk for claim in claims]
    inputs = claim_inputs(ids)
    outlet_names = _outlet_names_by_claim(ids)
    derived = {}
    for claim in claims:
        result = score(inputs[claim.pk])
        subject_names = [claim.subject.name, *claim.subject.aliases] if claim.subject else []
        derived[claim.pk] = {
            "status": result.status,
            "confidence": result.confidence,
            "credibility": result.credibility,
            "admiralty_code": result.admiralty_code,
            "confidence_factors": result.confidence_factors,
            "independent_origin_count": result.independent_origin_count,
            "appearance_count": inputs[claim.pk].appearance_count,
            "first_reported": inputs[claim.pk].first_reported,
            "search_text": search_document(claim.text, *subject_names, *outlet_names.get(claim.pk, [])),
            "text_key": skeleton(claim.text),
        }
    return derived


def claims_score_unwritten(*, claims: list[Claim]) -> None:
    """Set the derived fields of new claims whose appearances, citations and evidence are written
    but which are not yet themselves: written after this, each claim is written once, complete."""
    derived = _derived(claims)
    for claim in claims:
        for field, value in derived[claim.pk].items():
            setattr(claim, field, value)


def _rescore_batch(ids: list[int]) -> int:
    claims = list(Claim.objects.filter(id__in=ids).select_related("subject").order_by())
    derived = _derived(claims)
    now = timezone.now()
    changed = []
    for claim in claims:
        values = derived[claim.pk]
        if any(getattr(claim, field) != value for field, value in values.items()):
            for field, value in values.items():
                setattr(claim, field, value)
            claim.updated_at = now
            changed.append(claim)
    update_columns(changed, [*COMPUTED_FIELDS, "updated_at"])
    return len(changed)
