"""Two reviewers approving one claim at the same instant: exactly one approval (SPEC §7)."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from claims.choices import ReviewState
from claims.models import Claim, ReviewTransition
from claims.services.workflow import claim_submit
from tests.factories import make_claim
from tests.workflow.racing import APPROVED, NOT_ALLOWED, approve_at_once

pytestmark = pytest.mark.slow


# transaction=True: each thread needs its own connection that sees committed rows.
# serialized_rollback: the flush after the test would drop the groups made by migration 0003.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_reviewers_approving_at_once_make_exactly_one_approval_on_postgresql(editor, reviewer, other_reviewer):
    if connection.vendor != "postgresql":
        pytest.skip(
            "needs PostgreSQL: the in-memory SQLite test database cannot take two writers "
            "(see the SQLite test below, which races on a file database)"
        )
    claim = claim_submit(claim=make_claim(by=editor), by=editor)

    outcomes = approve_at_once(claim_id=claim.pk, reviewer_ids=[reviewer.pk, other_reviewer.pk])

    assert sorted(outcomes) == sorted([APPROVED, NOT_ALLOWED])
    assert Claim.objects.get(pk=claim.pk).review_state == ReviewState.PUBLISHED
    approvals = ReviewTransition.objects.filter(claim=claim, to_state=ReviewState.PUBLISHED)
    assert approvals.count() == 1
    winner = [reviewer, other_reviewer][outcomes.index(APPROVED)]
    assert approvals.get().by == winner


def test_two_reviewers_approving_at_once_make_exactly_one_approval_on_a_sqlite_file(tmp_path: Path):
    """The test database is in memory, so the race runs in a subprocess on a fresh file database."""
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'race.sqlite3'}"}
    done = subprocess.run(
        [sys.executable, "-m", "tests.workflow.sqlite_race"],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )

    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert sorted(result["outcomes"]) == sorted([APPROVED, NOT_ALLOWED])
    assert result["review_state"] == ReviewState.PUBLISHED
    assert result["published_transitions"] == 1
