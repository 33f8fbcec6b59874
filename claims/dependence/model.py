"""How likely two outlets are dependent, and which one copies, from the claims they share.

A Bayesian comparison of three hypotheses for a pair of outlets A and B, in the spirit of Dong,
Berti-Equille and Srivastava (VLDB 2009): they are independent; B copies A; A copies B. A copier
takes each claim of its source with a copy rate c (unknown: averaged over a uniform grid), and
carries other claims on its own as an independent outlet would. For each claim of the source:

- the copier carries it too, on the same day or later: likelihood ratio (c + (1-c)q) / q, where q
  is how likely an independent outlet of the copier's volume is to carry a claim that popular
  (rarity: a claim only the two carry says far more than one fifteen outlets carry), lowered by
  the corpus' false-value rate for claims later denied (independent outlets rarely share a false
  claim; copies share them as readily as true ones), and raised by passages the copier's captured
  page reuses from the source's;
- the copier carried it earlier than the source: it cannot have copied it, ratio (1 - c);
- the copier does not carry it: ratio (1 - c).

Everything is a pure function over counts, so it is property-tested without a database
(tests/dependence/). The estimation of the prior and the rates is claims/dependence/rates.py.
"""

import math
from collections.abc import Iterable
from dataclasses import dataclass, field

# The copy rates averaged over (a uniform prior on c).
COPY_RATES = tuple(round(0.05 + 0.1 * k, 2) for k in range(10))
# How much likelier a passage reused verbatim is from a copy than from an independent report.
REUSE_RATIO = 10.0
# q never reaches 0 or 1: an estimate from counts is never certain.
LOWEST_RATE, HIGHEST_RATE = 1e-6, 0.95

# The order of a shared claim's first appearances by the pair's first and second outlet.
FIRST_EARLIER, SAME_DAY, SECOND_EARLIER = -1, 0, 1
# Passages reused between the pair's captured pages of a shared claim.
NO_REUSE, SECOND_REUSES_FIRST, FIRST_REUSES_SECOND, BOTH_REUSE = 0, 1, 2, 3


@dataclass(frozen=True, slots=True, order=True)
class SharedKind:
    """What is told apart among the claims a pair shares: how many outlets carry the claim, whether
    it was later denied, who of the two was first, and whether their pages reuse each other's words."""

    carriers: int
    denied: bool
    order: int
    reuse: int = NO_REUSE

    def flipped(self) -> "SharedKind":
        """The same claim seen with the two outlets swapped."""
        reuse = {SECOND_REUSES_FIRST: FIRST_REUSES_SECOND, FIRST_REUSES_SECOND: SECOND_REUSES_FIRST}
        return SharedKind(self.carriers, self.denied, -self.order, reuse.get(self.reuse, self.reuse))


@dataclass(slots=True)
class PairCounts:
    """The claims two outlets share (the first has the lower id), counted by kind, and the sums of
    the days by which the later one followed: everything the model reads of the pair, and additive,
    so blocks of claims can be counted apart and added."""

    kinds: dict[SharedKind, int] = field(default_factory=dict)
    lag_days_second_after: int = 0
    lag_days_first_after: int = 0

    def add(self, kind: SharedKind, lag_days: int) -> None:
        self.kinds[kind] = self.kinds.get(kind, 0) + 1
        if kind.order == FIRST_EARLIER:
            self.lag_days_second_after += lag_days
        elif kind.order == SECOND_EARLIER:
            self.lag_days_first_after += lag_days

    @property
    def shared(self) -> int:
        return sum(self.kinds.values())

    @property
    def shared_denied(self) -> int:
        return sum(n for kind, n in self.kinds.items() if kind.denied)

    def count(self, order: int) -> int:
        return sum(n for kind, n in self.kinds.items() if kind.order == order)

    def reused(self, direction: int) -> int:
        return sum(n for kind, n in self.kinds.items() if kind.reuse in (direction, BOTH_REUSE))

    def flipped(self) -> "PairCounts":
        kinds: dict[SharedKind, int] = {}
        for kind, n in self.kinds.items():
            kinds[kind.flipped()] = kinds.get(kind.flipped(), 0) + n
        return PairCounts(kinds, self.lag_days_first_after, self.lag_days_second_after)

    def as_rows(self) -> list[list[int]]:
        """Stored as [carriers, denied, order, reuse, count] rows, sorted: the same counts, the same JSON."""
        return [[k.carriers, int(k.denied), k.order, k.reuse, n] for k, n in sorted(self.kinds.items())]

    @classmethod
    def from_rows(cls, rows: Iterable[Iterable[int]], lag_second: int = 0, lag_first: int = 0) -> "PairCounts":
        kinds = {SharedKind(c, bool(d), o, r): n for c, d, o, r, n in rows}
        return cls(kinds, lag_second, lag_first)


