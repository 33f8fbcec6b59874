"""The review workflow (SPEC §7): the only code that moves a claim's review state.

    draft ──submit──▶ in_review ──approve──▶ published ──retract──▶ retracted
                         ▲  │                          (reason required)
                  submit │  │ reject (comment required)
                         │  ▼
                       rejected

A request is judged in a fixed order, so every interface gives the same answer:
who may do it (Forbidden: the permission, then four eyes), then whether the
claim's state allows it now (NotAllowed), then the input (InvalidInput: the
comment or reason). Forbidden means "never, whatever the state"; NotAllowed
"not now"; InvalidInput "now, but say why".
"""

from dataclasses import dataclass, field

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db import transaction
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from claims.choices import ReviewState
from claims.errors import DomainError, Forbidden, InvalidInput, NotAllowed
from claims.fastpath.bulk_rows import bulk_insert
from claims.fastpath.history_rows import history_copy
from claims.models import Claim, ReviewTransition
from claims.roles import REVIEW, may
from claims.selectors.authorship import claim_contributions
from claims.services.claims import CHANGE
from claims.services.persistence import HISTORY_REASON_LENGTH, check_value, require_perm
from claims.services.webhook_events import REVIEW_EVENTS, ClaimChange, record_claim_change, record_claim_changes

# Who asks: a user (perhaps anonymous), or None for the system itself.
Requester = AbstractBaseUser | AnonymousUser | None


@dataclass(frozen=True)
class Step:
    name: str
    sources: tuple[str, ...]
    target: str
    permission: str
    needs_comment: str | None = None

    @property
    def label(self) -> str:
        """The step as its button names it, in the reader's language."""
        return str(STEP_LABELS.get(self.name, self.name.capitalize()))


STEP_LABELS = {
    "submit": gettext_lazy("Submit"),
    "approve": gettext_lazy("Approve"),
    "reject": gettext_lazy("Reject"),
    "retract": gettext_lazy("Retract"),
}


SUBMIT = Step("submit", (ReviewState.DRAFT, ReviewState.REJECTED), ReviewState.IN_REVIEW, CHANGE)
APPROVE = Step("approve", (ReviewState.IN_REVIEW,), ReviewState.PUBLISHED, REVIEW)
REJECT = Step("reject", (ReviewState.IN_REVIEW,), ReviewState.REJECTED, REVIEW, "comment")
RETRACT = Step("retract", (ReviewState.PUBLISHED,), ReviewState.RETRACTED, REVIEW, "reason")
STEPS = {step.name: step for step in (SUBMIT, APPROVE, REJECT, RETRACT)}
# How a claim loaded by the system (an import) reaches the review state its file gives.
LOADED_PATHS = {
    ReviewState.DRAFT: (),
    ReviewState.IN_REVIEW: (SUBMIT,),
    ReviewState.PUBLISHED: (SUBMIT, APPROVE),
    ReviewState.REJECTED: (SUBMIT, REJECT),
    ReviewState.RETRACTED: (SUBMIT, APPROVE, RETRACT),
}


def _check_requester(step: Step, claim: Claim, by: Requester, contributed: dict[int, str] | None = None) -> None:
    """`contributed` is what `claim_contributions` says of this user, if already read."""
    # by=None is the system itself (seed loading, imports), as everywhere in the services.
    if by is None:
        return
    require_perm(by, step.permission)
    if step is not APPROVE:
        return
    found = own_part([claim], by, contributed)
    if found is None:
        return
    if found[1] is None:
        raise Forbidden(_("Four eyes: you cannot approve a claim you created; another reviewer must."))
    raise Forbidden(
        _("Four eyes: you cannot approve a claim you wrote part of (%(part)s); another reviewer must.")
        % {"part": found[1]}
    )


def own_part(
    claims: list[Claim], by: AbstractBaseUser, contributed: dict[int, str] | None = None
) -> tuple[Claim, str | None] | None:
    """The four-eyes rule's finding, which each decision (approve, merge) words for itself: the first of
    these claims the user created (with None), else the first they wrote part of (with how), else None.
    `contributed` is what `claim_contributions` says of this user, if already read."""
    for claim in claims:
        if claim.created_by_id is not None and claim.created_by_id == by.pk:
            return claim, None
    if contributed is None:
        contributed = claim_contributions([claim.pk for claim in claims], by.pk)
    for claim in claims:
        if claim.pk in contributed:
            return claim, contributed[claim.pk]
    return None


