"""Independent groups of origins (SPEC §5), as pure functions over plain data.

Two origins are dependent when they share an outlet, or their outlets share an
actor they are affiliated with on the origin's publication date. The groups are
the connected components of that relation.
"""

from collections.abc import Sequence
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


def origin_sort_key(origin: Origin) -> tuple:
    return (-origin.weight, origin.published_on, origin.appearance_id)


def independent_groups(origins: Sequence[Origin]) -> list[list[Origin]]:
    """Connected components of the dependence relation, best origin first in each.

    Groups are ordered by their best origin (grade, then date, then id), so the
    result is deterministic whatever order the origins came in.
    """
    parent = list(range(len(origins)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    first_holder: dict[tuple[str, int], int] = {}
    for index, origin in enumerate(origins):
        keys = [("outlet", origin.outlet_id)] + [("actor", a) for a in origin.actor_ids]
        for key in keys:
            holder = first_holder.setdefault(key, index)
            parent[find(index)] = find(holder)

    components: dict[int, list[Origin]] = {}
    for index, origin in enumerate(origins):
        components.setdefault(find(index), []).append(origin)
    groups = [sorted(members, key=origin_sort_key) for members in components.values()]
    return sorted(groups, key=lambda members: origin_sort_key(members[0]))


def shared_ties(a: Origin, b: Origin, actor_names: dict[int, str]) -> str:
    """Why two origins are one voice, in words."""
    if a.outlet_id == b.outlet_id:
        return "same outlet"
    shared = sorted(actor_names.get(i, str(i)) for i in a.actor_ids & b.actor_ids)
    return f"both tied to {', '.join(shared)}" if shared else "linked through other origins"