@dataclass(frozen=True, slots=True)
class CorpusRates:
    """What the model reads of the whole corpus (estimated in claims/dependence/rates.py)."""

    # Total carries: the sum over countable claims of how many outlets carry each.
    carries: int
    # How much less often independent outlets coincide on a claim later denied than on another.
    false_ratio: float
    # The prior probability that two outlets sharing enough claims are dependent.
    prior: float


@dataclass(frozen=True, slots=True)
class Verdict:
    """The posterior for a pair: how likely it is dependent, and that the second outlet copies the first."""

    probability: float
    second_copies_first: float

    @property
    def copier_is_second(self) -> bool:
        return self.second_copies_first >= 0.5


def independent_rate(carriers: int, denied: bool, copier_claims: int, rates: CorpusRates) -> float:
    """How likely an independent outlet with `copier_claims` claims is to carry a claim that
    `carriers` outlets carry, one of them the source: its share of all carries, times the other carriers."""
    q = (carriers - 1) * copier_claims / max(rates.carries, 1)
    if denied:
        q *= rates.false_ratio
    return min(HIGHEST_RATE, max(LOWEST_RATE, q))


def copy_log_ratio(counts: PairCounts, *, source_claims: int, copier_claims: int, rates: CorpusRates) -> list[float]:
    """log P(counts | the second copies the first, c) - log P(counts | independent), for each c of
    COPY_RATES. `source_claims` counts the first outlet's countable claims, `copier_claims` the second's."""
    result = []
    for c in COPY_RATES:
        not_copied = math.log1p(-c)
        total = (source_claims - counts.shared) * not_copied
        for kind, n in counts.kinds.items():
            if kind.order == SECOND_EARLIER:
                total += n * not_copied
                continue
            q = independent_rate(kind.carriers, kind.denied, copier_claims, rates)
            reuse = REUSE_RATIO if kind.reuse in (SECOND_REUSES_FIRST, BOTH_REUSE) else 1.0
            total += n * math.log((c * reuse + (1 - c) * q) / q)
        result.append(total)
    return result


def log_mean_exp(values: list[float]) -> float:
    top = max(values)
    return top + math.log(sum(math.exp(v - top) for v in values) / len(values))


def verdict(counts: PairCounts, *, first_claims: int, second_claims: int, rates: CorpusRates) -> Verdict:
    """The posterior over independent / second copies first / first copies second (a prior of
    `rates.prior` split evenly between the two directions)."""
    forward = log_mean_exp(copy_log_ratio(counts, source_claims=first_claims, copier_claims=second_claims, rates=rates))
    backward = log_mean_exp(
        copy_log_ratio(counts.flipped(), source_claims=second_claims, copier_claims=first_claims, rates=rates)
    )
    # In logs, relative to the independent hypothesis, so that huge likelihoods do not overflow.
    independent = math.log1p(-rates.prior)
    half = math.log(rates.prior / 2)
    terms = [independent, half + forward, half + backward]
    top = max(terms)
    weights = [math.exp(t - top) for t in terms]
    total = sum(weights)
    dependent = (weights[1] + weights[2]) / total
    # From the logs, so that a direction is told even when both copy hypotheses are far below independence.
    gap = max(-700.0, min(700.0, backward - forward))
    return Verdict(probability=dependent, second_copies_first=1 / (1 + math.exp(gap)))
