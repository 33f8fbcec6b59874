"""How an import finds a claim it already holds, so re-importing a file is safe.

A record finds the claim with its `external_ref`; failing that, a claim with no ref
and the same text, subject and event (the oldest, if several). The one-by-one path
asks for one record, the bulk path for a whole batch; both ask here, in two queries.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from claims.models import Claim


@dataclass(frozen=True)
class ClaimKey:
    external_ref: str | None
    text: str
    subject_id: int | None
    event_id: int | None

    @property
    def content(self) -> tuple[str, int | None, int | None]:
        return (self.text, self.subject_id, self.event_id)


def claims_found(keys: Iterable[ClaimKey]) -> dict[ClaimKey, Claim]:
    """The stored claim each key finds, for the keys that find one."""
    keys = list(keys)
    refs = {key.external_ref for key in keys if key.external_ref}
    by_ref = {claim.external_ref: claim for claim in Claim.objects.filter(external_ref__in=refs)} if refs else {}
    unfound = {key.text for key in keys if key.external_ref not in by_ref}
    by_content: dict[tuple, Claim] = {}
    if unfound:
        # Newest first, so the oldest of several alike is the one kept.
        for claim in Claim.objects.filter(external_ref__isnull=True, text__in=unfound).order_by("-id"):
            by_content[(claim.text, claim.subject_id, claim.event_id)] = claim
    found = {}
    for key in keys:
        claim = by_ref.get(key.external_ref) if key.external_ref else None
        claim = claim or by_content.get(key.content)
        if claim is not None:
            found[key] = claim
    return found
