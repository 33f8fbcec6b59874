"""Confidence of a claim (SPEC §6) as pure functions over plain data.

The formula, its reasons and a worked example are in docs/scoring.md. In short:
each independent group counts once, at its best origin's grade; groups combine
as independent witnesses (noisy-OR); a claim nobody has confirmed stays below
90; a confirmation lifts it half-way to 100; a denial takes 30% off.
"""

from dataclasses import dataclass, field
from datetime import date

from claims.choices import ConfidenceLabel, Reliability, ResponsibilityStatus, Stance
from claims.dependence.evidence import factor_words
from claims.scoring.independence import Origin, independent_groups, shared_ties

UNCONFIRMED_CEILING = 89

# STIX 2.1 Appendix A: lower bound of each band of the ICD 203 scale.
LABEL_BANDS: list[tuple[int, str]] = [
    (90, ConfidenceLabel.ALMOST_CERTAIN),
    (80, ConfidenceLabel.VERY_LIKELY),
    (60, ConfidenceLabel.LIKELY),
    (40, ConfidenceLabel.ROUGHLY_EVEN_CHANCE),
    (20, ConfidenceLabel.UNLIKELY),
    (10, ConfidenceLabel.VERY_UNLIKELY),
    (0, ConfidenceLabel.ALMOST_NO_CHANCE),
]

# Factor names a consumer can switch on.
ORIGIN = "independent_origin"
DEPENDENT_ORIGIN = "dependent_origin"
REPUBLICATIONS = "republications"
NO_ORIGINS = "no_origins"
CEILING = "unconfirmed_ceiling"
RESPONSIBILITY = "responsibility"
LEARNED_DEPENDENCE = "learned_dependence"


@dataclass(frozen=True)
class LearnedDependence:
    """A pair of outlets the corpus says are likely dependent (SPEC §17): the copier's voice counts
    `discount` percent less beside its source's; a confirmed pair is recorded dependence instead."""

    copier_id: int
    source_id: int
    copier_name: str
    source_name: str
    probability: float
    discount: int = 0
    confirmed: bool = False
    evidence: dict = field(default_factory=dict, hash=False, compare=False)

    @property
    def pair(self) -> frozenset[int]:
        return frozenset((self.copier_id, self.source_id))


@dataclass(frozen=True)
class Evidence:
    stance: str
    date: date
    actor_name: str = ""


@dataclass(frozen=True)
class ClaimInputs:
    """Everything confidence depends on, for one claim at one point in time."""

    claim_id: int
    origins: tuple[Origin, ...] = ()
    appearance_count: int = 0
    first_reported: date | None = None
    latest_evidence: Evidence | None = None
    actor_names: dict[int, str] = field(default_factory=dict)
    learned: tuple[LearnedDependence, ...] = ()

    @property
    def linked_outlets(self) -> list[tuple[int, int]]:
        return [(d.copier_id, d.source_id) for d in self.learned if d.confirmed]


@dataclass(frozen=True)
class Score:
    status: str
    confidence: int
    confidence_label: str
    credibility: int
    admiralty_code: str
    confidence_factors: list[dict]
    independent_origin_count: int
    groups: list[list[Origin]]


def confidence_label(confidence: int) -> str:
    for lower, label in LABEL_BANDS:
        if confidence >= lower:
            return str(label)
    return str(ConfidenceLabel.ALMOST_NO_CHANCE)


def status_of(evidence: Evidence | None) -> str:
    if evidence is None:
        return ResponsibilityStatus.UNCLAIMED
    return ResponsibilityStatus.CONFIRMED if evidence.stance == Stance.CONFIRMS else ResponsibilityStatus.DENIED


class Corroboration:
    """Noisy-OR of independent groups in exact integer arithmetic.

    doubt = product of (100 - weight) / 100 over the groups; points is
    ceiling × (1 - doubt), rounded half up. Once the doubt is so small that
    even 100 × (1 - doubt) rounds to 100, more groups change nothing, and the
    fraction stops growing.
    """

    def __init__(self) -> None:
        self.numerator, self.denominator = 1, 1

    def add(self, weight: int, kept: int = 100) -> None:
        """One more independent voice of `weight`, counted at `kept` percent of it."""
        if self.saturated:
            return
        if kept == 100:
            self.numerator *= 100 - weight
            self.denominator *= 100
        else:
            self.numerator *= 10_000 - weight * kept
            self.denominator *= 10_000

    @property
    def saturated(self) -> bool:
        return 200 * self.numerator < self.denominator

    def points(self, scale: int = UNCONFIRMED_CEILING) -> int:
        if self.saturated:
            return scale
        believed = self.denominator - self.numerator
        return (2 * scale * believed + self.denominator) // (2 * self.denominator)


def apply_status(points: int, status: str) -> int:
    if status == ResponsibilityStatus.CONFIRMED:
        return points + (100 - points + 1) // 2
    if status == ResponsibilityStatus.DENIED:
        return points - (3 * points) // 10
    return points


