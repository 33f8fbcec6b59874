"""The tasks of the task engine (SPEC §12). Each is thin: it calls one service, as a view does.

Every task is idempotent and safe to run twice or late (the services say why). A task that
raises is tried again with exponential backoff, up to JOB_MAX_RETRIES times (one policy,
`RetriedTask`, read from settings when a task is retried); after its last try its job, if it has
one, is marked failed with the reason. Tasks are acknowledged late (settings
CELERY_TASK_ACKS_LATE), so one whose worker died mid-way is run again. Their names are
claims/task_names.py's.

A task that computes meaning vectors says `after_response=True`: it is CPU work that can wait, and
on the embedded default it runs on the background executor too, so an import of ten thousand
claims does not embed them in its own request.

A task that calls out to another server (through claims/outbound.py) says so, `outbound=True`:
with no broker it runs on the background executor, after the response, never in a request's
time (claims/services/jobs.py `enqueue`, claims/services/background.py).
"""

from celery import Task, shared_task
from django.conf import settings

from claims.services.captures import CaptureFailed, capture_run
from claims.services.dependence_runs import dependence_count_block, dependence_plan, dependence_schedule
from claims.services.feed_polls import feed_poll, feed_poll_job_run, polls_schedule
from claims.services.imports import import_job_run
from claims.services.jobs import JobBusy, job_fail
from claims.services.meaning import claim_vectors_compute, claim_vectors_sweep
from claims.services.score_refresh import refresh_batch, refresh_plan
from claims.services.track_records import track_records_compact
from claims.services.webhook_delivery import delivery_attempt
from claims.services.webhook_dispatch import events_dispatch
from claims.services.webhook_sweep import webhooks_sweep
from claims.task_names import (
    COMPACT_TRACK_RECORDS,
    COUNT_DEPENDENCE_BLOCK,
    DELIVER_WEBHOOK,
    DISPATCH_WEBHOOK_EVENTS,
    EMBED_CLAIMS,
    PLAN_DEPENDENCE,
    PLAN_RESCORING,
    POLL_DUE_FEEDS,
    POLL_FEED,
    RESCORE_BATCH,
    RUN_CAPTURE,
    RUN_FEED_POLL,
    RUN_IMPORT,
    SCHEDULE_DEPENDENCE,
    SWEEP_VECTORS,
    SWEEP_WEBHOOKS,
)


class RetriedTask(Task):
    """The retry policy of every task: whatever it raises is tried again, 2, 4, 8 … seconds later
    (with jitter, at most 10 minutes apart), JOB_MAX_RETRIES times."""

    autoretry_for = (Exception,)
    retry_backoff = 2
    retry_backoff_max = 600
    retry_jitter = True

    @property
    def max_retries(self) -> int:
        """Read when a task is retried, so the setting holds as it is then."""
        return settings.JOB_MAX_RETRIES

    def held_elsewhere(self, busy: JobBusy) -> None:
        """Another task holds the job (or held it and died): look again once its lease may be over.
        Not a failure, so not counted against the retries."""
        if self.request.is_eager:
            return  # in-process, nothing else can be running it: `manage.py resume_jobs` takes it up
        raise self.retry(countdown=busy.seconds, max_retries=None) from busy


class JobTask(RetriedTask):
    """A task that does (part of) a Job: its failure, after the last retry, is the job's."""

    def on_failure(self, exc: Exception, task_id: str, args: tuple, kwargs: dict, einfo: object) -> None:
        job_id = kwargs.get("job_id", args[-1] if args else None)
        if job_id is not None:
            # A capture's own reason is written for a person; anything else is named by its kind.
            said = str(exc) if isinstance(exc, CaptureFailed) else f"{type(exc).__name__}: {exc}"
            job_fail(job_id=job_id, reason=f"{said} (after {self.request.retries + 1} tries)")


class WebhookTask(RetriedTask):
    """A webhook task that raised (the database was away, say) is tried again; the sweep
    (claims.services.webhook_sweep) takes up whatever is still left after the last try."""


