"""How an import finds a claim it already holds, so re-importing a file is safe.

A record finds the claim with its `external_ref`; failing that, a claim with no ref
and the same text, subject and event (the oldest, if several). The same text is the same
text folded (claims.transliteration.fold, as `q` and similar claims read it): a re-import
whose Arabic gained vowel marks, or was typed with Persian yeh and kaf, finds its claim.
The candidates are read by the text as given or by phonetic key (`text_key`, one key for
every spelling folding merges; the text as given too, for a claim whose key rescoring has
not written yet) and compared folded. The one-by-one path
asks for one record, the bulk path for a whole batch; both ask here, in two queries.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Q

from claims.models import Claim
from claims.transliteration import fold, skeleton


@dataclass(frozen=True)
class ClaimKey:
    external_ref: str | None
    text: str
    subject_id: int | None
    event_id: int | None

    @property
    def content(self) -> tuple[str, int | None, int | None]:
        return (fold(self.text) or self.text, self.subject_id, self.event_id)


def claims_found(keys: Iterable[ClaimKey]) -> dict[ClaimKey, Claim]:
    """The stored claim each key finds, for the keys that find one."""
    keys = list(keys)
    refs = {key.external_ref for key in keys if key.external_ref}
    by_ref = {claim.external_ref: claim for claim in Claim.objects.filter(external_ref__in=refs)} if refs else {}
    unfound = {key.text for key in keys if key.external_ref not in by_ref}
    by_content: dict[tuple, Claim] = {}
    if unfound:
        spelled = Q(text__in=unfound) | Q(text_key__in={skeleton(text) for text in unfound} - {""})
        # Newest first, so the oldest of several alike is the one kept.
        candidates = Claim.objects.filter(spelled, external_ref__isnull=True).order_by("-id")
        for claim in candidates:
            by_content[(fold(claim.text) or claim.text, claim.subject_id, claim.event_id)] = claim
    found = {}
    for key in keys:
        claim = by_ref.get(key.external_ref) if key.external_ref else None
        claim = claim or by_content.get(key.content)
        if claim is not None:
            found[key] = claim
    return found
