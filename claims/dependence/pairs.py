"""The inverted index by claim: from each claim's carriers to the counts of every pair of outlets
that share it. Only pairs that share a claim are ever touched, so the work follows the number of
carriers per claim, not the square of the number of outlets ("Scaling up copy detection",
arXiv 1503.00309); claims carried by more than `popular_from` outlets (what everybody carries) are
left out, as they say nothing about who copies whom and would touch every pair."""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from claims.dependence.model import (
    BOTH_REUSE,
    FIRST_EARLIER,
    FIRST_REUSES_SECOND,
    NO_REUSE,
    SAME_DAY,
    SECOND_EARLIER,
    SECOND_REUSES_FIRST,
    PairCounts,
    SharedKind,
)

Pair = tuple[int, int]


@dataclass(frozen=True, slots=True)
class ClaimCarriers:
    """One claim, as the model sees it: each outlet carrying it with the day (an ordinal) of its
    first current appearance, whether the claim was later denied, and which outlets' captured
    pages reuse which others' words on it (citing outlet, cited outlet)."""

    claim_id: int
    carriers: tuple[tuple[int, int], ...]
    denied: bool = False
    reuse: frozenset[Pair] = field(default_factory=frozenset)


def is_countable(claim: ClaimCarriers, popular_from: int) -> bool:
    return 1 <= len(claim.carriers) <= popular_from


def shared_kind(claim: ClaimCarriers, first: tuple[int, int], second: tuple[int, int]) -> SharedKind:
    (a, day_a), (b, day_b) = first, second
    order = FIRST_EARLIER if day_a < day_b else SECOND_EARLIER if day_b < day_a else SAME_DAY
    forward, backward = (b, a) in claim.reuse, (a, b) in claim.reuse
    reuse = BOTH_REUSE if forward and backward else SECOND_REUSES_FIRST if forward else NO_REUSE
    reuse = FIRST_REUSES_SECOND if backward and not forward else reuse
    return SharedKind(len(claim.carriers), claim.denied, order, reuse)


def count_pairs(
    claims: Iterable[ClaimCarriers], *, popular_from: int, owns: Callable[[int, int], bool] | None = None
) -> dict[Pair, PairCounts]:
    """The counts of every pair (lower id first) sharing a countable claim; `owns(a, b)` keeps the
    pairs one block of the work is responsible for (all of them without it)."""
    pairs: dict[Pair, PairCounts] = {}
    for claim in claims:
        if not 2 <= len(claim.carriers) <= popular_from:
            continue
        carriers = sorted(claim.carriers)
        for i, first in enumerate(carriers):
            for second in carriers[i + 1 :]:
                if owns is not None and not owns(first[0], second[0]):
                    continue
                counts = pairs.get((first[0], second[0]))
                if counts is None:
                    counts = pairs[(first[0], second[0])] = PairCounts()
                counts.add(shared_kind(claim, first, second), abs(first[1] - second[1]))
    return pairs


def outlet_claims(claims: Iterable[ClaimCarriers], *, popular_from: int) -> dict[int, int]:
    """How many countable claims each outlet carries (its 'volume' in the model)."""
    volume: dict[int, int] = {}
    for claim in claims:
        if is_countable(claim, popular_from):
            for outlet_id, _ in claim.carriers:
                volume[outlet_id] = volume.get(outlet_id, 0) + 1
    return volume


def total_carries(volume: dict[int, int]) -> int:
    return sum(volume.values())


__all__ = ["FIRST_EARLIER", "SAME_DAY", "SECOND_EARLIER", "ClaimCarriers", "count_pairs", "outlet_claims"]
