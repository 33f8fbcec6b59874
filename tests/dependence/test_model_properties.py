"""The dependence model's pieces as pure functions (claims/dependence/), property-tested."""

from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from claims.dependence.model import (
    FIRST_EARLIER,
    SAME_DAY,
    SECOND_EARLIER,
    CorpusRates,
    PairCounts,
    SharedKind,
    verdict,
)
from claims.dependence.pairs import ClaimCarriers, count_pairs, outlet_claims
from claims.dependence.rates import FALSE_RATIO_PRIOR, VoiceCounts, dependence_prior, false_value_ratio

RATES = CorpusRates(carries=20_000, false_ratio=0.3, prior=0.1)
ORDERS = st.sampled_from([FIRST_EARLIER, SAME_DAY, SECOND_EARLIER])


@st.composite
def corpora(draw) -> list[ClaimCarriers]:
    """Claims over a small pool of outlets, with days, denials and reused passages."""
    claims = []
    for claim_id in range(draw(st.integers(min_value=0, max_value=25))):
        outlets = draw(st.lists(st.integers(min_value=1, max_value=7), min_size=1, max_size=5, unique=True))
        carriers = tuple((outlet, draw(st.integers(min_value=0, max_value=5))) for outlet in outlets)
        reuse = draw(st.frozensets(st.tuples(st.sampled_from(outlets), st.sampled_from(outlets)), max_size=2))
        claims.append(
            ClaimCarriers(claim_id, carriers, draw(st.booleans()), frozenset(p for p in reuse if p[0] != p[1]))
        )
    return claims


@st.composite
def pair_counts(draw, max_kinds: int = 6) -> PairCounts:
    counts = PairCounts()
    for _ in range(draw(st.integers(min_value=1, max_value=max_kinds))):
        kind = SharedKind(draw(st.integers(min_value=2, max_value=20)), draw(st.booleans()), draw(ORDERS))
        for _ in range(draw(st.integers(min_value=1, max_value=15))):
            counts.add(kind, draw(st.integers(min_value=0, max_value=4)))
    return counts


def renamed(claims: list[ClaimCarriers], mapping: dict[int, int]) -> list[ClaimCarriers]:
    return [
        ClaimCarriers(
            c.claim_id,
            tuple((mapping[o], day) for o, day in c.carriers),
            c.denied,
            frozenset((mapping[a], mapping[b]) for a, b in c.reuse),
        )
        for c in claims
    ]


@settings(deadline=None)  # counting a corpus is not timed: the machine may be busy
@given(corpora())
def test_shared_claim_counts_are_symmetric(claims):
    """Swapping which of two outlets has the lower id flips each pair's counts and keeps their totals."""
    mapping = {n: 8 - n for n in range(1, 8)}  # reverses the order of every pair
    forward = count_pairs(claims, popular_from=25)
    backward = count_pairs(renamed(claims, mapping), popular_from=25)
    assert set(backward) == {(mapping[b], mapping[a]) for a, b in forward}
    for (a, b), counts in forward.items():
        mirrored = backward[(mapping[b], mapping[a])]
        assert mirrored.kinds == counts.flipped().kinds
        assert (mirrored.shared, mirrored.shared_denied) == (counts.shared, counts.shared_denied)
        assert mirrored.lag_days_second_after == counts.lag_days_first_after


@settings(deadline=None)  # counting a corpus is not timed: the machine may be busy
@given(corpora())
def test_each_shared_claim_is_counted_once_per_pair(claims):
    pairs = count_pairs(claims, popular_from=25)
    for (a, b), counts in pairs.items():
        both = [c for c in claims if {a, b} <= {o for o, _ in c.carriers}]
        assert counts.shared == len(both)
        assert counts.shared_denied == sum(1 for c in both if c.denied)


@settings(deadline=None)  # counting a corpus is not timed: the machine may be busy
@given(corpora())
def test_blocks_of_outlets_add_up_to_the_whole(claims):
    """Counting the pairs owned by each of two blocks gives every pair once: the full recompute's split."""
    whole = count_pairs(claims, popular_from=25)
    odd = count_pairs(claims, popular_from=25, owns=lambda a, b: a % 2 == 1)
    even = count_pairs(claims, popular_from=25, owns=lambda a, b: a % 2 == 0)
    assert not set(odd) & set(even)
    assert {**odd, **even}.keys() == whole.keys()
    assert all({**odd, **even}[pair].kinds == counts.kinds for pair, counts in whole.items())


