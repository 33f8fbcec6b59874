"""Taking up unfinished jobs again: after the broker lost its queue, or for jobs that failed.

A job's state is kept in the database, not on the broker, so what is left to do can always
be read back: a rescoring's open batches, an import that has not finished. Redis without
persistence loses the queued tasks when it restarts; `manage.py resume_jobs` enqueues them
again (docs/operations.md). Every task is idempotent, so a task enqueued twice does no harm.
"""

from collections.abc import Callable

from django.db import transaction

from claims.choices import JobKind, JobState
from claims.models import Job
from claims.services import captures, imports, score_refresh
from claims.services.jobs import enqueue

# The task that takes up a job of each kind from where the database says it is. A kind without
# one here would stop every resumption at its first job:
# tests/jobs/test_resume_jobs.py::test_every_kind_of_job_can_be_resumed holds the table whole.
TASKS = {
    JobKind.RESCORE: score_refresh.PLAN,
    JobKind.IMPORT: imports.RUN,
    JobKind.CAPTURE: captures.RUN,
}
# What a kind's own record says when its failed job is queued again (a capture shows its state).
REQUEUED: dict[str, Callable[..., None]] = {JobKind.CAPTURE: captures.capture_requeued}


def jobs_resume(*, failed: bool = False) -> list[Job]:
    """Enqueue the task of every queued or running job again (and of failed ones, with `failed`,
    which are queued anew); returns the jobs."""
    states = [JobState.QUEUED, JobState.RUNNING, *([JobState.FAILED] if failed else [])]
    with transaction.atomic():
        jobs = list(Job.objects.select_for_update().filter(state__in=states).order_by("id"))
        for job in jobs:
            if job.state == JobState.FAILED:
                job.state, job.failure, job.finished_at = JobState.QUEUED, "", None
                job.save(update_fields=["state", "failure", "finished_at"])
                if job.kind in REQUEUED:
                    REQUEUED[job.kind](job_id=job.pk)
            enqueue(TASKS[job.kind], job.pk)
    return jobs
