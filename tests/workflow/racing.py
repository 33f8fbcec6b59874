"""Two reviewers approving one claim at the same instant, each on its own connection."""

import threading

from django.contrib.auth import get_user_model
from django.db import connection

from claims.errors import NotAllowed
from claims.models import Claim
from claims.services.workflow import claim_approve

APPROVED = "approved"
NOT_ALLOWED = "not allowed"


def approve_at_once(*, claim_id: int, reviewer_ids: list[int]) -> list[str]:
    """Start one thread per reviewer behind a barrier; return what each one got."""
    barrier = threading.Barrier(len(reviewer_ids))
    outcomes: list[str] = [""] * len(reviewer_ids)

    def attempt(index: int, reviewer_id: int) -> None:
        try:
            reviewer = get_user_model().objects.get(pk=reviewer_id)
            claim = Claim.objects.get(pk=claim_id)
            barrier.wait(timeout=10)
            claim_approve(claim=claim, by=reviewer)
            outcomes[index] = APPROVED
        except NotAllowed:
            outcomes[index] = NOT_ALLOWED
        except Exception as exc:  # reported, so the test shows what went wrong
            outcomes[index] = f"error: {exc!r}"
        finally:
            # Each thread opened its own connection; leaving it open would keep the
            # test database busy and block its teardown on PostgreSQL.
            connection.close()

    threads = [threading.Thread(target=attempt, args=(i, pk)) for i, pk in enumerate(reviewer_ids)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return outcomes
