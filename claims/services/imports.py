"""Imports by upload (SPEC §9, §12): a file from the web UI or the API, imported by a job.

An upload is the uploader's own writes: the job remembers who sent the file (Job.created_by)
and imports every record as that user, through the same services, permissions and four-eyes
rule as the API (claims/importing/loader.py). So a plain editor's file cannot publish or
reject a claim, nor grade an outlet, and nobody's file can publish or retract a claim of their
own: such a record is a bad line with the reason, nothing of it written. Who the uploader is
and what they may do is read when the job runs (or runs again, `manage.py resume_jobs`), not
when the file was sent: an uploader who has lost the right to import, or whose account is
gone or inactive, gets a failed job and nothing imported.

`import_upload` checks the file is one of the two formats and UTF-8 text to its end, keeps it
through Django's storage API and asks for a job, without reading its records: a file at the
upload limit takes seconds to parse, and the request answers at once. `import_job_run` (a task)
counts the records (the job's total), then reads them with the same readers and the same
`import_records` as `manage.py import_claims`, committing every BULK_SIZE records, so the
job's progress shows as it goes and a worker stopped half-way loses only its last group: the
task is run again, and re-importing what was committed finds it unchanged (re-imports are
safe, docs/api-exports-import.md).
"""

import io
import uuid

from django.contrib.auth.models import AbstractBaseUser
from django.core.files.base import File
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils.translation import gettext as _

from claims.choices import JobKind
from claims.errors import Forbidden
from claims.importing.formats import READERS, SNIFFED, check_utf8, detect_format
from claims.importing.run import BULK_SIZE, ImportReport, import_records
from claims.models import Job
from claims.roles import may
from claims.services import claims as claim_services
from claims.services.dependence_runs import dependence_recompute
from claims.services.jobs import enqueue, job_create, job_fail, job_finish, job_held, job_progress
from claims.services.persistence import require_perm
from claims.task_names import RUN_IMPORT

IMPORT = claim_services.ADD  # an import records claims: who may record one may import them
MAX_ERRORS_KEPT = 1000  # a file of bad lines keeps the first ones, and says how many more there were
ORIGIN = "Imported from {name} by upload (job {job})"


def _lines(raw: File) -> io.TextIOWrapper:
    return io.TextIOWrapper(raw, encoding="utf-8-sig", newline="")


def _records_in(job: Job, fmt: str) -> int:
    with job.upload.open("rb") as raw:
        return sum(1 for _ in READERS[fmt](_lines(raw)))


@transaction.atomic
def import_upload(*, upload: File, name: str, by: AbstractBaseUser | None, fmt: str | None = None) -> Job:
    """Keep the file and ask for the job that imports it as `by`; refuses an empty file, one that
    is neither JSON Lines nor CSV, or one that is not UTF-8 text, with a reason and nothing kept."""
    if by is None or not by.is_authenticated:
        # The job would have nobody to import as; the system imports with manage.py import_claims.
        raise Forbidden(_("An upload is imported as the user who sends it: log in first."))
    require_perm(by, IMPORT)
    upload.seek(0)
    fmt = detect_format(name=name, head=upload.read(SNIFFED), given=fmt)
    upload.seek(0)
    check_utf8(upload)
    upload.seek(0)
    job = job_create(kind=JobKind.IMPORT, description=f"Import of {name}", by=by, params={"format": fmt, "name": name})
    stored = default_storage.save(f"imports/{uuid.uuid4().hex}.{fmt}", upload)
    try:  # a job that is not written leaves no file behind
        job.upload.name = stored
        job.save(update_fields=["upload"])
        enqueue(RUN_IMPORT, job.pk)
    except BaseException:
        default_storage.delete(stored)
        raise
    return job


def _errors(report: ImportReport) -> list[dict]:
    kept = [{"line": f.line, "ref": f.ref or "", "message": f.message} for f in report.failures[:MAX_ERRORS_KEPT]]
    more = len(report.failures) - len(kept)
    if more > 0:
        kept.append({"line": None, "ref": "", "message": f"… and {more:,} more bad records, not listed."})
    return kept


def uploader_refusal(job: Job) -> str | None:
    """Why the job's file may not be imported as its uploader now, if it may not: read at run time,
    so that a right taken away after the upload is not used. None: go on."""
    uploader = job.created_by
    if uploader is None:
        # Never the system instead: that would publish and grade what the uploader could not.
        return "Nothing was imported: the account that uploaded this file no longer exists."
    if not may(uploader, IMPORT):
        return (
            f"Nothing was imported: {uploader.get_username()} may no longer import claims "
            f"(it takes an active account with the permission {IMPORT})."
        )
    return None


def _run(job: Job) -> ImportReport:
    fmt, name = job.params["format"], job.params.get("name", job.upload.name)
    # A missing file raises: the task is retried, then the job fails.
    job_progress(job_id=job.pk, total=_records_in(job, fmt))
    with job.upload.open("rb") as raw:
        return import_records(
            READERS[fmt](_lines(raw)),
            source=name,
            by=job.created_by,
            origin=ORIGIN.format(name=name, job=job.pk),
            commit_every=BULK_SIZE,
            on_commit=lambda progress: job_progress(job_id=job.pk, done=progress.records),
        )


def import_job_run(*, job_id: int) -> None:
    """Import the job's file as its uploader, or go on with it (JobBusy if another task holds it)."""
    with job_held(job_id=job_id) as job:
        if job is None:
            return
        refusal = uploader_refusal(job)
        if refusal is not None:
            job_fail(job_id=job_id, reason=refusal)  # no try can change it: the job ends now
            return
        report = _run(job)
    counted = {what: n for what, n in sorted(report.counts.items()) if n}
    result = {
        "records": report.records, "imported": report.imported, "rescored": report.rescored, **counted,
        "claim_ids": report.claim_ids,
    }  # fmt: skip
    with transaction.atomic():
        job_finish(job_id=job_id, result=result, errors=_errors(report), done=report.records)
        if report.imported:
            # What the import carried may show new dependence between outlets (SPEC §17).
            dependence_recompute(claim_ids=report.claim_ids, by=job.created_by)