def test_claims_everybody_carries_count_for_no_pair():
    claims = [ClaimCarriers(1, tuple((o, 0) for o in range(1, 31)))]
    assert count_pairs(claims, popular_from=25) == {}
    assert outlet_claims(claims, popular_from=25) == {}


@settings(max_examples=60, deadline=None)
@given(pair_counts(), st.integers(min_value=0, max_value=10))
def test_more_shared_false_values_never_lower_the_probability(counts, extra):
    """Turning shared claims into claims later denied (independent outlets rarely share those)."""
    base = verdict(counts, first_claims=400, second_claims=300, rates=RATES)
    true_kinds = [k for k in counts.kinds if not k.denied]
    if not true_kinds:
        return
    kind = true_kinds[0]
    moved = min(extra, counts.kinds[kind])
    falser = PairCounts(dict(counts.kinds), counts.lag_days_second_after, counts.lag_days_first_after)
    falser.kinds[kind] -= moved
    denied = replace(kind, denied=True)
    falser.kinds[denied] = falser.kinds.get(denied, 0) + moved
    after = verdict(falser, first_claims=400, second_claims=300, rates=RATES)
    assert after.probability >= base.probability - 1e-12


@settings(max_examples=60, deadline=None)
@given(pair_counts())
def test_a_rarer_shared_claim_never_lowers_the_probability(counts):
    base = verdict(counts, first_claims=400, second_claims=300, rates=RATES)
    kind = next(iter(counts.kinds))
    if kind.carriers == 2:
        return
    rarer = PairCounts(dict(counts.kinds))
    rarer.kinds[kind] -= 1
    key = replace(kind, carriers=kind.carriers - 1)
    rarer.kinds[key] = rarer.kinds.get(key, 0) + 1
    assert verdict(rarer, first_claims=400, second_claims=300, rates=RATES).probability >= base.probability - 1e-12


@given(pair_counts())
def test_the_verdict_is_the_same_seen_from_either_outlet(counts):
    one = verdict(counts, first_claims=400, second_claims=300, rates=RATES)
    other = verdict(counts.flipped(), first_claims=300, second_claims=400, rates=RATES)
    assert abs(one.probability - other.probability) < 1e-9
    assert abs(one.second_copies_first - (1 - other.second_copies_first)) < 1e-9


def test_the_later_outlet_of_many_rare_shared_claims_is_the_copier():
    counts = PairCounts()
    for _ in range(30):
        counts.add(SharedKind(2, False, FIRST_EARLIER), 1)
    result = verdict(counts, first_claims=50, second_claims=80, rates=RATES)
    assert result.probability > 0.99
    assert result.second_copies_first > 0.99


def test_what_independent_outlets_would_share_by_chance_is_not_dependence():
    """Two outlets carrying 300 and 200 of 20,000 carries share about 300*200*3/20,000 = 9 claims of
    four carriers by chance; sharing that many is no evidence."""
    counts = PairCounts()
    for n in range(9):
        counts.add(SharedKind(4, False, [FIRST_EARLIER, SECOND_EARLIER, SAME_DAY][n % 3]), 2)
    assert verdict(counts, first_claims=300, second_claims=200, rates=RATES).probability < 0.5


def test_the_prior_is_the_share_of_recorded_pairs_kept_within_bounds():
    assert dependence_prior(recorded_pairs=0, outlets=0) == 0.1
    assert dependence_prior(recorded_pairs=0, outlets=1_000) == 0.0001
    assert dependence_prior(recorded_pairs=20, outlets=11) == 21 / 65
    assert dependence_prior(recorded_pairs=45, outlets=10) == 0.5


def test_the_false_value_ratio_compares_independent_voices():
    assert false_value_ratio(VoiceCounts(5, 0, 500, 400)) == FALSE_RATIO_PRIOR  # too few denied claims
    assert false_value_ratio(VoiceCounts(100, 20, 1000, 800)) == (20.5 / 100) / (800.5 / 1000)
    assert false_value_ratio(VoiceCounts(100, 0, 1000, 800)) == 0.05  # floored
    assert false_value_ratio(VoiceCounts(100, 200, 1000, 800)) == 1.0  # never above one
