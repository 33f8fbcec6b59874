"""Claims brought to a given review state the way the workflow would bring them there."""

from django.contrib.auth.models import User

from claims.choices import ReviewState
from claims.models import Claim
from claims.services.workflow import claim_transition
from tests.factories import make_claim

# The steps from draft to each state (SPEC §7).
PATHS: dict[str, list[str]] = {
    ReviewState.DRAFT: [],
    ReviewState.IN_REVIEW: ["submit"],
    ReviewState.PUBLISHED: ["submit", "approve"],
    ReviewState.REJECTED: ["submit", "reject"],
    ReviewState.RETRACTED: ["submit", "approve", "retract"],
}


def claim_in(state: str, *, created_by: User | None = None, text: str | None = None) -> Claim:
    """A claim created by `created_by`, moved to `state` by the system (no second user needed)."""
    claim = make_claim(text, by=created_by)
    for step in PATHS[state]:
        claim_transition(claim=claim, step=step, by=None, comment=f"Set up: {step}.")
    return claim
