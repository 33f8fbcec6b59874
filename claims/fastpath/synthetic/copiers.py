"""Planted copiers: outlets that repeat another's claims without citing it, for evaluating learned
source dependence (bench/dependence_eval.py, docs/scoring.md).

A copier takes each claim its source carries with its copy rate, `lag_days` after the source's
first appearance (an origin: the copy says nothing of where it came from), and carries its own
claims besides, as every outlet does. With `false_rate`, that share of its source's claims is
later denied, so the copies share false values too.
"""

from dataclasses import dataclass, replace
from datetime import date, timedelta
from random import Random

from claims.fastpath.synthetic.chains import ChainShape
from claims.fastpath.synthetic.directory import OutletInfo


@dataclass(frozen=True, slots=True)
class PlantedCopier:
    source_id: int
    copier_id: int
    copy_rate: float = 0.6
    lag_days: int = 1
    false_rate: float = 0.0


def plant_copiers(
    rng: Random, count: int, outlets: list[OutletInfo], *, copy_rate: float, lag_days: int, false_rate: float
) -> list[PlantedCopier]:
    """`count` copiers, each of a different source, none a source or copier twice."""
    chosen = rng.sample(outlets, min(2 * count, len(outlets)))
    pairs = zip(chosen[0::2], chosen[1::2], strict=False)
    return [PlantedCopier(s.id, c.id, copy_rate, lag_days, false_rate) for s, c in pairs]


def with_origin(shape: ChainShape, day: date) -> tuple[ChainShape, int]:
    """The chain with one more origin on `day`, kept in date order: its position, and the positions
    of the appearances after it moved up by one in every citation."""
    position = sum(1 for d in shape.days if d <= day)
    days = [*shape.days[:position], day, *shape.days[position:]]
    moved = [tuple(c + 1 if c >= position else c for c in cited) for cited in shape.cites]
    return replace(shape, days=days, cites=[*moved[:position], (), *moved[position:]]), position


def copy_claim(
    rng: Random,
    planted: list[PlantedCopier],
    shape: ChainShape,
    outlets: list[OutletInfo],
    by_id: dict[int, OutletInfo],
    today: date,
) -> tuple[ChainShape, list[OutletInfo], bool]:
    """The claim's chain and outlets with the planted copies of it, and whether it is to be denied."""
    denied = False
    for copier in planted:
        carried = [p for p, outlet in enumerate(outlets) if outlet.id == copier.source_id]
        if not carried or any(outlet.id == copier.copier_id for outlet in outlets):
            continue
        denied = denied or rng.random() < copier.false_rate
        if rng.random() >= copier.copy_rate:
            continue
        day = min(shape.days[carried[0]] + timedelta(days=copier.lag_days), today)
        shape, position = with_origin(shape, day)
        outlets = [*outlets[:position], by_id[copier.copier_id], *outlets[position:]]
    return shape, outlets, denied
