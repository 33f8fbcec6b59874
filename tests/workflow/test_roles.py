"""The editorial roles exist after migrate (claims/migrations/0003_roles.py), with their permissions."""

import pytest
from django.contrib.auth.models import Group

from claims.roles import EDITOR, REVIEWER, is_newsroom
from claims.services.abilities import can_create_claims, can_review

pytestmark = pytest.mark.django_db


def permissions_of(group: str) -> set[str]:
    return set(Group.objects.get(name=group).permissions.values_list("codename", flat=True))


def test_editor_may_add_change_and_view_the_newsroom_models_but_not_review_or_grade():
    perms = permissions_of(EDITOR)

    for model in ["claim", "appearance", "citation", "statusevidence", "outlet", "actor", "event", "affiliation"]:
        assert {f"add_{model}", f"change_{model}", f"view_{model}"} <= perms
    assert "view_reviewtransition" in perms
    assert not perms & {"review_claim", "set_outlet_reliability"}
    assert not any(codename.startswith("delete_") for codename in perms)


def test_reviewer_may_review_grade_and_view_but_not_edit():
    perms = permissions_of(REVIEWER)

    assert {"review_claim", "set_outlet_reliability", "view_claim", "view_reviewtransition"} <= perms
    assert not any(codename.startswith(("add_", "change_", "delete_")) for codename in perms)


def test_the_role_helpers_read_the_permissions_the_groups_grant(consumer, editor, reviewer, editor_reviewer, superuser):
    assert [is_newsroom(u) for u in (consumer, editor, reviewer, superuser)] == [False, True, True, True]
    assert [can_create_claims(u) for u in (consumer, editor, reviewer, editor_reviewer, superuser)] == [
        False,
        True,
        False,
        True,
        True,
    ]
    assert [can_review(u) for u in (consumer, editor, reviewer, editor_reviewer, superuser)] == [
        False,
        False,
        True,
        True,
        True,
    ]
