"""The editorial roles: Django groups created by a data migration."""

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser

EDITOR = "editor"
REVIEWER = "reviewer"
STAFF_GROUPS = (EDITOR, REVIEWER)

User = AbstractBaseUser | AnonymousUser


def _group_names(user: User) -> set[str]:
    if not getattr(user, "is_authenticated", False):
        return set()
    cached = getattr(user, "_provenance_groups", None)
    if cached is None:
        cached = set(user.groups.values_list("name", flat=True))
        user._provenance_groups = cached
    return cached


def is_newsroom(user: User | None) -> bool:
    """Editors, reviewers and superusers see every claim; everyone else is a consumer."""
    if user is None:
        return False
    if getattr(user, "is_superuser", False):
        return True
    return bool(_group_names(user) & set(STAFF_GROUPS))


def is_reviewer(user: User | None) -> bool:
    if user is None:
        return False
    return getattr(user, "is_superuser", False) or REVIEWER in _group_names(user)


def is_editor(user: User | None) -> bool:
    if user is None:
        return False
    return getattr(user, "is_superuser", False) or EDITOR in _group_names(user)
