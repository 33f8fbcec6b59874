"""manage.py compact_track_records

Folds the outlets' track-record entries, one per outlet, review state and status: what celery
beat does every TRACK_RECORD_COMPACT_SECONDS. On the embedded default (no broker) run it from
cron (docs/operations.md). Safe at any time, beside writers and another compaction.
"""

from django.core.management.base import BaseCommand

from claims.services.track_records import track_records_compact


class Command(BaseCommand):
    help = "Fold the outlets' track-record entries into one per review state and status."

    def handle(self, *args: object, **options: object) -> None:
        self.stdout.write(f"{track_records_compact()} track-record entries left.")
