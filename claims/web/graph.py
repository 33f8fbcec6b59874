"""Where each appearance of a republication chain is drawn (SPEC §5), for a server-rendered SVG.

The drawing reads left to right, like the story it tells:

- **Columns** follow publication date. Appearances of one date that cite each other
  (a wire story republished the same day) get one column per generation, so every
  citation points strictly right and no arrow runs backwards or vertically.
- **Lanes** are horizontal bands, one per independent group, then one for
  appearances drawing on several groups. A group's colour and its lane coincide,
  so "how many voices" can be read from the number of bands.
- A column whose stack would be taller than MAX_STACK rows in some lane is split
  into several side-by-side columns: a fan-out of fifty republications grows the
  drawing sideways (it scrolls) rather than into a tower.
- Inside a cell, appearances are ordered by the mean row of what they cite, the
  usual barycentre heuristic, so that arrows cross less.

Everything is plain geometry over the chain selector's output; no query.
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from math import ceil

from django.utils.translation import gettext as _

from claims.choices import CitationKind
from claims.selectors.chains import Chain, ChainEdge, ChainNode

NODE_W = 184
NODE_H = 50
COL_GAP = 96
ROW_GAP = 22
PORT_INSET = 10
SKIP_CLEARANCE = 6
MAX_STACK = 6
LANE_PAD_TOP = 30
LANE_PAD_BOTTOM = 14
LANE_GAP = 10
AXIS_H = 34
MARGIN = 12
PALETTE_SIZE = 8
LABEL_CHARS = 24
MIXED = "mixed"


@dataclass(frozen=True)
class GraphNode:
    id: int
    x: int
    y: int
    outlet_name: str
    label: str
    date_label: str
    reliability: str
    is_origin: bool
    group: int | None
    colour: str
    url: str
    headline: str

    @property
    def tag(self) -> str:
        return MIXED if self.group is None else f"G{self.group + 1}"


@dataclass(frozen=True)
class GraphEdge:
    citing: int
    cited: int
    kind: str
    path: str
    label_x: int
    label_y: int

    @property
    def kind_label(self) -> str:
        """How it was taken, in the reader's language (the class keeps the stored value)."""
        return CitationKind(self.kind).label.lower() if self.kind in CitationKind.values else self.kind


@dataclass(frozen=True)
class Lane:
    group: int | None
    y: int
    height: int
    colour: str
    title: str


@dataclass(frozen=True)
class DateMark:
    x: int
    label: str


@dataclass(frozen=True)
class LegendEntry:
    group: int | None
    colour: str
    title: str
    outlets: list[str]


@dataclass(frozen=True)
class GraphLayout:
    width: int
    height: int
    nodes: list[GraphNode]
    edges: list[GraphEdge]
    lanes: list[Lane]
    dates: list[DateMark]
    legend: list[LegendEntry]
    node_w: int = NODE_W
    node_h: int = NODE_H
    # Drawn for a right-to-left page: time runs right to left, and a box reads from its right edge.
    rtl: bool = False

    @property
    def text_direction(self) -> str:
        return "rtl" if self.rtl else "ltr"

    @property
    def text_x(self) -> int:
        """Where a box's words start, from the side its bar is drawn on."""
        return NODE_W - 16 if self.rtl else 16

    @property
    def bar_x(self) -> int:
        return NODE_W - 6 if self.rtl else 0

    @property
    def tag_x(self) -> int:
        return 6 if self.rtl else NODE_W - 58

    @property
    def lane_title_x(self) -> int:
        return self.width - 12 if self.rtl else 12

    @property
    def is_empty(self) -> bool:
        return not self.nodes


def colour_of(group: int | None) -> str:
    """A CSS class: colours repeat after PALETTE_SIZE groups, the G-number tag never does."""
    return MIXED if group is None else f"g{group % PALETTE_SIZE}"


def _short(name: str) -> str:
    return name if len(name) <= LABEL_CHARS else name[: LABEL_CHARS - 1].rstrip() + "…"


def _columns(nodes: list[ChainNode]) -> list[tuple[date, int]]:
    """(date, generation) keys, sorted: a citation always goes to a later key."""
    return sorted({(node.published_on, node.generation) for node in nodes})


def _lane_keys(nodes: list[ChainNode]) -> list[int | None]:
    groups = sorted({node.group for node in nodes if node.group is not None})
    return groups + ([None] if any(node.group is None for node in nodes) else [])


