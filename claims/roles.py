"""Who may do what: Django permissions, which the editorial roles grant.

The roles of SPEC §7 are Django groups (migration 0003_roles), each a bundle of
model permissions. Every decision reads the permissions, never the group names:
a user given a permission directly, or a group whose permissions are changed, is
judged the same by the services, the web UI, the admin and the API. What to
offer a user is asked of the services (claims/services/abilities.py), which
answer from the same permission strings they enforce.
"""

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db.models import QuerySet

# Group names, for the migration that creates the roles and the demo users.
EDITOR = "editor"
REVIEWER = "reviewer"

# Seeing claims before they are published, and rows after they are withdrawn, is the
# newsroom's: the view permission on claims, which both roles grant. Everyone without
# it — anonymous visitors, API tokens of users in no group — is a consumer (SPEC §7).
SEES_UNPUBLISHED = "claims.view_claim"
# Approving, rejecting and retracting claims (the workflow's steps); its holders also oversee
# everyone's work: every background job, capture and webhook subscription (`own_or_all`).
REVIEW = "claims.review_claim"

User = AbstractBaseUser | AnonymousUser


def may(user: User | None, permission: str) -> bool:
    """Whether the user holds the permission (superusers hold all; inactive users none)."""
    if user is None or not getattr(user, "is_active", False):
        return False
    return user.has_perm(permission)


def is_newsroom(user: User | None) -> bool:
    """Editors, reviewers and superusers see every claim; everyone else is a consumer."""
    return may(user, SEES_UNPUBLISHED)


def oversees_all_work(user: User | None) -> bool:
    """Reviewers and superusers see everyone's jobs, captures and webhook subscriptions."""
    return may(user, REVIEW)


def own_or_all(rows: QuerySet, user: User | None, *, owner: str) -> QuerySet:
    """The one rule for a user's own records (jobs, subscriptions): each active user sees their own
    (`owner` names the field holding who it is), and those who oversee all work see every one."""
    if oversees_all_work(user):
        return rows
    if user is None or not user.is_authenticated or not user.is_active:
        return rows.none()
    return rows.filter(**{owner: user})
