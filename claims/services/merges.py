"""Reversible merges of duplicate claims (SPEC §15): the same assertion recorded twice, perhaps in
two languages, becomes one.

`claim_merge` moves every row of the merged claim (its appearances, citations, evidence and the
citations its captures suggested, withdrawn ones too) to the survivor, rescores both, and sets the
merged claim's `merged_into`: from then on it leaves every list (Claim.objects.visible_to) and its
address redirects to the survivor. The ClaimMerge row keeps the ids moved, so `claim_unmerge` puts
each of them back exactly. Both are judged in the workflow's order: who may (a reviewer; four
eyes when a published claim is involved: nobody merges claims they wrote part of), then whether
the claims' states allow it (NotAllowed), then the input (InvalidInput). Both write history rows
for every row moved, webhook events on the survivor, and the rescoring's own events.

Chains of merges are refused rather than followed: a claim merged into another cannot take
merges, and a claim others are merged into cannot be merged itself (take them out, or merge them
into the survivor directly), so a merge never closes a cycle and an unmerge always has one
place to put each row back.
"""

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from claims.choices import ReviewState, WebhookEventKind
from claims.errors import Forbidden, InvalidInput, NotAllowed
from claims.fastpath.history_rows import history_copy
from claims.models import Appearance, Citation, Claim, ClaimMerge, StatusEvidence, SuggestedCitation
from claims.roles import REVIEW
from claims.services.persistence import HISTORY_REASON_LENGTH, check_value, require_perm
from claims.services.rescoring import claims_rescore
from claims.services.webhook_events import record_claim_event
from claims.services.workflow import own_part

Requester = AbstractBaseUser | AnonymousUser | None
# What moves with a claim, by the name ClaimMerge.moved keeps its ids under; suggestions keep no history.
MOVED = {"appearances": Appearance, "citations": Citation, "evidence": StatusEvidence}
SUGGESTIONS = "suggestions"


def _check_four_eyes(claims: list[Claim], by: Requester) -> None:
    """A merge or unmerge that touches a published claim is a review decision about it: nobody takes
    it for claims they created or wrote part of (the rule approve follows, workflow.py)."""
    if by is None or not any(c.review_state == ReviewState.PUBLISHED for c in claims):
        return
    found = own_part(claims, by)
    if found is None:
        return
    claim, part = found
    if part is None:
        raise Forbidden(_("Four eyes: you cannot merge a published claim with one you created; another reviewer must."))
    raise Forbidden(
        _("Four eyes: you wrote part of claim %(claim)d (%(what)s); another reviewer must merge these.")
        % {"claim": claim.pk, "what": part}
    )


def _check_reason(reason: str, missing: str) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise InvalidInput(missing, field="reason")
    check_value(ClaimMerge, "reason", reason, named="reason")
    return reason


def _locked(*ids: int) -> dict[int, Claim]:
    """The claims, locked in id order (two merges of the same pair cannot deadlock)."""
    return {c.pk: c for c in Claim.objects.select_for_update().filter(pk__in=ids).order_by("pk")}


def _check_mergeable(merged: Claim, survivor: Claim) -> None:
    if merged.merged_into_id is not None:
        raise NotAllowed(
            _("Claim %(claim)d is already merged into claim %(into)d.")
            % {"claim": merged.pk, "into": merged.merged_into_id}
        )
    if survivor.merged_into_id == merged.pk:
        raise NotAllowed(
            _("Claim %(claim)d is merged into claim %(into)d: this merge would close a cycle.")
            % {"claim": survivor.pk, "into": merged.pk}
        )
    if survivor.merged_into_id is not None:
        raise NotAllowed(
            _("Claim %(claim)d is itself merged into claim %(into)d: merge into that one.")
            % {"claim": survivor.pk, "into": survivor.merged_into_id}
        )
    if Claim.objects.filter(merged_into=merged).exists():
        raise NotAllowed(
            _("Other claims are merged into claim %(claim)d: unmerge them, or merge them into claim %(into)d.")
            % {"claim": merged.pk, "into": survivor.pk}
        )
    for claim in (merged, survivor):
        if claim.review_state == ReviewState.RETRACTED:
            raise NotAllowed(
                _("Claim %(claim)d is retracted: it is kept as it was, and takes no merge.") % {"claim": claim.pk}
            )


def _move(ids: dict[str, list[int]], to: Claim, *, by: Requester, reason: str) -> None:
    now = timezone.now()
    for name, model in MOVED.items():
        if ids[name]:
            # Rows synced by `updated_at` (appearances, evidence) say they changed.
            stamp = {"updated_at": now} if any(f.name == "updated_at" for f in model._meta.fields) else {}
            model.objects.filter(pk__in=ids[name]).update(claim=to, **stamp)
            history_copy(model, ids[name], by=_user(by), history_type="~", reasons=[reason] * len(ids[name]))
    SuggestedCitation.objects.filter(pk__in=ids[SUGGESTIONS]).update(claim=to)