def _check_state(step: Step, claim: Claim) -> None:
    if claim.review_state not in step.sources:
        allowed = _(" or ").join(str(ReviewState(source).label).lower() for source in step.sources)
        current = str(ReviewState(claim.review_state).label).lower()
        said = {"step": str(step.label).lower(), "current": current, "allowed": allowed}
        raise NotAllowed(_("Cannot %(step)s a claim that is %(current)s; only a claim that is %(allowed)s.") % said)


# What a step cannot go without, said for the step it is missing from.
REQUIRED = {
    "comment": gettext_lazy("A comment is required to %(step)s a claim."),
    "reason": gettext_lazy("A reason is required to %(step)s a claim."),
}


def _check_comment(step: Step, comment: str) -> None:
    name = step.needs_comment or "comment"  # what the interfaces call it: a retraction's is its reason
    if step.needs_comment and not comment:
        raise InvalidInput(REQUIRED[name] % {"step": str(step.label).lower()}, field=name)
    check_value(ReviewTransition, "comment", comment, named=name)


def _history_reason(step: Step, comment: str) -> str:
    """The step and its comment as the claim's history row gives them, cut to the length that column
    holds (django-simple-history's, 100 characters); the transition keeps the whole comment."""
    reason = f"{step.name}: {comment}" if comment else step.name
    return Truncator(reason).chars(HISTORY_REASON_LENGTH)


def steps_for_claims(claims: list[Claim], user: Requester) -> dict[int, list[Step]]:
    """The steps this user may take on each claim in its current state (comment aside).

    What the user wrote of the claims is read once for all of them, and only where an
    approval is in question, so a page of claims costs the same few queries as one."""
    can_approve = [claim.pk for claim in claims if claim.review_state in APPROVE.sources]
    asks = can_approve and may(user, APPROVE.permission)
    contributed = claim_contributions(can_approve, user.pk) if asks else {}
    available: dict[int, list[Step]] = {}
    for claim in claims:
        available[claim.pk] = []
        for step in STEPS.values():
            try:
                _check_state(step, claim)
                _check_requester(step, claim, user, contributed)
            except DomainError:
                continue
            available[claim.pk].append(step)
    return available


def steps_for(claim: Claim, user: Requester) -> list[Step]:
    """The steps this user may take on the claim in its current state (comment aside)."""
    return steps_for_claims([claim], user)[claim.pk]


def _move(step: Step, *, claim: Claim, by: Requester, comment: str = "") -> Claim:
    comment = (comment or "").strip()
    _check_requester(step, claim, by)
    # The row lock serialises transitions of one claim: when two reviewers approve at
    # once, the second waits here, then reads "published" and gets NotAllowed. SQLite
    # has no row locks; there every transaction takes the write lock at BEGIN
    # (transaction_mode IMMEDIATE in settings), which serialises the same way.
    locked = Claim.objects.select_for_update().get(pk=claim.pk)
    _check_state(step, locked)
    _check_comment(step, comment)
    source = locked.review_state
    locked.review_state = step.target
    locked._history_user = by
    locked._change_reason = _history_reason(step, comment)
    locked.save(update_fields=["review_state", "updated_at"])
    ReviewTransition.objects.create(claim=locked, from_state=source, to_state=step.target, by=by, comment=comment)
    if step.target in REVIEW_EVENTS:
        record_claim_change(claim_id=locked.pk, moved={"review_state": (source, step.target)})
    claim.review_state, claim.updated_at = locked.review_state, locked.updated_at
    return claim


@transaction.atomic
def claim_submit(*, claim: Claim, by: Requester = None, comment: str = "") -> Claim:
    return _move(SUBMIT, claim=claim, by=by, comment=comment)


@transaction.atomic
def claim_approve(*, claim: Claim, by: Requester = None, comment: str = "") -> Claim:
    return _move(APPROVE, claim=claim, by=by, comment=comment)


@transaction.atomic
def claim_reject(*, claim: Claim, comment: str, by: Requester = None) -> Claim:
    return _move(REJECT, claim=claim, by=by, comment=comment)


@transaction.atomic
def claim_retract(*, claim: Claim, reason: str, by: Requester = None) -> Claim:
    return _move(RETRACT, claim=claim, by=by, comment=reason)


def claim_transition(*, claim: Claim, step: str, by: Requester, comment: str = "") -> Claim:
    """Take the named step: one entry point for interfaces that route by name (admin, API)."""
    if step not in STEPS:
        raise InvalidInput(
            _("Unknown review step %(step)r; one of: %(steps)s.") % {"step": step, "steps": ", ".join(STEPS)},
            field="step",
        )
    with transaction.atomic():
        return _move(STEPS[step], claim=claim, by=by, comment=comment)


