"""Triage of the inbox (SPEC §16): an item is attached to a claim, made into a new claim, or dismissed.

Each is a decision about an appearance, so it takes the permission to add one (editors); each
is taken once (an item decided already answers NotAllowed, 409, whoever decided it), and each
is in the item's history with who took it. Attaching and claiming capture the item's page
(claims/services/captures.py) for the claim: the snapshot, its metadata, the suggested
citations, and the appearance of the outlet whose feed announced it, dated by the page or,
when it gives no date, by the feed.
"""

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from claims.choices import InboxState
from claims.errors import InvalidInput, NotAllowed
from claims.models import Claim, InboxItem
from claims.services import appearances as appearance_services
from claims.services.captures import capture_request
from claims.services.claims import claim_create
from claims.services.persistence import require_perm

PERMISSION = appearance_services.ADD
REASON_LENGTH = 500
NO_REASON = "Dismissed without a reason."


def _still_new(item: InboxItem) -> InboxItem:
    """The item under its row's lock; NotAllowed if it was decided already."""
    locked = InboxItem.objects.select_for_update().select_related("outlet").get(pk=item.pk)
    if locked.state != InboxState.NEW:
        raise NotAllowed(
            _("This item was decided already: %(state)s.") % {"state": str(locked.get_state_display()).lower()}
        )
    return locked


def _decide(item: InboxItem, *, by: AbstractBaseUser | None, state: str, **fields: object) -> InboxItem:
    """Move a new item to `state`."""
    locked = _still_new(item)
    for name, value in fields.items():
        setattr(locked, name, value)
    locked.state, locked.decided_at = state, timezone.now()
    locked.decided_by = by if by is not None and by.is_authenticated else None
    locked._history_user = locked.decided_by
    locked.save()
    return locked


def _capture(item: InboxItem, claim: Claim, by: AbstractBaseUser | None) -> object:
    published = item.published_at.date() if item.published_at else None
    return capture_request(url=item.url, claim=claim, by=by, outlet=item.outlet, published_on=published)


@transaction.atomic
def inbox_attach(*, item: InboxItem, claim: Claim, by: AbstractBaseUser | None) -> InboxItem:
    """The item's page captured into an appearance of its outlet on the claim."""
    require_perm(by, PERMISSION)
    decided = _decide(item, by=by, state=InboxState.ATTACHED, claim=claim)
    decided.capture = _capture(decided, claim, by)
    decided.save(update_fields=["capture"])
    return decided


@transaction.atomic
def inbox_new_claim(*, item: InboxItem, by: AbstractBaseUser | None, **claim_fields: object) -> InboxItem:
    """A new claim (the fields of `claim_create`) from the item, which becomes its first appearance."""
    require_perm(by, PERMISSION)
    _still_new(item)  # before the claim is made: a decided item makes none
    claim = claim_create(by=by, **claim_fields)
    decided = _decide(item, by=by, state=InboxState.CLAIMED, claim=claim)
    decided.capture = _capture(decided, claim, by)
    decided.save(update_fields=["capture"])
    return decided


@transaction.atomic
def inbox_dismiss(*, item: InboxItem, reason: str = "", by: AbstractBaseUser | None) -> InboxItem:
    """Not for us: the item leaves the new items, with the reason (or that none was given)."""
    require_perm(by, PERMISSION)
    reason = " ".join(str(reason or "").split())
    if len(reason) > REASON_LENGTH:
        raise InvalidInput(_("reason: at most %(limit)d characters.") % {"limit": REASON_LENGTH}, field="reason")
    return _decide(item, by=by, state=InboxState.DISMISSED, dismiss_reason=reason or NO_REASON)
