"""What the dependence model reads of the corpus: each claim's carriers (the inverted index by
claim), the outlets' volumes, and what already records dependence. Every read is a handful of
aggregate queries, streamed where it can be long."""

from collections import defaultdict
from collections.abc import Iterable, Iterator
from itertools import groupby

from django.db.models import Count, F, Min, Q, Sum

from claims.choices import ResponsibilityStatus, SuggestionState
from claims.dependence.pairs import ClaimCarriers, Pair
from claims.dependence.rates import VoiceCounts
from claims.models import Affiliation, Appearance, Citation, Claim, ClaimOutlet, SuggestedCitation

STREAM_CHUNK = 20_000


def _reuse_by_claim(claim_ids: Iterable[int] | None) -> dict[int, set[Pair]]:
    """Passages one outlet's captured page reuses from another's, by claim (pending or accepted
    suggestions with copied passages; a link alone is not reuse)."""
    rows = SuggestedCitation.objects.filter(
        state__in=[SuggestionState.SUGGESTED, SuggestionState.ACCEPTED],
        evidence__has_key="passages",
        citing__withdrawn_at__isnull=True,
        cited__withdrawn_at__isnull=True,
    )
    if claim_ids is not None:
        rows = rows.filter(claim_id__in=list(claim_ids))
    reuse: dict[int, set[Pair]] = defaultdict(set)
    for claim_id, citing, cited in rows.values_list("claim_id", "citing__outlet_id", "cited__outlet_id"):
        if citing != cited:
            reuse[claim_id].add((citing, cited))
    return reuse


def claim_carriers(
    *, claim_ids: Iterable[int] | None = None, outlet_ids: Iterable[int] | None = None
) -> Iterator[ClaimCarriers]:
    """Each claim (all; these; or those any of these outlets carries) with its carriers' first days,
    in claim order, streamed."""
    rows = Appearance.objects.current()
    claim_filter = None if claim_ids is None else sorted(set(claim_ids))
    if claim_filter is not None:
        rows = rows.filter(claim_id__in=claim_filter)
    if outlet_ids is not None:
        carried = ClaimOutlet.objects.filter(outlet_id__in=sorted(set(outlet_ids))).values("claim_id")
        rows = rows.filter(claim_id__in=carried)
    rows = (
        rows.values("claim_id", "outlet_id")
        .annotate(first=Min("published_on"))
        .values_list("claim_id", "outlet_id", "first", "claim__status")
        .order_by("claim_id", "outlet_id")
    )
    reuse = _reuse_by_claim(claim_filter)
    for claim_id, group in groupby(rows.iterator(chunk_size=STREAM_CHUNK), key=lambda row: row[0]):
        members = list(group)
        yield ClaimCarriers(
            claim_id=claim_id,
            carriers=tuple((outlet_id, first.toordinal()) for _, outlet_id, first, _ in members),
            denied=members[0][3] == ResponsibilityStatus.DENIED,
            reuse=frozenset(reuse.get(claim_id, ())),
        )


def outlet_volumes(*, popular_from: int) -> dict[int, int]:
    """How many countable claims (carried by at most `popular_from` outlets) each outlet carries."""
    popular = ClaimOutlet.objects.values("claim_id").annotate(n=Count("outlet_id")).filter(n__gt=popular_from)
    rows = (
        ClaimOutlet.objects.exclude(claim_id__in=popular.values("claim_id"))
        .values("outlet_id")
        .annotate(n=Count("claim_id"))
        .values_list("outlet_id", "n")
        .order_by()
    )
    return dict(rows)


def voice_counts() -> VoiceCounts:
    """Claims with an origin, and their independent voices beyond the first, denied or not."""
    denied = Q(status=ResponsibilityStatus.DENIED)
    rows = Claim.objects.filter(independent_origin_count__gte=1).aggregate(
        denied_claims=Count("id", filter=denied),
        denied_voices=Sum("independent_origin_count", filter=denied),
        other_claims=Count("id", filter=~denied),
        other_voices=Sum("independent_origin_count", filter=~denied),
    )
    return VoiceCounts(
        denied_claims=rows["denied_claims"],
        denied_extra_voices=(rows["denied_voices"] or 0) - rows["denied_claims"],
        other_claims=rows["other_claims"],
        other_extra_voices=(rows["other_voices"] or 0) - rows["other_claims"],
    )


def cited_claims_by_pair() -> dict[Pair, int]:
    """For each pair of outlets (lower id first), on how many claims one's appearance cites the other's."""
    rows = (
        Citation.objects.current()
        .exclude(citing__outlet_id=F("cited__outlet_id"))
        .values("citing__outlet_id", "cited__outlet_id")
        .annotate(n=Count("claim_id", distinct=True))
        .values_list("citing__outlet_id", "cited__outlet_id", "n")
        .order_by()
    )
    pairs: dict[Pair, int] = {}
    for citing, cited, n in rows:
        key = (min(citing, cited), max(citing, cited))
        pairs[key] = max(pairs.get(key, 0), n)
    return pairs


def patrons_by_outlet(outlet_ids: Iterable[int]) -> dict[int, set[str]]:
    """The actors each of these outlets is tied to (any current affiliation, at any date)."""
    patrons: dict[int, set[str]] = defaultdict(set)
    rows = Affiliation.objects.current().filter(outlet_id__in=sorted(set(outlet_ids)))
    for outlet_id, actor_name in rows.values_list("outlet_id", "actor__name"):
        patrons[outlet_id].add(actor_name)
    return patrons
