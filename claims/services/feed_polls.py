"""Polling feeds (SPEC §16): fetch, read, and bring the entries into the inbox.

The pipeline has the webhook outbox's shape: what is due is read from the rows (a feed's
`next_poll_at`), a thin task does one feed, and a lost task costs nothing but time. Celery beat
runs `polls_schedule` every FEED_SCHEDULE_SECONDS, which enqueues a poll of every feed that is
due; `manage.py poll_feeds` polls the due feeds in its own process, from cron, with no broker;
`feed_poll_request` asks for one feed now, as a Job.

A poll

1. takes the feed's lease (`polling_until`): one poll of a feed at a time, and one lost with
   its worker is taken over once the lease has run out. The lease covers the fetch's deadline
   and is renewed as the entries go in;
2. fetches the feed through the outbound guard (its deadline, FEED_MAX_BYTES, the addresses
   it refuses, at every redirect too), conditionally: the ETag and Last-Modified the last
   complete poll was given are sent back, and a 304 is a poll with nothing new;
3. reads the entries (claims/feeds/parsing.py) and brings them in (inbox_intake.py), each in
   its own transaction;
4. ends: a success clears the failure and keeps the validators; a failure of any kind (refused,
   cut off, an error status, not a feed, entities) leaves the feed `failing` with the reason in
   words and waits twice as long after each, up to FEED_MAX_BACKOFF_SECONDS. Nothing else stops.
"""

from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from claims.choices import FeedState, JobKind
from claims.feeds.parsing import FeedUnreadable, parse_feed
from claims.models import Feed, Job
from claims.outbound import Fetched, OutboundRefused, fetch
from claims.services.feeds import CHANGE
from claims.services.inbox_intake import entries_ingest
from claims.services.jobs import JobBusy, enqueue, job_create, job_fail, job_finish, job_held, job_progress
from claims.services.persistence import require_perm
from claims.task_names import POLL_FEED, RUN_FEED_POLL

ACCEPT = (
    "application/rss+xml, application/atom+xml, application/feed+json, application/rdf+xml, "
    "application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.1"
)
DUE_PER_RUN = 1000


@dataclass(frozen=True)
class PollOutcome:
    """What one poll found: entries read, new items, items seen before; `error` if it failed."""

    status: int | None = None
    not_modified: bool = False
    entries: int = 0
    new: int = 0
    seen: int = 0
    error: str = ""

    def as_result(self) -> dict:
        return asdict(self)


def _lease_until(now: datetime) -> datetime:
    return now + timedelta(seconds=settings.OUTBOUND_DEADLINE_SECONDS + settings.JOB_LEASE_SECONDS)


def _take(feed_id: int) -> Feed | None:
    now = timezone.now()
    free = Q(polling_until__isnull=True) | Q(polling_until__lte=now)
    if not Feed.objects.filter(free, pk=feed_id).update(polling_until=_lease_until(now)):
        return None
    return Feed.objects.select_related("outlet", "created_by").get(pk=feed_id)


def _renew(feed_id: int) -> None:
    Feed.objects.filter(pk=feed_id).update(polling_until=timezone.now() + timedelta(seconds=settings.JOB_LEASE_SECONDS))


def backoff_seconds(feed: Feed, failures: int) -> int:
    """How long a feed that has failed `failures` times in a row waits for its next poll."""
    return min(feed.interval * 2 ** max(failures - 1, 0), max(settings.FEED_MAX_BACKOFF_SECONDS, feed.interval))


def _failed(feed: Feed, reason: str, status: int | None = None) -> PollOutcome:
    now, failures = timezone.now(), feed.consecutive_failures + 1
    Feed.objects.filter(pk=feed.pk).update(
        state=FeedState.PAUSED if feed.state == FeedState.PAUSED else FeedState.FAILING,
        last_error=reason[:2000], consecutive_failures=F("consecutive_failures") + 1, last_polled_at=now,
        next_poll_at=now + timedelta(seconds=backoff_seconds(feed, failures)), polling_until=None,
    )  # fmt: skip
    return PollOutcome(status=status, error=reason)


