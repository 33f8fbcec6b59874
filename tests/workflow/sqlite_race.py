"""Run the approval race on a fresh SQLite file database and print the outcome as JSON.

The test suite's SQLite database lives in memory with a shared cache, where a
second writer fails at once instead of waiting, so the race cannot run there.
tests/workflow/test_race.py runs this module in a subprocess with DATABASE_URL
pointing at a temporary file, the way `make run` uses SQLite.
"""

import json
import os

import django


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "provenance.settings")
    django.setup()

    from django.contrib.auth.models import Group, User
    from django.core.management import call_command

    from claims.models import ReviewTransition
    from claims.roles import EDITOR, REVIEWER
    from claims.services.claims import claim_create
    from claims.services.workflow import claim_submit
    from tests.workflow.racing import approve_at_once

    call_command("migrate", verbosity=0)
    editor = User.objects.create_user("edna", is_staff=True)
    editor.groups.add(Group.objects.get(name=EDITOR))
    reviewers = []
    for name in ("rita", "rob"):
        reviewer = User.objects.create_user(name, is_staff=True)
        reviewer.groups.add(Group.objects.get(name=REVIEWER))
        reviewers.append(reviewer.pk)
    claim = claim_submit(claim=claim_create(text="Raced claim", by=editor), by=editor)

    outcomes = approve_at_once(claim_id=claim.pk, reviewer_ids=reviewers)

    claim.refresh_from_db()
    published = ReviewTransition.objects.filter(claim=claim, to_state="published").count()
    print(json.dumps({"outcomes": outcomes, "review_state": claim.review_state, "published_transitions": published}))


if __name__ == "__main__":
    main()
