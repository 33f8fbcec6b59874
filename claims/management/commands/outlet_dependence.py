import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction

from claims.choices import JobState
from claims.services.dependence_runs import dependence_recompute


class Command(BaseCommand):
    help = "Learn source dependence between outlets now (SPEC §17): a full recompute unless --incremental."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--incremental", action="store_true", help="Only the pairs whose claims changed.")
        parser.add_argument("--no-wait", action="store_true", help="With workers, do not wait for the job to end.")

    def handle(self, *args: object, **options: object) -> None:
        started = time.monotonic()
        with transaction.atomic():
            job = dependence_recompute(full=not options["incremental"])
        # With no broker the job ran when the transaction committed; with workers, it is waited for.
        while not options["no_wait"] and not settings.CELERY_TASK_ALWAYS_EAGER:
            job.refresh_from_db()
            if job.is_finished:
                break
            time.sleep(1)
        job.refresh_from_db()
        if job.state == JobState.FAILED:
            raise CommandError(f"Job {job.pk} failed: {job.failure}")
        seconds = time.monotonic() - started
        self.stdout.write(f"Job {job.pk} {job.state} in {seconds:.1f} s: {job.result}")
