"""A claim's derived columns, from what they are computed from: one function for every writer.

`claims_rescore` (claims/services/rescoring.py) reads the inputs from the database; the
synthetic generator (claims/fastpath/synthetic/) assembles them from the rows it has just
generated; `claim_as_of` (claims/selectors/claims.py) computes the scored part for a past
date. All of them come here, so a claim scores and searches the same whoever wrote it.
The names are the claim's columns (`claims.models.claim.COMPUTED_FIELDS`; a test holds
the two lists equal).
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from claims.scoring.confidence import ClaimInputs, score
from claims.transliteration import search_document, skeleton


@dataclass(frozen=True, slots=True)
class Scored:
    """What confidence scoring sets on a claim: now, or as of a date."""

    status: str
    confidence: int
    credibility: int
    admiralty_code: str
    confidence_factors: list[dict]
    independent_origin_count: int
    appearance_count: int
    first_reported: date | None

    def as_dict(self) -> dict:
        """The columns and their values; the values as they are, not copied (asdict's deep copy
        of every factor was a fifth of a rescoring batch)."""
        return {name: getattr(self, name) for name in self.__dataclass_fields__}


@dataclass(frozen=True, slots=True)
class Derived(Scored):
    """Every derived column of a claim: the scored part, and the keys search reads."""

    search_text: str
    text_key: str


# The columns a change of scores alone moves: an outlet's grade or an affiliation leaves the
# search keys as they are, and rescoring skips them (claims/services/rescoring.py).
SCORED_FIELDS = tuple(Scored.__dataclass_fields__)


def scored(inputs: ClaimInputs) -> Scored:
    result = score(inputs)
    return Scored(
        status=result.status,
        confidence=result.confidence,
        credibility=result.credibility,
        admiralty_code=result.admiralty_code,
        confidence_factors=result.confidence_factors,
        independent_origin_count=result.independent_origin_count,
        appearance_count=inputs.appearance_count,
        first_reported=inputs.first_reported,
    )


def outlet_names_in_report_order(outlets: Iterable[tuple[int, Sequence[str]]]) -> list[str]:
    """The names and aliases of a claim's outlets, each outlet once, given (id, names) in the order
    its appearances were published (date, then id): the order search text lists them in."""
    seen: dict[int, Sequence[str]] = {}
    for outlet_id, names in outlets:
        seen.setdefault(outlet_id, names)
    return [name for names in seen.values() for name in names]


def names_search_text(name: str, aliases: Sequence[str]) -> str:
    """An outlet's or actor's `search_names`: its name and aliases, as given, folded and keyed."""
    return search_document(name, *aliases)


def claim_search_text(text: str, *, subject_names: Sequence[str], outlet_names: Sequence[str]) -> str:
    """What `q` searches: the claim's words, its subject's names and its outlets' names."""
    return search_document(text, *subject_names, *outlet_names)


def derived(inputs: ClaimInputs, *, text: str, subject_names: Sequence[str], outlet_names: Sequence[str]) -> Derived:
    part = scored(inputs)
    return Derived(
        **{name: getattr(part, name) for name in Scored.__dataclass_fields__},
        search_text=claim_search_text(text, subject_names=subject_names, outlet_names=outlet_names),
        text_key=skeleton(text),
    )
