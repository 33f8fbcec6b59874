"""Cycle detection on chains of thousands of appearances: refused in a few queries, in time that
grows with the chain's size, not with its number of paths.

Every appearance here is published the same day, so the date rule never answers
first and the cycle check itself is what refuses. Time is compared with the time the
same check takes on a straight chain of as many appearances, measured in the same test:
a wall-clock limit would fail on a loaded machine, a ratio does not.
"""

import time
from collections.abc import Callable
from contextlib import AbstractContextManager

import pytest
from django.db import connection

from claims.errors import InvalidInput
from claims.models import Appearance, Citation, Claim
from claims.services.citations import citation_create
from tests.factories import bulk_appearances, bulk_citations, make_claim

pytestmark = [pytest.mark.django_db, pytest.mark.slow]

SIZE = 3000
FEW_QUERIES = 10
# A check that walked paths instead of appearances would take millions of times longer on the
# graphs below than on a straight line; one that walks each appearance once, a few times.
AS_FAST_AS_A_LINE = 20


Edges = list[tuple[Appearance, Appearance]]


def graph(edges_of: Callable[[list[Appearance]], Edges]) -> tuple[Claim, list[Appearance]]:
    claim = make_claim()
    nodes = bulk_appearances(claim, SIZE)
    bulk_citations(claim, edges_of(nodes))
    if connection.vendor == "postgresql":
        # A live database has planner statistics (autovacuum); rows just inserted in
        # the test's transaction have none, and the planner would take the table for empty.
        with connection.cursor() as cursor:
            cursor.execute(f"ANALYZE {Citation._meta.db_table}")
    return claim, nodes


def straight_line(nodes: list[Appearance]) -> Edges:
    """root <- 1 <- 2 <- ... <- 2999: each appearance republishes the one before it."""
    return [(nodes[i], nodes[i - 1]) for i in range(1, len(nodes))]


def refusal_seconds(
    citing: Appearance,
    cited: Appearance,
    max_queries: Callable[[int], AbstractContextManager],
    nothing_changes: Callable[[], AbstractContextManager[None]],
) -> float:
    with nothing_changes():
        started = time.perf_counter()
        with max_queries(FEW_QUERIES), pytest.raises(InvalidInput, match="would close a cycle"):
            citation_create(citing=citing, cited=cited)
        return time.perf_counter() - started


def refuse_as_fast_as_on_a_line(
    nodes: list[Appearance],
    max_queries: Callable[[int], AbstractContextManager],
    nothing_changes: Callable[[], AbstractContextManager[None]],
) -> None:
    elapsed = refusal_seconds(nodes[0], nodes[-1], max_queries, nothing_changes)
    _, line = graph(straight_line)
    baseline = refusal_seconds(line[0], line[-1], max_queries, nothing_changes)
    # 10 ms at least: below that, the ratio would measure the timer's noise.
    assert elapsed < AS_FAST_AS_A_LINE * max(baseline, 0.01), f"{elapsed:.3f}s against {baseline:.3f}s on a line"


def test_citation_closing_a_3000_deep_chain_back_to_its_root_is_refused_in_few_queries(
    django_assert_max_num_queries, nothing_changes
):
    _, nodes = graph(straight_line)

    refusal_seconds(nodes[0], nodes[-1], django_assert_max_num_queries, nothing_changes)


def test_cycle_in_a_dense_graph_with_millions_of_paths_is_refused_as_fast_as_on_a_line(
    django_assert_max_num_queries, nothing_changes
):
    # Each appearance cites the two before it: the number of paths from the last one
    # to the root grows like the Fibonacci numbers, the number of nodes stays 3,000.
    _, nodes = graph(
        lambda nodes: [(nodes[i], nodes[j]) for i in range(1, len(nodes)) for j in (i - 1, i - 2) if j >= 0]
    )

    refuse_as_fast_as_on_a_line(nodes, django_assert_max_num_queries, nothing_changes)


def test_cycle_in_a_wide_graph_of_thousands_is_refused_as_fast_as_on_a_line(
    django_assert_max_num_queries, nothing_changes
):
    # A root republished by 2,998 outlets, and a round-up citing every one of them:
    # the round-up draws on the root along thousands of short paths.
    def edges(nodes: list[Appearance]) -> Edges:
        root, middle, roundup = nodes[0], nodes[1:-1], nodes[-1]
        return [(node, root) for node in middle] + [(roundup, node) for node in middle]

    _, nodes = graph(edges)

    refuse_as_fast_as_on_a_line(nodes, django_assert_max_num_queries, nothing_changes)


def test_citation_that_closes_no_cycle_in_a_graph_of_thousands_is_accepted_in_few_queries(
    django_assert_max_num_queries,
):
    claim, nodes = graph(
        lambda nodes: [(nodes[i], nodes[j]) for i in range(1, len(nodes)) for j in (i - 1, i - 2) if j >= 0]
    )

    with django_assert_max_num_queries(30):
        citation = citation_create(citing=nodes[-1], cited=nodes[0])

    assert Citation.objects.current().filter(pk=citation.pk).exists()
    claim.refresh_from_db()
    assert claim.appearance_count == SIZE
    assert claim.independent_origin_count == 1
