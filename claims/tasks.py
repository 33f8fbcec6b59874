"""The tasks of the task engine (SPEC §12). Each is thin: it calls one service, as a view does.

Every task is idempotent and safe to run twice or late (the services say why). A task that
raises is tried again with exponential backoff; after its last try its job is marked failed
with the reason. Tasks are acknowledged late (settings CELERY_TASK_ACKS_LATE), so one whose
worker died mid-way is run again.

A task that calls out to another server (through claims/outbound.py) says so, `outbound = True`:
with no broker it runs on the background executor, after the response, never in a request's
time (claims/services/jobs.py `enqueue`, claims/services/background.py).
"""

from celery import Task, shared_task
from django.conf import settings

from claims.services.captures import CaptureFailed, capture_fail, capture_run
from claims.services.imports import import_job_run
from claims.services.jobs import JobBusy, job_fail
from claims.services.score_refresh import refresh_batch, refresh_plan
from claims.services.webhook_delivery import delivery_attempt
from claims.services.webhook_dispatch import events_dispatch
from claims.services.webhook_sweep import webhooks_sweep


class JobTask(Task):
    """A task that does (part of) a Job: its failure, after the last retry, is the job's."""

    autoretry_for = (Exception,)
    dont_autoretry_for = (CaptureFailed,)
    retry_backoff = 2
    retry_backoff_max = 600
    retry_jitter = True

    @property
    def max_retries(self) -> int:
        """Read when a task is retried, so the setting holds as it is then."""
        return settings.JOB_MAX_RETRIES

    def on_failure(self, exc: Exception, task_id: str, args: tuple, kwargs: dict, einfo: object) -> None:
        job_id = kwargs.get("job_id", args[-1] if args else None)
        if job_id is not None:
            tries = self.request.retries + 1
            self.fail(job_id, f"{type(exc).__name__}: {exc} (after {tries} tries)")

    def fail(self, job_id: int, reason: str) -> None:
        job_fail(job_id=job_id, reason=reason)


@shared_task(base=JobTask, name="claims.plan_rescoring")
def plan_rescoring(job_id: int) -> None:
    refresh_plan(job_id=job_id)


@shared_task(base=JobTask, name="claims.rescore_batch")
def rescore_batch(batch_id: int, job_id: int) -> None:
    refresh_batch(batch_id=batch_id, job_id=job_id)


@shared_task(base=JobTask, bind=True, name="claims.run_import")
def run_import(self: JobTask, job_id: int) -> None:
    try:
        import_job_run(job_id=job_id)
    except JobBusy as busy:
        if self.request.is_eager:
            return  # in-process, nothing else can be running it: `manage.py resume_jobs` takes it up
        # Not a failure: another worker has it, or had it and died. Look again once its lease may be over.
        raise self.retry(countdown=busy.seconds, max_retries=None) from busy


class CaptureTask(JobTask):
    outbound = True  # fetches the page

    def fail(self, job_id: int, reason: str) -> None:
        capture_fail(job_id=job_id, reason=reason)


@shared_task(base=CaptureTask, bind=True, name="claims.run_capture")
def run_capture(self: CaptureTask, job_id: int) -> None:
    try:
        capture_run(job_id=job_id)
    except CaptureFailed as failed:
        capture_fail(job_id=job_id, reason=str(failed))  # no use trying again: say why at once
    except JobBusy as busy:
        if self.request.is_eager:
            return
        raise self.retry(countdown=busy.seconds, max_retries=None) from busy


class WebhookTask(Task):
    """A webhook task that raised (the database was away, say) is tried again; the sweep
    (claims.services.webhook_sweep) takes up whatever is still left after the last try."""

    autoretry_for = (Exception,)
    retry_backoff = 2
    retry_backoff_max = 600
    retry_jitter = True
    max_retries = 5


@shared_task(base=WebhookTask, name="claims.dispatch_webhook_events")
def dispatch_webhook_events(event_ids: list[int]) -> None:
    events_dispatch(event_ids=event_ids)


@shared_task(base=WebhookTask, bind=True, name="claims.deliver_webhook", outbound=True)  # POSTs to the receiver
def deliver_webhook(self: WebhookTask, delivery_id: int) -> None:
    retry_in = delivery_attempt(delivery_id=delivery_id)
    if retry_in is None:
        return
    if self.request.is_eager:
        return  # in-process there is no worker to hold a retry: the sweep makes it when it is due
    raise self.retry(countdown=retry_in, max_retries=None)


@shared_task(base=WebhookTask, name="claims.sweep_webhooks")
def sweep_webhooks() -> None:
    webhooks_sweep()
