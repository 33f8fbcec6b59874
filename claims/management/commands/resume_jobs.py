"""manage.py resume_jobs [--failed]

Enqueues again the task of every job that has not finished: what to run after Redis was
restarted without persistence, or a queue was purged (docs/operations.md). With --failed,
failed jobs are tried again too. Safe to run at any time: tasks are idempotent.
"""

from django.core.management.base import BaseCommand, CommandParser

from claims.services.job_resume import jobs_resume


class Command(BaseCommand):
    help = "Enqueue again the tasks of unfinished (and, with --failed, failed) background jobs."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--failed", action="store_true", help="Try failed jobs again as well.")

    def handle(self, *args: object, **options: object) -> None:
        jobs = jobs_resume(failed=bool(options["failed"]))
        for job in jobs:
            self.stdout.write(f"job {job.pk} ({job.kind}): {job.description}")
        self.stdout.write(f"{len(jobs)} job(s) enqueued again.")