def _rows_of(claim: Claim) -> dict[str, list[int]]:
    rows = {name: list(model.objects.filter(claim=claim).order_by("pk").values_list("pk", flat=True))
            for name, model in MOVED.items()}  # fmt: skip
    rows[SUGGESTIONS] = list(SuggestedCitation.objects.filter(claim=claim).order_by("pk").values_list("pk", flat=True))
    return rows


def _save_claim(claim: Claim, *, by: Requester, reason: str) -> None:
    claim._history_user = _user(by)
    claim._change_reason = Truncator(reason).chars(HISTORY_REASON_LENGTH)
    claim.save(update_fields=["merged_into", "updated_at"])


@transaction.atomic
def claim_merge(*, claim: Claim, into: Claim, reason: str, by: Requester = None) -> ClaimMerge:
    """Merge `claim` into `into`, the survivor; returns the merge, which `claim_unmerge` undoes."""
    require_perm(by, REVIEW)
    if claim.pk == into.pk:
        raise InvalidInput(_("A claim cannot be merged into itself."), field="into")
    locked = _locked(claim.pk, into.pk)
    merged, survivor = locked[claim.pk], locked[into.pk]
    _check_four_eyes([merged, survivor], by)
    _check_mergeable(merged, survivor)
    reason = _check_reason(reason, _("A reason for the merge is required."))
    moved = _rows_of(merged)
    _move(moved, survivor, by=by, reason=f"merged from claim {merged.pk} into claim {survivor.pk}")
    merged.merged_into = survivor
    _save_claim(merged, by=by, reason=f"merged into claim {survivor.pk}: {reason}")
    merge = ClaimMerge.objects.create(merged=merged, survivor=survivor, reason=reason, moved=moved, merged_by=_user(by))
    claims_rescore(claim_ids=[merged.pk, survivor.pk])
    record_claim_event(claim_id=survivor.pk, kind=WebhookEventKind.MERGED, changes={"merged": (None, merged.pk)})
    return merge


def _crossing(merge: ClaimMerge) -> str | None:
    """A row written after the merge that ties a row to be put back to one that stays: put back,
    it would join two claims (a citation between their appearances, evidence citing the other's)."""
    going = merge.moved.get("appearances", [])
    moved_citations, moved_evidence = set(merge.moved.get("citations", [])), set(merge.moved.get("evidence", []))
    citations = Citation.objects.filter(claim=merge.survivor).filter(Q(citing__in=going) | Q(cited__in=going))
    for citation in citations.exclude(pk__in=moved_citations).only("pk"):
        return f"citation {citation.pk}, recorded after the merge, links appearances that would part"
    evidence = StatusEvidence.objects.filter(claim=merge.survivor, appearance__in=going).exclude(pk__in=moved_evidence)
    for row in evidence.only("pk"):
        return f"evidence {row.pk}, recorded after the merge, cites an appearance that would leave"
    staying_evidence = StatusEvidence.objects.filter(pk__in=moved_evidence).exclude(appearance__isnull=True)
    for row in staying_evidence.exclude(appearance__in=going).only("pk"):
        return f"evidence {row.pk} now cites an appearance that stays with claim {merge.survivor_id}"
    return None


@transaction.atomic
def claim_unmerge(*, claim: Claim, reason: str, by: Requester = None) -> ClaimMerge:
    """Undo the open merge of `claim`: every row it brought goes back to it, and it is listed again."""
    require_perm(by, REVIEW)
    merge = ClaimMerge.objects.filter(merged=claim, unmerged_at__isnull=True).first()
    if merge is None:
        raise NotAllowed(_("Claim %(claim)d is not merged into another claim.") % {"claim": claim.pk})
    locked = _locked(claim.pk, merge.survivor_id)
    merged, survivor = locked[claim.pk], locked[merge.survivor_id]
    _check_four_eyes([merged, survivor], by)
    if survivor.review_state == ReviewState.RETRACTED:
        raise NotAllowed(
            _("Claim %(claim)d is retracted: it is kept as it was, rows and all.") % {"claim": survivor.pk}
        )
    crossing = _crossing(merge)
    if crossing is not None:
        raise NotAllowed(_("Cannot unmerge: %(row)s. Withdraw it first.") % {"row": crossing})
    reason = _check_reason(reason, _("A reason for the unmerge is required."))
    check_value(ClaimMerge, "unmerge_reason", reason, named="reason")
    _move(merge.moved, merged, by=by, reason=f"unmerged: back from claim {survivor.pk} to claim {merged.pk}")
    merged.merged_into = None
    _save_claim(merged, by=by, reason=f"unmerged from claim {survivor.pk}: {reason}")
    merge.unmerged_at, merge.unmerged_by, merge.unmerge_reason = timezone.now(), _user(by), reason
    merge.save(update_fields=["unmerged_at", "unmerged_by", "unmerge_reason"])
    claims_rescore(claim_ids=[merged.pk, survivor.pk])
    record_claim_event(claim_id=survivor.pk, kind=WebhookEventKind.UNMERGED, changes={"merged": (merged.pk, None)})
    return merge


def _user(by: Requester) -> AbstractBaseUser | None:
    return by if by is not None and by.is_authenticated else None