def credibility_digit(group_count: int, status: str) -> int:
    """Admiralty information credibility: 1 confirmed … 6 cannot be judged."""
    if group_count == 0:
        return 6
    if status == ResponsibilityStatus.CONFIRMED:
        return 1
    digit = 2 if group_count >= 2 else 3
    return digit + 1 if status == ResponsibilityStatus.DENIED else digit


def grade_words(reliability: str) -> str:
    return Reliability(reliability).label


def group_discounts(
    groups: list[list[Origin]], learned: tuple[LearnedDependence, ...]
) -> list[LearnedDependence | None]:
    """For each group, the strongest learned dependence of one of its outlets on an outlet of a group
    before it (groups come best first): the later, no better voice is the one counted less. A group
    with no likely dependence on those before it counts in full."""
    by_pair = {d.pair: d for d in learned if d.discount}
    found: list[LearnedDependence | None] = []
    earlier: set[int] = set()
    for members in groups:
        outlets = {origin.outlet_id for origin in members}
        candidates = [by_pair.get(frozenset((mine, theirs))) for mine in outlets for theirs in earlier - outlets]
        found.append(max((c for c in candidates if c), key=lambda d: (d.discount, d.copier_id), default=None))
        earlier |= outlets
    return found


def origin_factors(
    groups: list[list[Origin]], actor_names: dict[int, str], learned: tuple[LearnedDependence, ...] = ()
) -> list[dict]:
    factors, corroboration, points = [], Corroboration(), 0
    linked = [(d.copier_id, d.source_id) for d in learned if d.confirmed]
    for members, dependence in zip(groups, group_discounts(groups, learned), strict=True):
        best = members[0]
        full = Corroboration()
        full.numerator, full.denominator = corroboration.numerator, corroboration.denominator
        full.add(best.weight)
        corroboration.add(best.weight, 100 - dependence.discount if dependence else 100)
        factors.append(
            {
                "factor": ORIGIN,
                "effect": full.points() - points,
                "detail": f"{best.outlet_name} ({grade_words(best.reliability)}), first published "
                f"{best.published_on.isoformat()}: an independent origin.",
            }
        )
        now = corroboration.points()
        if dependence:
            words = factor_words(dependence.copier_name, dependence.source_name, dependence.probability,
                                 dependence.evidence)  # fmt: skip
            factors.append(
                {
                    "factor": LEARNED_DEPENDENCE,
                    "effect": now - full.points(),
                    "detail": f"{words}: counted {dependence.discount}% less.",
                }
            )
        points = now
        for other in members[1:]:
            factors.append(
                {
                    "factor": DEPENDENT_ORIGIN,
                    "effect": 0,
                    "detail": f"{other.outlet_name} ({other.published_on.isoformat()}) is not independent of "
                    f"{best.outlet_name} ({shared_ties(best, other, actor_names, linked)}): one voice, counted once.",
                }
            )
    return factors


def score(inputs: ClaimInputs) -> Score:
    groups = independent_groups(inputs.origins, inputs.linked_outlets)
    status = status_of(inputs.latest_evidence)
    factors = origin_factors(groups, inputs.actor_names, inputs.learned)
    points = sum(f["effect"] for f in factors)
    if not groups:
        factors.append({"factor": NO_ORIGINS, "effect": 0, "detail": "No appearance of this claim is recorded."})
    republications = inputs.appearance_count - len(inputs.origins)
    if republications:
        factors.append(
            {
                "factor": REPUBLICATIONS,
                "effect": 0,
                "detail": f"{republications} appearance(s) cite an earlier one; repeating a report adds no weight.",
            }
        )
    corroboration = Corroboration()
    for members, dependence in zip(groups, group_discounts(groups, inputs.learned), strict=True):
        corroboration.add(members[0].weight, 100 - dependence.discount if dependence else 100)
    if status != ResponsibilityStatus.CONFIRMED and corroboration.points(100) > UNCONFIRMED_CEILING:
        factors.append(
            {
                "factor": CEILING,
                "effect": 0,
                "detail": f"Without a claim of responsibility confidence stays at or below {UNCONFIRMED_CEILING}.",
            }
        )
    confidence = apply_status(points, status)
    factors.append(_status_factor(status, inputs.latest_evidence, confidence - points))
    best = min((g[0] for g in groups), key=lambda o: -o.weight, default=None)
    credibility = credibility_digit(len(groups), status)
    letter = best.reliability if best else Reliability.F
    return Score(
        status=str(status),
        confidence=confidence,
        confidence_label=confidence_label(confidence),
        credibility=credibility,
        admiralty_code=f"{letter}{credibility}",
        confidence_factors=factors,
        independent_origin_count=len(groups),
        groups=groups,
    )


def _status_factor(status: str, evidence: Evidence | None, effect: int) -> dict:
    if evidence is None:
        detail = "Unclaimed: no actor has confirmed or denied responsibility."
    else:
        who = evidence.actor_name or "a source"
        verb = "confirmed" if status == ResponsibilityStatus.CONFIRMED else "denied"
        detail = f"{status.capitalize()}: {who} {verb} it on {evidence.date.isoformat()} (the latest evidence)."
    return {"factor": RESPONSIBILITY, "effect": effect, "detail": detail}