def _succeeded(feed: Feed, fetched: Fetched, outcome: PollOutcome) -> PollOutcome:
    now = timezone.now()
    values: dict[str, object] = {
        "state": FeedState.PAUSED if feed.state == FeedState.PAUSED else FeedState.ACTIVE,
        "last_error": "", "consecutive_failures": 0, "last_polled_at": now, "polling_until": None,
        "next_poll_at": now + timedelta(seconds=feed.interval), "items_found": F("items_found") + outcome.new,
    }  # fmt: skip
    if not outcome.not_modified:  # a 304 leaves the validators as they were
        values["etag"] = fetched.headers.get("etag", "")[:500]
        values["last_modified"] = fetched.headers.get("last-modified", "")[:100]
    Feed.objects.filter(pk=feed.pk).update(**values)
    return outcome


def _conditional(feed: Feed) -> dict[str, str]:
    headers = {"Accept": ACCEPT}
    if feed.etag:
        headers["If-None-Match"] = feed.etag
    if feed.last_modified:
        headers["If-Modified-Since"] = feed.last_modified
    return headers


def _poll(feed: Feed, heartbeat: Callable[[], None]) -> PollOutcome:
    try:
        fetched = fetch(feed.url, headers=_conditional(feed), max_bytes=settings.FEED_MAX_BYTES)
    except OutboundRefused as refused:
        return _failed(feed, refused.message)
    if fetched.status == 304:
        return _succeeded(feed, fetched, PollOutcome(status=304, not_modified=True))
    if not 200 <= fetched.status < 300:
        return _failed(feed, f"The feed's address answered {fetched.status}.", fetched.status)
    try:
        entries = parse_feed(fetched.body, content_type=fetched.content_type, url=fetched.url)
    except FeedUnreadable as unreadable:
        return _failed(feed, unreadable.message, fetched.status)

    def renew() -> None:
        _renew(feed.pk)
        heartbeat()

    ingested = entries_ingest(feed=feed, entries=entries, renew=renew)
    outcome = PollOutcome(status=fetched.status, entries=len(entries), new=ingested.new, seen=ingested.seen)
    return _succeeded(feed, fetched, outcome)


def feed_poll(*, feed_id: int, heartbeat: Callable[[], None] = lambda: None) -> PollOutcome | None:
    """Poll the feed now (a task, or `manage.py poll_feeds`): its outcome, or None when another poll
    holds it; `heartbeat` is called as the entries go in (a job's, to say its task is alive). Any
    other exception (the database away) lets the feed go, and the task is tried again."""
    feed = _take(feed_id)
    if feed is None:
        return None
    try:
        return _poll(feed, heartbeat)
    except BaseException:
        Feed.objects.filter(pk=feed_id).update(polling_until=None)  # its retry need not wait for the lease
        raise


def feeds_due(*, now: datetime | None = None) -> list[int]:
    """The feeds whose next poll is due and that no poll holds, the longest waiting first."""
    now = now or timezone.now()
    due = (
        Feed.objects.exclude(state=FeedState.PAUSED)
        .filter(next_poll_at__lte=now)
        .exclude(polling_until__gt=now)
        .order_by("next_poll_at", "id")
    )
    return list(due.values_list("pk", flat=True)[:DUE_PER_RUN])


@transaction.atomic
def polls_schedule() -> int:
    """Enqueue a poll of every feed that is due (celery beat). A poll enqueued and lost is asked
    for again once JOB_LEASE_SECONDS have passed; how many were enqueued."""
    now = timezone.now()
    ids = feeds_due(now=now)
    Feed.objects.filter(pk__in=ids).update(next_poll_at=now + timedelta(seconds=settings.JOB_LEASE_SECONDS))
    for feed_id in ids:
        enqueue(POLL_FEED, feed_id)
    return len(ids)


def feed_poll_request(*, feed: Feed, by: AbstractBaseUser | None) -> Job:
    """Poll one feed now, as a job (a paused feed too: it stays paused)."""
    require_perm(by, CHANGE)
    with transaction.atomic():
        job = job_create(kind=JobKind.FEED_POLL, description=f"Poll of {feed.url}", by=by, params={"feed": feed.pk})
        enqueue(RUN_FEED_POLL, job.pk)
    return job


def feed_poll_job_run(*, job_id: int) -> None:
    """The job of `feed_poll_request` (a task): the poll's outcome is its result, or its failure."""
    with job_held(job_id=job_id) as job:
        if job is None:
            return
        outcome = feed_poll(feed_id=int(job.params["feed"]), heartbeat=lambda: job_progress(job_id=job_id))
        if outcome is None:
            raise JobBusy(job_id)  # a scheduled poll has it: this one is made once that one ends
        if outcome.error:
            job_fail(job_id=job_id, reason=outcome.error)
        else:
            job_finish(job_id=job_id, result=outcome.as_result(), done=outcome.new)
