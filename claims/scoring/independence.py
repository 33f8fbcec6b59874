"""Independent groups of origins (SPEC §5), as pure functions over plain data.

Two origins are dependent when they share an outlet, or their outlets share an
actor they are affiliated with on the origin's publication date. The groups are
the connected components of that relation.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

from claims.choices import Reliability

# How much one independent origin of each grade is worth, in percent (see
# docs/scoring.md). Integers keep the arithmetic exact and order-independent.
# F, "cannot be judged", sits between D and E: unknown is better than known-unreliable.
RELIABILITY_WEIGHT: dict[str, int] = {
    Reliability.A: 85,
    Reliability.B: 70,
    Reliability.C: 55,
    Reliability.D: 35,
    Reliability.F: 25,
    Reliability.E: 15,
}


@dataclass(frozen=True)
class Origin:
    """An appearance that cites nothing, with what decides its independence."""

    appearance_id: int
    outlet_id: int
    outlet_name: str
    reliability: str
    published_on: date
    actor_ids: frozenset[int] = field(default_factory=frozenset)
    actor_names: tuple[str, ...] = ()

    @property
    def weight(self) -> int:
        return RELIABILITY_WEIGHT[self.reliability]


@dataclass(frozen=True)
class Tie:
    """An outlet's affiliation with an actor over a span of dates; open ends are unbounded."""

    actor_id: int
    actor_name: str
    valid_from: date | None
    valid_to: date | None

    def holds_on(self, day: date) -> bool:
        """In force on `day`: the rule of `claims.models.affiliation.in_force_on`, in Python
        (tests/scoring/test_ties_in_force.py holds the two equal)."""
        return (self.valid_from is None or self.valid_from <= day) and (self.valid_to is None or day <= self.valid_to)


def origin_with_ties(
    *, appearance_id: int, outlet_id: int, outlet_name: str, reliability: str, published_on: date, ties: Iterable[Tie]
) -> Origin:
    """An origin with the actors its outlet is tied to on its publication date."""
    in_force = [tie for tie in ties if tie.holds_on(published_on)]
    return Origin(
        appearance_id=appearance_id,
        outlet_id=outlet_id,
        outlet_name=outlet_name,
        reliability=reliability,
        published_on=published_on,
        actor_ids=frozenset(tie.actor_id for tie in in_force),
        actor_names=tuple(sorted({tie.actor_name for tie in in_force})),
    )


def origin_sort_key(origin: Origin) -> tuple:
    return (-origin.weight, origin.published_on, origin.appearance_id)


def outlet_representatives(linked: Iterable[tuple[int, int]]) -> dict[int, int]:
    """Outlets a reviewer recorded as dependent (a confirmed learned dependence) stand for one
    another: each maps to the lowest id of its connected set."""
    parent: dict[int, int] = {}

    def find(x: int) -> int:
        while parent.setdefault(x, x) != x:
            x = parent[x]
        return x

    for a, b in linked:
        low, high = sorted((find(a), find(b)))
        parent[high] = low
    return {x: find(x) for x in list(parent)}


def independent_groups(origins: Sequence[Origin], linked: Iterable[tuple[int, int]] = ()) -> list[list[Origin]]:
    """Connected components of the dependence relation, best origin first in each; `linked` pairs
    of outlets are recorded as dependent (like a shared affiliation, for every date).

    Groups are ordered by their best origin (grade, then date, then id), so the
    result is deterministic whatever order the origins came in.
    """
    representative = outlet_representatives(linked)
    parent = list(range(len(origins)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    first_holder: dict[tuple[str, int], int] = {}
    for index, origin in enumerate(origins):
        outlet = representative.get(origin.outlet_id, origin.outlet_id)
        keys = [("outlet", outlet)] + [("actor", a) for a in origin.actor_ids]
        for key in keys:
            holder = first_holder.setdefault(key, index)
            parent[find(index)] = find(holder)

    components: dict[int, list[Origin]] = {}
    for index, origin in enumerate(origins):
        components.setdefault(find(index), []).append(origin)
    groups = [sorted(members, key=origin_sort_key) for members in components.values()]
    return sorted(groups, key=lambda members: origin_sort_key(members[0]))


def shared_ties(a: Origin, b: Origin, actor_names: dict[int, str], linked: Iterable[tuple[int, int]] = ()) -> str:
    """Why two origins are one voice, in words."""
    if a.outlet_id == b.outlet_id:
        return "same outlet"
    shared = sorted(actor_names.get(i, str(i)) for i in a.actor_ids & b.actor_ids)
    if shared:
        return f"both tied to {', '.join(shared)}"
    representative = outlet_representatives(linked)
    if representative.get(a.outlet_id, a.outlet_id) == representative.get(b.outlet_id, b.outlet_id):
        return "a reviewer recorded that one repeats the other"
    return "linked through other origins"
