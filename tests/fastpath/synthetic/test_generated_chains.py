"""The generated republication chains keep every rule citation_create enforces, and stay within depth 8."""

from collections import defaultdict

import pytest
from django.db.models import F

from claims.fastpath.synthetic import chain_ref
from claims.fastpath.synthetic.chains import MAX_DEPTH
from claims.models import Appearance, Citation, Claim
from claims.selectors.chains import claim_chain

pytestmark = pytest.mark.django_db


def depths_by_claim() -> dict[int, dict[int, int]]:
    """Longest citation path from an origin to each appearance, by Kahn's algorithm; raises on a cycle."""
    nodes = defaultdict(set)
    for pk, claim_id in Appearance.objects.values_list("id", "claim_id"):
        nodes[claim_id].add(pk)
    cites = defaultdict(list)
    for citing, cited in Citation.objects.values_list("citing_id", "cited_id"):
        cites[cited].append(citing)
    waiting = defaultdict(int)
    for citers in cites.values():
        for citing in citers:
            waiting[citing] += 1
    result = {}
    for claim_id, members in nodes.items():
        depth = dict.fromkeys(members, 0)
        ready = [pk for pk in members if waiting[pk] == 0]
        seen = 0
        while ready:
            pk = ready.pop()
            seen += 1
            for citing in cites[pk]:
                depth[citing] = max(depth[citing], depth[pk] + 1)
                waiting[citing] -= 1
                if waiting[citing] == 0:
                    ready.append(citing)
        assert seen == len(members), f"claim {claim_id} has a citation cycle"
        result[claim_id] = depth
    return result


def test_citations_join_two_different_appearances_of_their_own_claim(corpus):
    rows = Citation.objects.values_list("claim_id", "citing_id", "cited_id", "citing__claim_id", "cited__claim_id")
    assert rows
    for claim_id, citing, cited, citing_claim, cited_claim in rows:
        assert citing != cited
        assert claim_id == citing_claim == cited_claim


def test_no_appearance_cites_one_published_after_it(corpus):
    assert not Citation.objects.filter(citing__published_on__lt=F("cited__published_on")).exists()


def test_no_citation_is_recorded_twice(corpus):
    edges = list(Citation.objects.values_list("citing_id", "cited_id"))
    assert len(edges) == len(set(edges))


def test_chains_are_acyclic_and_at_most_eight_deep(corpus):
    depths = depths_by_claim()
    assert max(max(d.values()) for d in depths.values()) <= MAX_DEPTH == 8


def test_every_claim_has_an_origin_and_most_have_republications(corpus):
    citing = set(Citation.objects.values_list("citing_id", flat=True))
    origins = {claim_id for pk, claim_id in Appearance.objects.values_list("id", "claim_id") if pk not in citing}
    assert origins == set(Claim.objects.values_list("id", flat=True))
    assert Citation.objects.values("claim_id").distinct().count() > 0.8 * Claim.objects.count()


def test_the_benchmark_chain_reaches_full_depth_in_the_chain_selector(corpus):
    chain = claim_chain(Claim.objects.get(external_ref=chain_ref(100)))
    assert len(chain.nodes) == 100
    assert max(node.generation for node in chain.nodes) == MAX_DEPTH
    assert len(chain.origins) >= 1
