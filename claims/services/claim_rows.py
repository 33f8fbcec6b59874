"""The one guard of every write of a claim's rows: its appearances, citations and evidence.

Every writer of those rows — create, update and withdraw of each, the capture that records an
appearance, the suggestion that becomes a citation, the import — calls `claim_rows_guard` in its
own transaction before it checks or writes anything else. The guard

1. refuses a move of the row to another claim (a row belongs to one claim for good: withdraw
   it and record a new one);
2. locks the claim's row. Every writer of the claim's rows takes this lock, and so does the
   workflow (claims/services/workflow.py `_move`), so writes to one claim's chain run one at a
   time: two citations cannot each pass the cycle check and together close a cycle, and a row
   cannot be written while the claim is being retracted;
3. refuses a retracted claim (read under the lock: the caller's copy may be older than a
   retraction);
4. refuses a withdrawn row, and reads the row again under the lock, so that an update applies
   its changes to the row as it now is rather than to a copy read before another write.

Each refusal is a FrozenRow (NotAllowed: 409 in the API, the message on the form in the web UI
and the admin), and nothing has been written when it is raised.
"""

from django.db.models import Model
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from claims.choices import ReviewState
from claims.errors import FrozenRow
from claims.models import Claim
from claims.services.persistence import noun_of

RETRACTED = gettext_lazy(
    "This claim is retracted; it is kept as it was: neither it nor its appearances, citations and evidence can change."
)


def _noun(row: Model) -> str:
    return noun_of(row)


def _refuse_move(row: Model | None, changes: dict | None, claim_id: int) -> None:
    if not changes or "claim" not in changes:
        return
    moved_to = changes.pop("claim")
    if getattr(moved_to, "pk", moved_to) != claim_id:
        noun = _noun(row) if row is not None else _("row")
        raise FrozenRow(
            _(
                "This %(noun)s belongs to claim %(claim)s and cannot move to another claim; "
                "withdraw it and record a new one."
            )
            % {"noun": noun, "claim": claim_id},
            field="claim",
        )


def claim_rows_guard(*, claim_id: int, row: Model | None = None, changes: dict | None = None) -> Claim:
    """Lock the claim whose rows are written and return it; refuse the write (FrozenRow) if the
    claim is retracted, if `row` (the row updated or withdrawn) is withdrawn, or if `changes` would
    move it to another claim. `changes` loses its "claim" key: where a row belongs is not a change.
    Call it inside the writer's transaction: the lock holds until that commits."""
    _refuse_move(row, changes, claim_id)
    claim = Claim.objects.select_for_update().get(pk=claim_id)
    if claim.review_state == ReviewState.RETRACTED:
        raise FrozenRow(str(RETRACTED))
    if row is not None:
        row.refresh_from_db()
        if row.withdrawn_at is not None:
            said = {"noun": _noun(row), "day": f"{row.withdrawn_at:%Y-%m-%d}"}
            raise FrozenRow(
                _("This %(noun)s was already withdrawn (%(day)s); a withdrawn %(noun)s cannot change.") % said
            )
    return claim
