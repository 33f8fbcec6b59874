"""What is due is read from the rows: celery beat's task enqueues the due feeds, `manage.py
poll_feeds` polls them without a broker; the schedule is in settings and docker-compose runs beat."""

from datetime import timedelta
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.utils import timezone

from claims.models import Feed, InboxItem
from claims.services.feed_polls import feeds_due, polls_schedule
from claims.task_names import POLL_DUE_FEEDS
from tests.feeds.documents import day, rss
from tests.outbound.server import Page

pytestmark = pytest.mark.django_db


def test_poll_feeds_polls_what_is_due_in_process(add_feed):
    due = add_feed("/a", Page(body=rss([("http://example.org/1", "One", day(20))])))
    later = add_feed("/b", Page(body=rss([("http://example.org/2", "Two", day(20))])))
    Feed.objects.filter(pk=later.pk).update(next_poll_at=timezone.now() + timedelta(hours=1))
    out = StringIO()

    call_command("poll_feeds", stdout=out)

    assert "1 feed(s) polled: 1 new item(s), 0 failing" in out.getvalue()
    assert list(InboxItem.objects.values_list("feed_id", flat=True)) == [due.pk]
    assert feeds_due() == []  # the polled one waits its interval now
    call_command("poll_feeds", "--feed", str(later.pk), stdout=StringIO())
    assert InboxItem.objects.count() == 2


def test_the_schedule_enqueues_each_due_feed_once(add_feed, django_capture_on_commit_callbacks):
    feed = add_feed("/a", Page(body=rss([("http://example.org/1", "One", day(20))])))

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        assert polls_schedule() == 1
        assert polls_schedule() == 0  # asked for already: not asked again until its lease would have run out

    assert len(callbacks) == 1
    feed.refresh_from_db()
    assert feed.next_poll_at > timezone.now()


def test_beat_runs_the_schedule_and_compose_runs_beat():
    assert settings.CELERY_BEAT_SCHEDULE["poll-due-feeds"]["task"] == POLL_DUE_FEEDS
    compose = (Path(settings.BASE_DIR) / "docker-compose.yml").read_text()
    assert '"celery", "-A", "provenance", "beat"' in compose
