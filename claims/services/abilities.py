"""What a user may do, for the interfaces to offer it: asked of the services, answered by the
permissions the services themselves enforce.

The web UI and the admin show a form or a button only when the service would let the user
through; the service still judges every request. Both read the same permission strings
(each service module's ADD / CHANGE, the workflow's steps, the outlet fields'
`field_permission`), so an offer and a refusal can never disagree.
"""

from dataclasses import dataclass

from claims.models import Claim
from claims.roles import User, is_newsroom, may, oversees_all_work
from claims.services import appearances, citations, evidence, imports
from claims.services import claims as claim_services
from claims.services.claims import claim_is_editable
from claims.services.feeds import ADD as ADD_FEED
from claims.services.inbox_triage import PERMISSION as INBOX_TRIAGE
from claims.services.workflow import REVIEW, Step, steps_for


@dataclass(frozen=True)
class ClaimActions:
    """What the user may do to one claim now: which rows they may add, which review steps take."""

    add_appearance: bool
    add_citation: bool
    add_evidence: bool
    steps: list[Step]

    @property
    def adds(self) -> dict[str, bool]:
        return {"appearance": self.add_appearance, "citation": self.add_citation, "evidence": self.add_evidence}


def claim_actions_for(user: User | None, claim: Claim) -> ClaimActions:
    open_to_edits = claim_is_editable(claim)
    return ClaimActions(
        add_appearance=open_to_edits and may(user, appearances.ADD),
        add_citation=open_to_edits and may(user, citations.ADD),
        add_evidence=open_to_edits and may(user, evidence.ADD),
        steps=steps_for(claim, user),
    )


def can_create_claims(user: User | None) -> bool:
    return may(user, claim_services.ADD)


def can_capture(user: User | None) -> bool:
    """Capture a page from its URL (it records an appearance): the captures page is theirs."""
    return may(user, appearances.ADD)


def sees_captures(user: User | None) -> bool:
    """Whose captures page has something for them: those who capture, and those who oversee all work."""
    return can_capture(user) or oversees_all_work(user)


def can_import(user: User | None) -> bool:
    """Upload a file of claims (the import page, POST /api/v1/imports/)."""
    return may(user, imports.IMPORT)


def can_review(user: User | None) -> bool:
    """Approve, reject and retract: the reviewer's desk (the review queue)."""
    return may(user, REVIEW)


def role_names(user: User | None) -> list[str]:
    """The roles the user acts in, by what they may do: "editor" records claims, "reviewer" reviews."""
    return [name for name, has in (("editor", can_create_claims(user)), ("reviewer", can_review(user))) if has]


def sees_inbox(user: User | None) -> bool:
    """The inbox of monitored feeds is the newsroom's (SPEC §16)."""
    return is_newsroom(user)


def can_triage(user: User | None) -> bool:
    """Attach, dismiss or make a claim of an inbox item (claims/services/inbox_triage.py)."""
    return may(user, INBOX_TRIAGE)


def can_add_feeds(user: User | None) -> bool:
    """Add, pause or poll an outlet's feeds (claims/services/feeds.py)."""
    return may(user, ADD_FEED)
