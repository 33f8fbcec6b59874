"""Jobs: how background work is asked for, started, advanced and ended (SPEC §12).

A service that asks for background work creates the Job in its own transaction and calls
`enqueue`: the task goes to the broker only once that transaction commits, so a rolled-back
write starts nothing, and a task never runs before the rows it reads exist. With no broker
configured the task runs in-process at that moment instead — except a task that calls out to
another server (a capture, a webhook try: those claims/tasks.py declares `outbound`), or that is
CPU work which can wait (meaning vectors, `after_response`), which
goes to the process's background executor (claims/services/background.py) and runs after the
response, never in a request's time. The code is the same.

Tasks are thin (claims/tasks.py): each calls one service here or in score_refresh.py and
imports.py, which move the job through queued → running → done or failed.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta

from celery import current_app
from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from claims.choices import JobState
from claims.models import Job
from claims.services.background import Work, executor


def enqueue(task: str, *args: object) -> None:
    """Run the named task (claims/tasks.py) once the current transaction commits."""
    transaction.on_commit(lambda: _send(task, args))


def _send(name: str, args: tuple) -> None:
    task = current_app.tasks[name]
    waits_for_response = getattr(task, "outbound", False) or getattr(task, "after_response", False)
    if current_app.conf.task_always_eager and waits_for_response:
        executor.submit(Work(name, lambda: task.apply(args)))
    else:
        task.apply_async(args)


def job_create(
    *, kind: str, description: str, by: AbstractBaseUser | None, total: int | None = None, **fields: object
) -> Job:
    user = by if by is not None and by.is_authenticated else None
    return Job.objects.create(kind=kind, description=description[:500], created_by=user, total=total, **fields)


class JobBusy(Exception):
    """Another task holds the job and was heard of lately: try again once its lease may have run out."""

    def __init__(self, job_id: int) -> None:
        super().__init__(f"job {job_id} is held by another task")
        self.seconds = settings.JOB_LEASE_SECONDS


def _take(job_id: int) -> Job | None:
    now = timezone.now()
    stale = now - timedelta(seconds=settings.JOB_LEASE_SECONDS)
    with transaction.atomic():
        job = Job.objects.select_for_update().filter(pk=job_id).first()
        if job is None or job.is_finished:
            return None
        if job.state == JobState.RUNNING and job.heartbeat_at and job.heartbeat_at > stale:
            raise JobBusy(job_id)
        job.state, job.heartbeat_at, job.attempts = JobState.RUNNING, now, job.attempts + 1
        job.started_at = job.started_at or now
        job.save(update_fields=["state", "heartbeat_at", "attempts", "started_at"])
    return job


@contextmanager
def job_held(*, job_id: int) -> Iterator[Job | None]:
    """Hold the job while a task works on it: the job, or None when it has finished already.

    The first task to take a job holds it; another that finds it held by a task heard of
    within JOB_LEASE_SECONDS raises JobBusy, and one that finds the lease run out (its
    worker died) takes over. A task that fails lets go at once, so its retry can take it."""
    job = _take(job_id)
    try:
        yield job
    except BaseException:
        if job is not None:
            Job.objects.filter(pk=job_id, state=JobState.RUNNING).update(heartbeat_at=None)
        raise


def job_begin(*, job_id: int) -> None:
    """Mark a job running (a job whose parts run as many tasks, none of which holds it)."""
    now = timezone.now()
    Job.objects.filter(pk=job_id, state=JobState.QUEUED).update(state=JobState.RUNNING, started_at=now)


def job_progress(*, job_id: int, done: int | None = None, add: int = 0, total: int | None = None) -> None:
    """Record how far the job has got (and that its task is alive)."""
    values: dict[str, object] = {"heartbeat_at": timezone.now()}
    if done is not None:
        values["done"] = done
    elif add:
        values["done"] = F("done") + add
    if total is not None:
        values["total"] = total
    Job.objects.filter(pk=job_id).update(**values)


def job_finish(
    *, job_id: int, result: dict | None = None, errors: list[dict] | None = None, done: int | None = None
) -> None:
    values: dict[str, object] = {"state": JobState.DONE, "finished_at": timezone.now(), "heartbeat_at": None}
    if result is not None:
        values["result"] = result
    if errors is not None:
        values["errors"] = errors
    if done is not None:
        values["done"] = done
    Job.objects.filter(pk=job_id).exclude(state=JobState.FAILED).update(**values)


def job_fail(*, job_id: int, reason: str) -> None:
    """The job could not finish, after its last try: say why, for a person to act on."""
    Job.objects.filter(pk=job_id).exclude(state=JobState.DONE).update(
        state=JobState.FAILED, failure=reason[:2000], finished_at=timezone.now(), heartbeat_at=None
    )


def job_steps_done(*, job_id: int, done: int, result: dict | None = None) -> None:
    """A job of steps (a capture) that a person took further after it ended: how far it has got,
    and what it has come to."""
    values: dict[str, object] = {"done": done}
    if result is not None:
        values["result"] = result
    Job.objects.filter(pk=job_id).update(**values)
