"""A reviewer's word on a learned dependence (SPEC §17): confirmed, it becomes recorded dependence
(the two outlets are one voice in every claim, like a shared patron), with who and why; dismissed,
it discounts nothing and is not suggested again until the corpus brings new evidence
(claims/services/dependence_weighing.py `has_new_evidence`). Either moves the claims the two
outlets carry, which are rescored on the fan-out path."""

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from claims.choices import DependenceState
from claims.errors import InvalidInput, NotAllowed
from claims.models import Job, OutletDependence
from claims.services.persistence import require_perm
from claims.services.score_refresh import claims_refresh_scores

# Who judges how far an outlet is trusted judges whether it copies another.
REVIEW_DEPENDENCE = "claims.set_outlet_reliability"
NOTE_LENGTH = 2000


def _note(reason: str, *, required: bool) -> str:
    note = (reason or "").strip()
    if required and not note:
        raise InvalidInput(
            _("Say why the two outlets are dependent: the reason is recorded with the pair."), field="reason"
        )
    if len(note) > NOTE_LENGTH:
        raise InvalidInput(_("The reason is at most %(limit)d characters.") % {"limit": NOTE_LENGTH}, field="reason")
    return note


def _decide(pair: OutletDependence, *, state: str, note: str, by: AbstractBaseUser | None) -> OutletDependence:
    row = OutletDependence.objects.select_for_update().select_related("first", "second").get(pk=pair.pk)
    if row.state == state:
        raise NotAllowed(_("This pair is %(state)s already.") % {"state": str(row.get_state_display()).lower()})
    weighed_before = row.discount or row.state == DependenceState.CONFIRMED
    row.state, row.review_note, row.reviewed_at = state, note, timezone.now()
    row.reviewed_by = by if by is not None and by.is_authenticated else None
    if state == DependenceState.DISMISSED:
        row.dismissed_shared, row.dismissed_denied = row.shared_claims, row.shared_denied
    row.discount = 0
    row._change_reason = note[:100]  # the history says why (in short), beside who
    if row.reviewed_by is not None:
        row._history_user = row.reviewed_by
    row.save()
    if weighed_before or state == DependenceState.CONFIRMED:
        row.rescoring = claims_refresh_scores(
            reason=f"{row.outlet} and {row.depends_on}: a learned dependence was {state} by a reviewer",
            outlet_ids=[row.first_id],
            names_changed=False,
            by=by,
        )
    return row


@transaction.atomic
def dependence_confirm(*, pair: OutletDependence, reason: str, by: AbstractBaseUser | None) -> OutletDependence:
    """Record that the likely copier depends on its source, `reason` saying why."""
    require_perm(by, REVIEW_DEPENDENCE)
    return _decide(pair, state=DependenceState.CONFIRMED, note=_note(reason, required=True), by=by)


@transaction.atomic
def dependence_dismiss(*, pair: OutletDependence, reason: str = "", by: AbstractBaseUser | None) -> OutletDependence:
    """Say the two are not dependent: suggested no more without new evidence."""
    require_perm(by, REVIEW_DEPENDENCE)
    return _decide(pair, state=DependenceState.DISMISSED, note=_note(reason, required=False), by=by)


def rescoring_job(pair: OutletDependence) -> Job | None:
    return getattr(pair, "rescoring", None)
