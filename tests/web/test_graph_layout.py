"""The republication graph's layout: pure geometry over a chain, so no database here."""

from datetime import date, timedelta
from itertools import combinations

from claims.selectors.chains import Chain, ChainEdge, ChainNode
from claims.web.graph import MAX_STACK, NODE_H, NODE_W, chain_layout

DAY = date(2021, 10, 20)


def node(pk: int, day: int = 0, *, generation: int = 0, group: int | None = 0, origin: bool = False) -> ChainNode:
    return ChainNode(
        id=pk,
        outlet_id=pk,
        outlet_name=f"Outlet number {pk} with a rather long name",
        reliability="C",
        published_on=DAY + timedelta(days=day),
        url="",
        headline="",
        generation=generation,
        is_origin=origin,
        group=group,
    )


def chain(nodes: list[ChainNode], edges: list[tuple[int, int]], groups: list[list[int]]) -> Chain:
    return Chain(
        claim=None,
        as_of=None,
        nodes=nodes,
        edges=[ChainEdge(citing, cited, "republished") for citing, cited in edges],
        independent_groups=groups,
    )


def fan_out(width: int) -> Chain:
    """Two independent origins; the first republished `width` times the next day, some of those
    republished again, and one appearance drawing on both groups."""
    nodes = [node(1, origin=True), node(2, group=1, origin=True)]
    edges = []
    for pk in range(3, 3 + width):
        nodes.append(node(pk, 1, generation=1))
        edges.append((pk, 1))
    for index, pk in enumerate(range(100, 110)):
        nodes.append(node(pk, 2, generation=2))
        edges.append((pk, 3 + index % width))
    nodes.append(node(200, 3, generation=1, group=None))
    edges += [(200, 1), (200, 2)]
    return chain(nodes, edges, [[1], [2]])


def overlaps(a, b) -> bool:
    return a.x < b.x + NODE_W and b.x < a.x + NODE_W and a.y < b.y + NODE_H and b.y < a.y + NODE_H


def test_no_two_nodes_overlap_at_sixty_nodes():
    layout = chain_layout(fan_out(50))

    assert len(layout.nodes) == 63  # 2 origins, 50 republications, 10 more, 1 mixed
    assert not any(overlaps(a, b) for a, b in combinations(layout.nodes, 2))


def test_every_citation_points_right():
    layout = chain_layout(fan_out(50))
    at = {n.id: n for n in layout.nodes}

    for edge in layout.edges:
        assert at[edge.citing].x >= at[edge.cited].x + NODE_W, edge


def test_a_wide_fan_out_grows_sideways_not_into_a_tower():
    narrow, wide = chain_layout(fan_out(5)), chain_layout(fan_out(50))

    assert wide.width > narrow.width
    lane = next(lane for lane in wide.lanes if lane.group == 0)
    rows = {n.y for n in wide.nodes if n.group == 0}
    assert len(rows) <= MAX_STACK
    assert all(lane.y <= n.y and n.y + NODE_H <= lane.y + lane.height for n in wide.nodes if n.group == 0)


def test_each_independent_group_has_its_lane_and_colour_and_mixed_nodes_are_neutral():
    layout = chain_layout(fan_out(3))
    at = {n.id: n for n in layout.nodes}

    assert [lane.group for lane in layout.lanes] == [0, 1, None]
    assert (at[1].colour, at[2].colour, at[200].colour) == ("g0", "g1", "mixed")
    assert at[200].tag == "mixed" and at[1].tag == "G1"
    assert [entry.title for entry in layout.legend] == [
        "Independent group 1",
        "Independent group 2",
        "Draws on several groups",
    ]


def test_origins_are_marked_and_labels_are_shortened():
    layout = chain_layout(fan_out(1))
    at = {n.id: n for n in layout.nodes}

    assert at[1].is_origin and not at[3].is_origin
    assert at[1].label.endswith("…") and len(at[1].label) <= 24
    assert at[1].outlet_name == "Outlet number 1 with a rather long name"


def test_same_day_republications_get_their_own_column():
    layout = chain_layout(chain([node(1, origin=True), node(2, generation=1)], [(2, 1)], [[1]]))
    at = {n.id: n for n in layout.nodes}

    assert at[2].x > at[1].x
    assert [mark.label for mark in layout.dates] == ["2021-10-20"]


def test_an_empty_chain_draws_nothing():
    layout = chain_layout(chain([], [], []))

    assert layout.is_empty
    assert (layout.width, layout.height) == (0, 0)
