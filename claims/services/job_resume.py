"""Taking up unfinished jobs again: after the broker lost its queue, or for jobs that failed.

A job's state is kept in the database, not on the broker, so what is left to do can always
be read back: a rescoring's open batches, an import that has not finished. Redis without
persistence loses the queued tasks when it restarts; `manage.py resume_jobs` enqueues them
again (docs/operations.md). Every task is idempotent, so a task enqueued twice does no harm.
"""

from django.db import transaction

from claims.choices import JobKind, JobState
from claims.models import Job
from claims.services.jobs import enqueue
from claims.task_names import PLAN_DEPENDENCE, PLAN_RESCORING, RUN_CAPTURE, RUN_FEED_POLL, RUN_IMPORT

# The task that takes up a job of each kind from where the database says it is. A kind without
# one here would stop every resumption at its first job:
# tests/jobs/test_resume_jobs.py::test_every_kind_of_job_can_be_resumed holds the table whole.
TASKS = {
    JobKind.RESCORE: PLAN_RESCORING,
    JobKind.IMPORT: RUN_IMPORT,
    JobKind.CAPTURE: RUN_CAPTURE,
    JobKind.DEPENDENCE: PLAN_DEPENDENCE,
    JobKind.FEED_POLL: RUN_FEED_POLL,
}


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
            enqueue(TASKS[job.kind], job.pk)
    return jobs
