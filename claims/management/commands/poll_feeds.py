"""manage.py poll_feeds [--feed ID …]

Polls, in this process, every feed that is due (what celery beat asks the workers for every
FEED_SCHEDULE_SECONDS), or the feeds named, due or not. Needs no broker: run it from cron on the
embedded default (docs/feeds.md). Safe at any time: a feed another poll holds is left to it.
"""

from django.core.management.base import BaseCommand, CommandParser

from claims.services.feed_polls import feed_poll, feeds_due


class Command(BaseCommand):
    help = "Poll the monitored feeds that are due (or those named) into the inbox."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--feed", type=int, action="append", default=[], help="Poll this feed now (repeatable).")

    def handle(self, *args: object, **options: object) -> None:
        ids = list(options["feed"]) or feeds_due()
        new = failed = busy = 0
        for feed_id in ids:
            outcome = feed_poll(feed_id=feed_id)
            if outcome is None:
                busy += 1
            elif outcome.error:
                failed += 1
                self.stderr.write(f"Feed {feed_id}: {outcome.error}")
            else:
                new += outcome.new
        self.stdout.write(
            f"{len(ids)} feed(s) polled: {new} new item(s), {failed} failing, {busy} held by another poll."
        )
