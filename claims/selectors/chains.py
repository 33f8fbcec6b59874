"""Republication chains (SPEC §5): recursive queries that run in the database.

Every traversal is one `WITH RECURSIVE` statement whatever the depth, on SQLite
and PostgreSQL alike. The recursion carries appearance ids only and `UNION`
(not `UNION ALL`) drops repeats, so each appearance is visited once: the walk is
linear in the graph, however many paths lead to a node.
"""

from collections import deque
from dataclasses import dataclass, field
from datetime import date

from django.db import connection

from claims.models import Appearance, Citation, Claim, Outlet
from claims.scoring.independence import independent_groups
from claims.selectors.independence import OriginRow, origins_with_ties

APPEARANCE = Appearance._meta.db_table
CITATION = Citation._meta.db_table
OUTLET = Outlet._meta.db_table


@dataclass
class ChainNode:
    id: int
    outlet_id: int
    outlet_name: str
    reliability: str
    published_on: date
    url: str
    headline: str
    generation: int
    is_origin: bool
    group: int | None = None


@dataclass(frozen=True)
class ChainEdge:
    citing: int
    cited: int
    kind: str


@dataclass
class Chain:
    claim: Claim
    as_of: date | None
    nodes: list[ChainNode] = field(default_factory=list)
    edges: list[ChainEdge] = field(default_factory=list)
    independent_groups: list[list[int]] = field(default_factory=list)

    @property
    def origins(self) -> list[int]:
        return [node.id for node in self.nodes if node.is_origin]

    @property
    def independent_origin_count(self) -> int:
        return len(self.independent_groups)


def _node_rows(claim_id: int, as_of: date | None) -> list[tuple]:
    """Every appearance reached from the claim's origins, origins flagged.

    The recursion carries ids only: UNION then visits each appearance once, so
    the walk is linear in the graph however many paths lead to a node.
    """
    origins_sql, origins_params = (
        Appearance.objects.known_on(as_of)
        .origins()
        .filter(claim_id=claim_id)
        .values("id")
        .order_by()
        .query.sql_with_params()
    )
    day_filter = "AND a.published_on <= %s" if as_of else ""
    # Every citation of the chain repeats its claim. PostgreSQL hashes the citations at each
    # step of the recursion: filtering on the claim keeps that to this claim's (an index range)
    # instead of the whole table. SQLite probes citation_cited_idx per node instead, and the
    # same filter would lead it to scan the claim's citations per node.
    claim_filter = "c.claim_id = %s AND" if connection.vendor == "postgresql" else ""
    sql = f"""
        WITH RECURSIVE chain(id, is_origin) AS (
            SELECT o.id, 1 FROM ({origins_sql}) AS o
            UNION
            SELECT c.citing_id, 0
            FROM {CITATION} c
            JOIN chain ON c.cited_id = chain.id
            JOIN {APPEARANCE} a ON a.id = c.citing_id
            WHERE {claim_filter} c.withdrawn_at IS NULL AND a.withdrawn_at IS NULL {day_filter}
        )
        SELECT a.id, chain.is_origin, a.outlet_id, o.name, o.reliability, a.published_on, a.url, a.headline
        FROM chain
        JOIN {APPEARANCE} a ON a.id = chain.id
        JOIN {OUTLET} o ON o.id = a.outlet_id
        ORDER BY a.published_on, a.id
    """
    params = [*origins_params, *([claim_id] if claim_filter else []), *([as_of] if as_of else [])]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def _edges(claim_id: int, node_ids: set[int]) -> list[ChainEdge]:
    rows = (
        Citation.objects.current().filter(claim_id=claim_id).values_list("citing_id", "cited_id", "kind").order_by("id")
    )
    return [ChainEdge(citing, cited, kind) for citing, cited, kind in rows if citing in node_ids and cited in node_ids]


