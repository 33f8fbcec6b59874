"""A feed polled on a real worker (tests/jobs/worker.py), killed mid-poll: no entry is lost, none
is made twice. The poll is a job; a second worker takes it over once the first's lease runs out,
and fetches the feed whole again (its ETag is only kept once a poll ends)."""

import time

import pytest
from django.db.models import Count

from claims.choices import JobState
from claims.models import FeedSighting, InboxItem, ItemSuggestion
from claims.services.feed_polls import feed_poll_request
from claims.services.feeds import feed_create
from tests.factories import make_claim, make_outlet
from tests.feeds.documents import day, rss
from tests.jobs.test_worker import wait_for
from tests.outbound.server import Page, serving

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

ENTRIES = 1000
ON_THE_WORKER = {"OUTBOUND_ALLOWED_NETWORKS": "127.0.0.0/8", "OUTBOUND_DEADLINE_SECONDS": "5"}


@pytest.fixture
def feed_server(settings):
    settings.OUTBOUND_ALLOWED_NETWORKS = ["127.0.0.0/8"]
    with serving() as server:
        yield server


def test_a_worker_killed_mid_poll_loses_no_item_and_makes_none_twice(worker_factory, editor, feed_server):
    for n in range(30):
        make_claim(f"Drone attack number {n} on the al-Tanf base")
    stories = [
        (f"http://example.org/story/{n}?utm_source=rss", f"Drone attack number {n} on the base", day(20))
        for n in range(ENTRIES)
    ]
    url = feed_server.add("/feed", Page(body=rss(stories), headers={"ETag": '"v1"'}))
    feed = feed_create(outlet=make_outlet("Al-Akhbar"), url=url, by=editor)
    first = worker_factory(**ON_THE_WORKER)
    first.start()

    job = feed_poll_request(feed=feed, by=editor)
    ends = time.monotonic() + 120
    while InboxItem.objects.count() < 50 and time.monotonic() < ends:
        time.sleep(0.01)
    first.kill()
    cut_at = InboxItem.objects.count()
    assert 0 < cut_at < ENTRIES, f"the kill came at {cut_at} of {ENTRIES} items:\n{first.output()}"
    assert feed.__class__.objects.get(pk=feed.pk).etag == ""  # the cut-off poll kept no validator

    second = worker_factory(**ON_THE_WORKER)
    second.start()
    job = wait_for(job, timeout=180)

    assert job.state == JobState.DONE, f"{job.failure}\n{second.output()}"
    assert InboxItem.objects.count() == ENTRIES
    assert InboxItem.objects.values("normalized_url").distinct().count() == ENTRIES
    assert FeedSighting.objects.count() == ENTRIES
    twice = ItemSuggestion.objects.values("item", "claim").annotate(n=Count("id")).filter(n__gt=1)
    assert not twice.exists()
    assert ItemSuggestion.objects.values("item").distinct().count() == ENTRIES  # every item was suggested claims
    assert job.result["new"] + cut_at >= ENTRIES
    assert len([r for r in feed_server.received if r.path == "/feed"]) >= 2