class _Placer:
    """Assigns every node a (column, lane, row), one date column at a time."""

    def __init__(self, chain: Chain) -> None:
        self.cited_by_citing: dict[int, list[int]] = defaultdict(list)
        for edge in chain.edges:
            self.cited_by_citing[edge.citing].append(edge.cited)
        self.cells: dict[tuple[tuple[date, int], int | None], list[ChainNode]] = defaultdict(list)
        for node in chain.nodes:
            self.cells[((node.published_on, node.generation), node.group)].append(node)
        self.row_of: dict[int, float] = {}
        self.slot: dict[int, tuple[int, int | None, int]] = {}  # node id -> (column, lane, row)
        self.rows_in_lane: dict[int | None, int] = defaultdict(int)
        self.column_count = 0
        self.date_starts: list[tuple[int, date]] = []

    def _order(self, members: list[ChainNode]) -> list[ChainNode]:
        def barycentre(node: ChainNode) -> float:
            rows = [self.row_of[c] for c in self.cited_by_citing.get(node.id, []) if c in self.row_of]
            return sum(rows) / len(rows) if rows else -1.0

        return sorted(members, key=lambda n: (barycentre(n), n.published_on, n.id))

    def place(self, keys: list[tuple[date, int]], lanes: list[int | None]) -> None:
        for key in keys:
            if not self.date_starts or self.date_starts[-1][1] != key[0]:
                self.date_starts.append((self.column_count, key[0]))
            tallest = max(len(self.cells.get((key, lane), [])) for lane in lanes)
            stacks = max(1, ceil(tallest / MAX_STACK))
            for lane in lanes:
                members = self._order(self.cells.get((key, lane), []))
                per_stack = ceil(len(members) / stacks) if members else 0
                for index, node in enumerate(members):
                    column, row = self.column_count + index // per_stack, index % per_stack
                    self.slot[node.id] = (column, lane, row)
                    # A fractional row keeps the barycentres of later columns in cell order.
                    self.row_of[node.id] = row + (index // per_stack) / (stacks + 1)
                    self.rows_in_lane[lane] = max(self.rows_in_lane[lane], row + 1)
            self.column_count += stacks


def _column_x(column: int) -> int:
    return MARGIN + column * (NODE_W + COL_GAP)


def _lanes(lane_keys: list[int | None], rows_in_lane: dict[int | None, int]) -> list[Lane]:
    lanes, y = [], AXIS_H
    for key in lane_keys:
        height = LANE_PAD_TOP + rows_in_lane[key] * (NODE_H + ROW_GAP) - ROW_GAP + LANE_PAD_BOTTOM
        title = _("Draws on several groups") if key is None else _("Independent group %(number)d") % {"number": key + 1}
        lanes.append(Lane(group=key, y=y, height=height, colour=colour_of(key), title=title))
        y += height + LANE_GAP
    return lanes


def _bezier(p0: tuple, p1: tuple, p2: tuple, p3: tuple, t: float) -> tuple[int, int]:
    u = 1 - t
    x = u**3 * p0[0] + 3 * u * u * t * p1[0] + 3 * u * t * t * p2[0] + t**3 * p3[0]
    y = u**3 * p0[1] + 3 * u * u * t * p1[1] + 3 * u * t * t * p2[1] + t**3 * p3[1]
    return round(x), round(y)


def _ports(chain: Chain, by_id: dict[int, GraphNode]) -> dict[tuple[int, int], tuple[int, int]]:
    """Vertical offsets where each citation leaves its source and enters its target.

    A node's edges are spread along its side in the order of the nodes at their
    other end, so ten republications of one origin fan out instead of overlapping.
    """
    outgoing: dict[int, list[ChainEdge]] = defaultdict(list)
    incoming: dict[int, list[ChainEdge]] = defaultdict(list)
    for edge in chain.edges:
        outgoing[edge.cited].append(edge)
        incoming[edge.citing].append(edge)

    def spread(edges: list[ChainEdge], far_end: str) -> dict[tuple[int, int], int]:
        edges = sorted(edges, key=lambda e: (by_id[getattr(e, far_end)].y, by_id[getattr(e, far_end)].x))
        usable = NODE_H - 2 * PORT_INSET
        step = usable / (len(edges) - 1) if len(edges) > 1 else 0
        return {(e.citing, e.cited): round(PORT_INSET + i * step) if step else NODE_H // 2 for i, e in enumerate(edges)}

    leave: dict[tuple[int, int], int] = {}
    enter: dict[tuple[int, int], int] = {}
    for edges in outgoing.values():
        leave.update(spread(edges, "citing"))
    for edges in incoming.values():
        enter.update(spread(edges, "cited"))
    return {key: (leave[key], enter[key]) for key in leave}


def _skip_path(start: tuple[int, int], end: tuple[int, int], top: int) -> tuple[str, int, int]:
    """Up in the gap after the source, along the gap above the rows, down in the gap before
    the target: an edge that skips columns never runs behind the nodes it passes."""
    half = COL_GAP // 2
    rise_x, fall_x = start[0] + COL_GAP - 16, end[0] - COL_GAP + 16
    path = (
        f"M{start[0]},{start[1]} C{start[0] + half},{start[1]} {start[0] + half},{top} {rise_x},{top} "
        f"L{fall_x},{top} C{end[0] - half},{top} {end[0] - half},{end[1]} {end[0]},{end[1]}"
    )
    return path, fall_x - 40, top - 4


def _edge(chain_edge: ChainEdge, by_id: dict[int, GraphNode], ports: tuple[int, int]) -> GraphEdge:
    """A curve from the right side of the cited node to the left side of the citing one:
    information flows left to right, and the arrowhead lands on the one who repeated it."""
    source, target = by_id[chain_edge.cited], by_id[chain_edge.citing]
    start = (source.x + NODE_W, source.y + ports[0])
    end = (target.x - 2, target.y + ports[1])
    if end[0] - start[0] > NODE_W + COL_GAP:
        # Edges leaving one node at different ports run at slightly different heights.
        top = min(source.y, target.y) - SKIP_CLEARANCE - ports[0] // 4
        path, label_x, label_y = _skip_path(start, end, top)
    else:
        pull = max(36, (end[0] - start[0]) // 2)
        control_1, control_2 = (start[0] + pull, start[1]), (end[0] - pull, end[1])
        path = f"M{start[0]},{start[1]} C{control_1[0]},{control_1[1]} {control_2[0]},{control_2[1]} {end[0]},{end[1]}"
        # The label sits near the arrowhead, where edges into different nodes have parted.
        label_x, label_y = _bezier(start, control_1, control_2, end, 0.78)
        label_y -= 5
    return GraphEdge(
        citing=chain_edge.citing,
        cited=chain_edge.cited,
        kind=chain_edge.kind,
        path=path,
        label_x=label_x,
        label_y=label_y,
    )


def _legend(chain: Chain, names: dict[int, str], lane_keys: list[int | None]) -> list[LegendEntry]:
    entries = []
    for index, members in enumerate(chain.independent_groups):
        outlets = list(dict.fromkeys(names[m] for m in members if m in names))
        title = _("Independent group %(number)d") % {"number": index + 1}
        entries.append(LegendEntry(index, colour_of(index), title, outlets))
    if None in lane_keys:
        entries.append(LegendEntry(None, MIXED, _("Draws on several groups"), []))
    return entries


def chain_layout(chain: Chain) -> GraphLayout:
    """Positions of every node and the path of every citation of the chain."""
    lane_keys = _lane_keys(chain.nodes)
    placer = _Placer(chain)
    placer.place(_columns(chain.nodes), lane_keys)
    lanes = _lanes(lane_keys, placer.rows_in_lane)
    lane_y = {lane.group: lane.y for lane in lanes}
    nodes = []
    for node in chain.nodes:
        column, lane, row = placer.slot[node.id]
        nodes.append(
            GraphNode(
                id=node.id,
                x=_column_x(column),
                y=lane_y[lane] + LANE_PAD_TOP + row * (NODE_H + ROW_GAP),
                outlet_name=node.outlet_name,
                label=_short(node.outlet_name),
                date_label=node.published_on.isoformat(),
                reliability=node.reliability,
                is_origin=node.is_origin,
                group=node.group,
                colour=colour_of(node.group),
                url=node.url,
                headline=node.headline,
            )
        )
    by_id = {node.id: node for node in nodes}
    ports = _ports(chain, by_id)
    edges = [_edge(edge, by_id, ports[(edge.citing, edge.cited)]) for edge in chain.edges]
    width = _column_x(placer.column_count) - COL_GAP + MARGIN if nodes else 0
    height = (lanes[-1].y + lanes[-1].height + MARGIN) if lanes else 0
    dates = [DateMark(x=_column_x(column), label=day.isoformat()) for column, day in placer.date_starts]
    names = {node.id: node.outlet_name for node in chain.nodes}
    return GraphLayout(
        width=width,
        height=height,
        nodes=nodes,
        edges=edges,
        lanes=lanes,
        dates=dates,
        legend=_legend(chain, names, lane_keys),
    )