def _layer(nodes: list[ChainNode], edges: list[ChainEdge], groups: list[list[int]]) -> None:
    """Generation (longest citation path from an origin) and group colour of every node.

    One pass in topological order (Kahn's algorithm), linear in nodes and edges.
    A node takes its origins' group; one drawing on several groups gets none.
    """
    group_of = {origin: index for index, members in enumerate(groups) for origin in members}
    citers: dict[int, list[int]] = {}
    waiting = {node.id: 0 for node in nodes}
    for edge in edges:
        citers.setdefault(edge.cited, []).append(edge.citing)
        waiting[edge.citing] += 1
    by_id = {node.id: node for node in nodes}
    reach = {node.id: ({group_of[node.id]} if node.is_origin else set()) for node in nodes}
    ready = deque(node.id for node in nodes if waiting[node.id] == 0)
    while ready:
        node = by_id[ready.popleft()]
        node.group = next(iter(reach[node.id])) if len(reach[node.id]) == 1 else None
        for citing in citers.get(node.id, []):
            by_id[citing].generation = max(by_id[citing].generation, node.generation + 1)
            reach[citing] |= reach[node.id]
            waiting[citing] -= 1
            if waiting[citing] == 0:
                ready.append(citing)


def claim_chain(claim: Claim, *, as_of: date | None = None) -> Chain:
    """Nodes, edges, origins and independent groups of a claim, in three queries."""
    rows = _node_rows(claim.pk, as_of)
    nodes = [
        ChainNode(
            id=pk,
            generation=0,
            outlet_id=outlet_id,
            outlet_name=outlet_name,
            reliability=reliability,
            published_on=published_on,
            url=url,
            headline=headline,
            is_origin=bool(is_origin),
        )
        for pk, is_origin, outlet_id, outlet_name, reliability, published_on, url, headline in rows
    ]
    edges = _edges(claim.pk, {node.id for node in nodes})
    origin_rows = [
        OriginRow(n.id, claim.pk, n.outlet_id, n.outlet_name, n.reliability, n.published_on)
        for n in nodes
        if n.is_origin
    ]
    origins, _ = origins_with_ties(origin_rows)
    groups = [[o.appearance_id for o in members] for members in independent_groups(origins)]
    _layer(nodes, edges, groups)
    return Chain(claim=claim, as_of=as_of, nodes=nodes, edges=edges, independent_groups=groups)


def _lineage_sql(direction: str) -> str:
    """Ids only, so each appearance is visited once (see _node_rows)."""
    start, step = ("cited_id", "citing_id") if direction == "ancestors" else ("citing_id", "cited_id")
    return f"""
        WITH RECURSIVE lineage(id) AS (
            SELECT c.{start} FROM {CITATION} c WHERE c.{step} = %s AND c.withdrawn_at IS NULL
            UNION
            SELECT c.{start} FROM {CITATION} c JOIN lineage ON c.{step} = lineage.id
            WHERE c.withdrawn_at IS NULL
        )
    """


@dataclass(frozen=True)
class LineageEntry:
    appearance_id: int
    outlet_id: int
    outlet_name: str
    published_on: date


def appearance_lineage(appearance_id: int, *, direction: str, as_of: date | None = None) -> list[LineageEntry]:
    """Ancestors (what it drew on, newest first) or descendants (what repeated it, oldest first)."""
    if direction not in ("ancestors", "descendants"):
        raise ValueError("direction is 'ancestors' or 'descendants'")
    day_filter = "AND a.published_on <= %s" if as_of else ""
    order = "DESC" if direction == "ancestors" else "ASC"
    sql = (
        _lineage_sql(direction)
        + f"""
        SELECT a.id, a.outlet_id, o.name, a.published_on
        FROM lineage
        JOIN {APPEARANCE} a ON a.id = lineage.id
        JOIN {OUTLET} o ON o.id = a.outlet_id
        WHERE a.withdrawn_at IS NULL {day_filter}
        ORDER BY a.published_on {order}, a.id {order}
    """
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [appearance_id, *([as_of] if as_of else [])])
        return [LineageEntry(*row) for row in cursor.fetchall()]


def citation_would_close_cycle(*, citing_id: int, cited_id: int) -> bool:
    """True when `cited` already draws, directly or not, on `citing`."""
    if citing_id == cited_id:
        return True
    # With a path length in the rows, a dense graph of 3,000 appearances has over a
    # million of them; ids only keep the walk linear.
    sql = _lineage_sql("ancestors") + "SELECT 1 FROM lineage WHERE id = %s LIMIT 1"
    with connection.cursor() as cursor:
        cursor.execute(sql, [cited_id, citing_id])
        return cursor.fetchone() is not None
