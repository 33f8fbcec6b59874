"""What confidence is computed from, for many claims at once, in a constant number of queries."""

from collections import defaultdict
from collections.abc import Iterable
from datetime import date

from django.db.models import Count, Min, Q

from claims.choices import DependenceState
from claims.models import Appearance, Outlet, OutletDependence, StatusEvidence
from claims.scoring.confidence import ClaimInputs, Evidence, LearnedDependence
from claims.scoring.derived import outlet_names_in_report_order
from claims.selectors.independence import OriginRow, origins_with_ties


def origin_rows(claim_ids: list[int], as_of: date | None) -> list[OriginRow]:
    rows = (
        Appearance.objects.known_on(as_of)
        .origins(of_claims=claim_ids)
        .filter(claim_id__in=claim_ids)
        .values_list("id", "claim_id", "outlet_id", "outlet__name", "outlet__reliability", "published_on")
        .order_by()
    )
    return [OriginRow(*row) for row in rows]


def latest_evidence(claim_ids: list[int], as_of: date | None) -> dict[int, Evidence]:
    """The most recent current evidence per claim; on a tie of dates the later-recorded wins."""
    evidence = StatusEvidence.objects.current().filter(claim_id__in=claim_ids)
    if as_of is not None:
        evidence = evidence.filter(date__lte=as_of)
    latest: dict[int, Evidence] = {}
    rows = evidence.order_by("claim_id", "date", "id").values_list("claim_id", "stance", "date", "actor__name")
    for claim_id, stance, day, actor_name in rows:
        latest[claim_id] = Evidence(stance=stance, date=day, actor_name=actor_name or "")
    return latest


def learned_dependence(rows: list[OriginRow]) -> dict[frozenset[int], LearnedDependence]:
    """The learned dependence that weighs between the outlets of these origins (one query): pairs
    discounted, and pairs a reviewer confirmed. Today's, whatever date is asked (like grades)."""
    names = {row.outlet_id: row.outlet_name for row in rows}
    if len(names) < 2:
        return {}
    pairs = OutletDependence.objects.filter(first_id__in=names, second_id__in=names).filter(
        Q(discount__gt=0) | Q(state=DependenceState.CONFIRMED)
    )
    found = {}
    for pair in pairs.only("first_id", "second_id", "second_copies_first", "score", "discount", "state", "evidence"):
        copier, source = pair.outlet_id, pair.depends_on_id
        found[frozenset((copier, source))] = LearnedDependence(
            copier_id=copier,
            source_id=source,
            copier_name=names[copier],
            source_name=names[source],
            probability=pair.score,
            discount=pair.discount,
            confirmed=pair.state == DependenceState.CONFIRMED,
            evidence=pair.evidence,
        )
    return found


def claim_inputs(claim_ids: Iterable[int], *, as_of: date | None = None) -> dict[int, ClaimInputs]:
    ids = sorted(set(claim_ids))
    if not ids:
        return {}
    counts = {
        row["claim_id"]: row
        for row in Appearance.objects.known_on(as_of)
        .filter(claim_id__in=ids)
        .values("claim_id")
        .annotate(n=Count("id"), first=Min("published_on"))
        .order_by()
    }
    rows = origin_rows(ids, as_of)
    origin_list, actor_names = origins_with_ties(rows)
    by_claim = defaultdict(list)
    for row, origin in zip(rows, origin_list, strict=True):
        by_claim[row.claim_id].append(origin)
    evidence = latest_evidence(ids, as_of)
    learned = learned_dependence(rows)
    return {
        claim_id: ClaimInputs(
            claim_id=claim_id,
            origins=tuple(by_claim.get(claim_id, ())),
            appearance_count=counts.get(claim_id, {}).get("n", 0),
            first_reported=counts.get(claim_id, {}).get("first"),
            latest_evidence=evidence.get(claim_id),
            actor_names=actor_names,
            learned=_among(learned, by_claim.get(claim_id, ())),
        )
        for claim_id in ids
    }


def claim_outlet_names(claim_ids: list[int]) -> dict[int, list[str]]:
    """Each claim's outlets' names and aliases, in the order they first reported it (two queries)."""
    rows = (
        Appearance.objects.current()
        .filter(claim_id__in=claim_ids)
        .order_by("claim_id", "published_on", "id")
        .values_list("claim_id", "outlet_id")
    )
    outlets_by_claim: dict[int, list[int]] = defaultdict(list)
    for claim_id, outlet_id in rows:
        outlets_by_claim[claim_id].append(outlet_id)
    wanted = {outlet_id for outlets in outlets_by_claim.values() for outlet_id in outlets}
    names = {
        pk: [name, *aliases]
        for pk, name, aliases in Outlet.objects.filter(id__in=wanted).values_list("id", "name", "aliases")
    }
    return {
        claim_id: outlet_names_in_report_order((outlet_id, names.get(outlet_id, [])) for outlet_id in outlets)
        for claim_id, outlets in outlets_by_claim.items()
    }


def _among(learned: dict[frozenset[int], LearnedDependence], origins: Iterable) -> tuple[LearnedDependence, ...]:
    """The learned pairs between this claim's origin outlets, in a fixed order."""
    if not learned:
        return ()
    outlets = sorted({origin.outlet_id for origin in origins})
    pairs = (learned.get(frozenset((a, b))) for i, a in enumerate(outlets) for b in outlets[i + 1 :])
    return tuple(pair for pair in pairs if pair)
