"""Origins with the affiliations that decide their independence, read in constant queries."""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from claims.models import Affiliation
from claims.scoring.independence import Origin, Tie, origin_with_ties


@dataclass(frozen=True)
class OriginRow:
    appearance_id: int
    claim_id: int
    outlet_id: int
    outlet_name: str
    reliability: str
    published_on: date


def outlet_ties(outlet_ids: Iterable[int]) -> dict[int, list[Tie]]:
    """Current affiliations of the outlets, whatever their dates (one query)."""
    ties: dict[int, list[Tie]] = defaultdict(list)
    ids = sorted(set(outlet_ids))
    if not ids:
        return ties
    rows = (
        Affiliation.objects.current()
        .filter(outlet_id__in=ids)
        .values_list("outlet_id", "actor_id", "actor__name", "valid_from", "valid_to")
    )
    for outlet_id, actor_id, actor_name, valid_from, valid_to in rows:
        ties[outlet_id].append(Tie(actor_id, actor_name, valid_from, valid_to))
    return ties


def origins_with_ties(rows: Iterable[OriginRow]) -> tuple[list[Origin], dict[int, str]]:
    """Each origin with the actors its outlet is tied to on its publication date."""
    rows = list(rows)
    ties = outlet_ties(row.outlet_id for row in rows)
    actor_names: dict[int, str] = {}
    origins = []
    for row in rows:
        outlet_ties_of_row = ties.get(row.outlet_id, [])
        origin = origin_with_ties(
            appearance_id=row.appearance_id,
            outlet_id=row.outlet_id,
            outlet_name=row.outlet_name,
            reliability=row.reliability,
            published_on=row.published_on,
            ties=outlet_ties_of_row,
        )
        actor_names.update((t.actor_id, t.actor_name) for t in outlet_ties_of_row if t.actor_id in origin.actor_ids)
        origins.append(origin)
    return origins, actor_names
