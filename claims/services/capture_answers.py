"""What a person answers a capture that waits (claims/services/captures.py): its outlet, or its claim.

Each answer goes on with the capture in the request, as its job would have: the appearance is
recorded, or the capture waits for what is still missing. A refusal — the appearance's rules, a
name an outlet we hold has already — is the person's to see (400), and the capture waits still.
"""

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils.translation import gettext as _

from claims.choices import CaptureState
from claims.errors import InvalidInput, NotAllowed
from claims.models import Capture, Claim, Outlet
from claims.services import appearances as appearance_services
from claims.services.captures import CaptureFailed, answered
from claims.services.claim_rows import claim_rows_guard
from claims.services.outlets import outlet_create
from claims.services.persistence import require_perm


class CaptureStateError(NotAllowed):
    def __init__(self, capture: Capture) -> None:
        super().__init__(
            _("This capture does not wait for that (it is: %(status)s).")
            % {"status": str(capture.get_status_display()).lower()}
        )


def _locked(capture: Capture) -> Capture:
    return Capture.objects.select_for_update(of=("self",)).select_related("claim", "snapshot", "job").get(pk=capture.pk)


@transaction.atomic
def capture_choose_outlet(
    *, capture: Capture, by: AbstractBaseUser | None, outlet: Outlet | None = None, name: str = ""
) -> Capture:
    """The outlet of a capture no outlet's domain matched: an existing one, or the new one the page
    proposes (its name as the editor confirms it); then the capture goes on."""
    capture = _locked(capture)
    if capture.state != CaptureState.NEEDS_OUTLET:
        raise CaptureStateError(capture)
    if outlet is None:
        proposed = {**capture.proposed_outlet, **({"name": name} if name.strip() else {})}
        outlet = outlet_create(by=by, **proposed)
    capture.outlet = outlet
    _go_on(capture, by)
    return capture


@transaction.atomic
def capture_attach_claim(*, capture: Capture, claim: Claim, by: AbstractBaseUser | None) -> Capture:
    """The claim a capture made from the new-claim form reports; the appearance is then recorded."""
    require_perm(by, appearance_services.ADD)
    claim_rows_guard(claim_id=claim.pk)
    capture = _locked(capture)
    if capture.state not in (CaptureState.NEEDS_CLAIM, CaptureState.NEEDS_OUTLET) or capture.claim_id:
        raise CaptureStateError(capture)
    capture.claim = claim
    _go_on(capture, by)
    return capture


def _go_on(capture: Capture, by: AbstractBaseUser | None) -> None:
    try:
        answered(capture, by)
    except CaptureFailed as failed:
        raise InvalidInput(failed.message) from failed