@shared_task(base=JobTask, name=PLAN_RESCORING)
def plan_rescoring(job_id: int) -> None:
    refresh_plan(job_id=job_id)


@shared_task(base=JobTask, name=RESCORE_BATCH)
def rescore_batch(batch_id: int, job_id: int) -> None:
    refresh_batch(batch_id=batch_id, job_id=job_id)


@shared_task(base=JobTask, bind=True, name=RUN_IMPORT)
def run_import(self: JobTask, job_id: int) -> None:
    try:
        import_job_run(job_id=job_id)
    except JobBusy as busy:
        self.held_elsewhere(busy)


@shared_task(base=JobTask, bind=True, name=RUN_CAPTURE, outbound=True)  # fetches the page
def run_capture(self: JobTask, job_id: int) -> None:
    try:
        capture_run(job_id=job_id)
    except CaptureFailed as failed:
        if failed.retryable:
            raise  # a timeout, a server error: tried again later, by the policy above
        job_fail(job_id=job_id, reason=str(failed))  # no use trying again: say why at once
    except JobBusy as busy:
        self.held_elsewhere(busy)


@shared_task(base=WebhookTask, name=DISPATCH_WEBHOOK_EVENTS)
def dispatch_webhook_events(event_ids: list[int]) -> None:
    events_dispatch(event_ids=event_ids)


@shared_task(base=WebhookTask, bind=True, name=DELIVER_WEBHOOK, outbound=True)  # POSTs to the receiver
def deliver_webhook(self: WebhookTask, delivery_id: int) -> None:
    retry_in = delivery_attempt(delivery_id=delivery_id)
    if retry_in is None:
        return
    if self.request.is_eager:
        return  # in-process there is no worker to hold a retry: the sweep makes it when it is due
    raise self.retry(countdown=retry_in, max_retries=None)


@shared_task(base=WebhookTask, name=SWEEP_WEBHOOKS)
def sweep_webhooks() -> None:
    webhooks_sweep()


class VectorTask(RetriedTask):
    """A vector task that raised is tried again; the sweep takes up whatever is still waiting."""


@shared_task(base=VectorTask, name=EMBED_CLAIMS, after_response=True)
def embed_claims(claim_ids: list[int]) -> None:
    claim_vectors_compute(claim_ids=claim_ids)


@shared_task(base=VectorTask, name=SWEEP_VECTORS, after_response=True)
def sweep_vectors() -> None:
    claim_vectors_sweep()


@shared_task(base=RetriedTask, name=COMPACT_TRACK_RECORDS)
def compact_track_records() -> None:
    track_records_compact()


@shared_task(base=JobTask, name=PLAN_DEPENDENCE)
def plan_dependence(job_id: int) -> None:
    dependence_plan(job_id=job_id)


@shared_task(base=JobTask, name=COUNT_DEPENDENCE_BLOCK)
def count_dependence_block(block_id: int, job_id: int) -> None:
    dependence_count_block(block_id=block_id, job_id=job_id)


@shared_task(base=RetriedTask, name=SCHEDULE_DEPENDENCE)
def schedule_dependence() -> None:
    dependence_schedule()


class FeedTask(RetriedTask):
    """A poll that raised (the database was away, say) is tried again; a poll lost altogether is
    made again by the schedule, once the feed's lease has run out (claims/services/feed_polls.py)."""


@shared_task(base=FeedTask, name=POLL_DUE_FEEDS)
def poll_due_feeds() -> None:
    polls_schedule()


@shared_task(base=FeedTask, name=POLL_FEED, outbound=True)  # fetches the feed
def poll_feed(feed_id: int) -> None:
    feed_poll(feed_id=feed_id)


@shared_task(base=JobTask, bind=True, name=RUN_FEED_POLL, outbound=True)  # fetches the feed
def run_feed_poll(self: JobTask, job_id: int) -> None:
    try:
        feed_poll_job_run(job_id=job_id)
    except JobBusy as busy:
        self.held_elsewhere(busy)
