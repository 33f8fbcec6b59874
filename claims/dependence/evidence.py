"""The counts behind a pair's score, as served (`evidence`) and said in words, from the copier's side."""

from claims.dependence.model import FIRST_EARLIER, SAME_DAY, SECOND_EARLIER, SECOND_REUSES_FIRST, PairCounts, Verdict

# A claim carried by this many outlets or fewer is "rare" in the evidence shown.
RARE_CARRIERS = 3


def pair_evidence(
    counts: PairCounts,
    verdict: Verdict,
    *,
    first_claims: int,
    second_claims: int,
    cited_claims: int,
    patrons: list[str],
) -> dict:
    """The evidence of a pair, told from the likely copier ("copier") and its source ("source")."""
    seen = counts if verdict.copier_is_second else counts.flipped()
    source_claims, copier_claims = (
        (first_claims, second_claims) if verdict.copier_is_second else (second_claims, first_claims)
    )
    later = seen.count(FIRST_EARLIER)
    return {
        "shared_claims": seen.shared,
        "shared_denied": seen.shared_denied,
        "rare_shared": sum(n for kind, n in seen.kinds.items() if kind.carriers <= RARE_CARRIERS),
        "copier_later": later,
        "same_day": seen.count(SAME_DAY),
        "copier_earlier": seen.count(SECOND_EARLIER),
        "mean_lag_days": round(seen.lag_days_second_after / later, 1) if later else None,
        "text_reuse": seen.reused(SECOND_REUSES_FIRST),
        "source_claims": source_claims,
        "copier_claims": copier_claims,
        "share_of_source": round(seen.shared / source_claims, 3) if source_claims else 0.0,
        "direction_probability": round(max(verdict.second_copies_first, 1 - verdict.second_copies_first), 3),
        "recorded_citations": cited_claims,
        "shared_patrons": patrons,
    }


def lag_words(mean_lag_days: float | None) -> str:
    if mean_lag_days is None:
        return "on the same day"
    if mean_lag_days < 1.5:
        return "a day later"
    return f"about {round(mean_lag_days)} days later"


def summary(copier: str, source: str, evidence: dict) -> str:
    """ "often repeats X a day later; 14 shared claims, 9 of them later denied" """
    later = evidence.get("copier_later", 0) + evidence.get("same_day", 0)
    habit = "often repeats" if later * 2 >= evidence.get("shared_claims", 0) else "shares claims with"
    lag = lag_words(evidence.get("mean_lag_days")) if habit == "often repeats" else ""
    words = f"{copier} {habit} {source}{' ' + lag if lag else ''}; {evidence.get('shared_claims', 0)} shared claims"
    denied = evidence.get("shared_denied", 0)
    words += f", {denied} of them later denied" if denied else ""
    reuse = evidence.get("text_reuse", 0)
    return words + (f", {reuse} with passages reused" if reuse else "")


def factor_words(copier: str, source: str, probability: float, evidence: dict) -> str:
    """ "Dep Outlet 05 likely copies Dep Outlet 01: p = 0.93, 41 shared claims, 19 later denied" """
    words = f"{copier} likely copies {source}: p = {probability:.2f}, {evidence.get('shared_claims', 0)} shared claims"
    denied = evidence.get("shared_denied", 0)
    return words + (f", {denied} later denied" if denied else "")