@transaction.atomic
def claim_publish_imported(*, claim: Claim, comment: str) -> Claim:
    """Bring a claim loaded by the system (the seeds) straight to published.

    There is no second pair of eyes in a bulk load; the transitions are still
    recorded, with no user and the given comment, so the record says so.
    """
    if claim.review_state == ReviewState.DRAFT:
        claim = _move(SUBMIT, claim=claim, by=None, comment=comment)
    if claim.review_state == ReviewState.IN_REVIEW:
        claim = _move(APPROVE, claim=claim, by=None, comment=comment)
    return claim


def loaded_path(target: str) -> tuple[Step, ...]:
    """The steps that bring a new draft to `target` when it is loaded (an import)."""
    if target not in LOADED_PATHS:
        raise InvalidInput(
            _("Unknown review state %(state)r; one of: %(states)s.")
            % {"state": target, "states": ", ".join(ReviewState.values)}
        )
    return LOADED_PATHS[target]


def check_loaded_path(*, claim: Claim, target: str, by: Requester) -> None:
    """Refuse (Forbidden) a path to `target` that `by` may not take the new claim along, before any
    step is taken: each step's permission, and four eyes, judged as each step judges them. A user's
    own new claim never comes out published or retracted (approving it would be approving one's
    own claim); an editor's cannot be rejected either (the reviewer's step). The system (`by=None`,
    `manage.py import_claims`) takes any path."""
    for step in loaded_path(target):
        _check_requester(step, claim, by)


def claim_load_to(*, claim: Claim, target: str, comment: str, reason: str, by: Requester = None) -> Claim:
    """Take a new claim that is being loaded to `target`, one recorded step at a time, as `by`
    (None: the system, whose steps are recorded with no user).

    Steps that need a comment (reject, retract) take `reason`; the others `comment`.
    """
    check_loaded_path(claim=claim, target=target, by=by)
    for step in loaded_path(target):
        claim = _move(step, claim=claim, by=by, comment=reason if step.needs_comment else comment)
    return claim


@dataclass
class LoadedSteps:
    """The review steps of claims loaded in bulk, taken in memory and waiting to be recorded."""

    by: Requester = None
    transitions: list[ReviewTransition] = field(default_factory=list)
    # After each claim's n-th step: the claims, the state each reached and the step's history reason.
    rounds: list[tuple[list[Claim], list[str], list[str]]] = field(default_factory=list)


def claims_load_to_bulk(*, claims: list[tuple[Claim, str, str, str]], by: Requester = None) -> LoadedSteps:
    """`claim_load_to` for many new drafts not yet written: (claim, target, comment, reason) each.

    The same steps and checks, taken in memory: each claim is left in its target state, to be
    written in it once; `claims_record_loaded_steps` records the steps after the claims are written.
    """
    loaded = LoadedSteps(by=by)
    for claim, target, comment, reason in claims:
        check_loaded_path(claim=claim, target=target, by=by)
        for number, step in enumerate(loaded_path(target)):
            said = (reason if step.needs_comment else comment).strip()
            _check_state(step, claim)
            _check_comment(step, said)
            loaded.transitions.append(
                ReviewTransition(claim=claim, from_state=claim.review_state, to_state=step.target, by=by, comment=said)
            )
            claim.review_state = step.target
            if len(loaded.rounds) <= number:
                loaded.rounds.append(([], [], []))
            claims_then, states, reasons = loaded.rounds[number]
            claims_then.append(claim)
            states.append(step.target)
            reasons.append(_history_reason(step, said))
    return loaded


def claims_record_loaded_steps(*, loaded: LoadedSteps) -> None:
    """The transitions, and one history row per step holding the state it reached (the claims
    are stored in their last one), in a few statements."""
    by = loaded.by if loaded.by is not None and loaded.by.is_authenticated else None
    bulk_insert(ReviewTransition, loaded.transitions, by=by, history=False)
    # A claim loaded as published is news to subscribers, as one approved in the newsroom is.
    record_claim_changes(
        [
            ClaimChange(t.claim.pk, {"review_state": (t.from_state, t.to_state)})
            for t in loaded.transitions
            if t.to_state == ReviewState.PUBLISHED and t.claim.review_state == ReviewState.PUBLISHED
        ]
    )
    for claims, states, reasons in loaded.rounds:
        ids = [claim.pk for claim in claims]
        history_copy(Claim, ids, by=by, history_type="~", reasons=reasons, overrides={"review_state": states})
