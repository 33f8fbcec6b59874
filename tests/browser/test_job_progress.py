"""The job page in Chromium: its progress bar follows the job while it runs (static/web/job.js asks
the API), and the page is drawn again with the outcome when the job ends."""

import pytest
from django.utils import timezone

from claims.choices import JobKind, JobState
from claims.models import Job
from tests.browser.conftest import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def bar(page) -> list[str]:
    return page.evaluate(
        """() => {
          const card = document.querySelector("[data-job]");
          const field = (name) => card.querySelector(`[data-job-field="${name}"]`);
          return [String(field("progress").value), field("total").textContent, field("state").textContent];
        }"""
    )


def test_the_progress_bar_moves_while_the_job_runs_and_the_outcome_shows_when_it_ends(page, editor):
    job = Job.objects.create(
        kind=JobKind.IMPORT, description="Import of claims.jsonl", created_by=editor,
        state=JobState.RUNNING, done=1, total=None, started_at=timezone.now(),
    )  # fmt: skip
    log_in(page, "edna", "edna-pass-1234")
    page.goto(f"/jobs/{job.pk}/")
    assert bar(page) == ["1", "?", "Running"]

    Job.objects.filter(pk=job.pk).update(done=3, total=6)
    page.wait_for_function("() => document.querySelector('[data-job-field=progress]').value === 3")
    assert bar(page) == ["3", "6", "Running"]

    Job.objects.filter(pk=job.pk).update(
        done=6, state=JobState.DONE, finished_at=timezone.now(), result={"records": 6, "claims created": 6}
    )
    page.wait_for_selector("[data-job-state=done]")
    assert bar(page) == ["6", "6", "Done"]
    assert "claims created" in page.locator(".job__result").inner_text()
    assert "Every record was imported." in page.content()
