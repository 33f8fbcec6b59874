"""The counts behind a pair's score, as served (`evidence`) and said in words, from the copier's side."""

from django.utils.translation import gettext, ngettext

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
        return gettext("on the same day")
    if mean_lag_days < 1.5:
        return gettext("a day later")
    days = round(mean_lag_days)
    return ngettext("about %(days)d day later", "about %(days)d days later", days) % {"days": days}


def summary(copier: str, source: str, evidence: dict) -> str:
    """ "often repeats X a day later; 14 shared claims, 9 of them later denied", in the reader's
    language: the sentence is only said, never stored (the confidence factor's words are)."""
    shared = evidence.get("shared_claims", 0)
    later = evidence.get("copier_later", 0) + evidence.get("same_day", 0)
    names = {"copier": copier, "source": source}
    if later * 2 >= shared:
        habit = gettext("%(copier)s often repeats %(source)s %(lag)s") % {
            **names,
            "lag": lag_words(evidence.get("mean_lag_days")),
        }
    else:
        habit = gettext("%(copier)s shares claims with %(source)s") % names
    words = ngettext("%(habit)s; %(count)d shared claim", "%(habit)s; %(count)d shared claims", shared) % {
        "habit": habit,
        "count": shared,
    }
    denied = evidence.get("shared_denied", 0)
    if denied:
        words += ngettext(", %(count)d of them later denied", ", %(count)d of them later denied", denied) % {
            "count": denied
        }
    reuse = evidence.get("text_reuse", 0)
    if reuse:
        words += ngettext(", %(count)d with passages reused", ", %(count)d with passages reused", reuse) % {
            "count": reuse
        }
    return words


def factor_words(copier: str, source: str, probability: float, evidence: dict) -> str:
    """ "Dep Outlet 05 likely copies Dep Outlet 01: p = 0.93, 41 shared claims, 19 later denied" """
    words = f"{copier} likely copies {source}: p = {probability:.2f}, {evidence.get('shared_claims', 0)} shared claims"
    denied = evidence.get("shared_denied", 0)
    return words + (f", {denied} later denied" if denied else "")
