"""The shape of one claim's republication chain: publication days and who cites whom.

Appearances are numbered in date order and each cites only lower numbers, so
the graph is acyclic, nothing cites itself, and no appearance is published
before one it cites — the rules citation_create enforces, kept by construction.
"""

from dataclasses import dataclass
from datetime import date, timedelta
from random import Random

# The longest citation path from an origin (the chain page's "generation").
MAX_DEPTH = 8


@dataclass(frozen=True, slots=True)
class ChainShape:
    days: list[date]
    # For each appearance, the positions of the earlier appearances it cites; empty for an origin.
    cites: list[tuple[int, ...]]

    @property
    def size(self) -> int:
        return len(self.days)


def publication_days(rng: Random, size: int, first: date, today: date, spread_days: float) -> list[date]:
    """Most reporting follows the first report within days; a long tail keeps coming."""
    offsets = sorted(int(rng.expovariate(1 / spread_days)) for _ in range(size - 1))
    return [first] + [min(first + timedelta(days=offset), today) for offset in offsets]


def pick_cited(rng: Random, position: int, depths: list[int]) -> int:
    """An earlier appearance that can still be cited without passing MAX_DEPTH.

    Half the time a recent one (chains grow deep), half the time any (they grow wide).
    Position 0 is an origin, so it is always a valid fallback.
    """
    for _ in range(4):
        recent = rng.random() < 0.5
        candidate = max(0, position - 1 - int(rng.expovariate(0.5))) if recent else rng.randrange(position)
        if depths[candidate] < MAX_DEPTH:
            return candidate
    return 0


def chain_shape(
    rng: Random, *, size: int, first: date, today: date, origin_share: float, spread_days: float, spine: bool = False
) -> ChainShape:
    """`spine` makes the first MAX_DEPTH + 1 appearances one straight line, so the chain reaches full depth."""
    days = publication_days(rng, size, first, today, spread_days)
    depths, cites = [0], [()]
    for position in range(1, size):
        if spine and position <= MAX_DEPTH:
            cited: tuple[int, ...] = (position - 1,)
        elif rng.random() < origin_share:
            cited = ()
        else:
            first_cited = pick_cited(rng, position, depths)
            cited = (first_cited,)
            if position > 1 and rng.random() < 0.12:
                second = pick_cited(rng, position, depths)
                cited = (first_cited, second) if second != first_cited else cited
        depths.append(max((depths[c] + 1 for c in cited), default=0))
        cites.append(cited)
    return ChainShape(days, cites)
