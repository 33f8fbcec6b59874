"""What a job has done, in words, as it stands when the page is drawn: the progress of the jobs
list and the job page, and the message a form that started a job leaves.

Said from the job's own record, never assumed: without a broker a job may already be done when
the page that asked for it is drawn, and with one it may not have started.
"""

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from claims.choices import JobKind, JobState
from claims.models import Job

# What a job counts, by kind: records read, claims rescored, steps taken.
UNITS = {
    JobKind.IMPORT: lambda n: ngettext("%(n)s record", "%(n)s records", n) % {"n": f"{n:,}"},
    JobKind.RESCORE: lambda n: ngettext("%(n)s claim", "%(n)s claims", n) % {"n": f"{n:,}"},
    JobKind.CAPTURE: lambda n: ngettext("%(n)s step", "%(n)s steps", n) % {"n": f"{n:,}"},
    JobKind.FEED_POLL: lambda n: ngettext("%(n)s new item", "%(n)s new items", n) % {"n": f"{n:,}"},
}


def _counted(job: Job, n: int) -> str:
    return UNITS.get(job.kind, lambda k: f"{k:,}")(n)


def _capture_outcome(job: Job) -> str:
    capture = getattr(job, "capture", None)
    return str(capture.get_status_display()) if capture is not None else _("Done")


def job_progress_words(job: Job) -> str:
    """How far the job has got: "3 of 6 records", "Waiting to start", or what it came to."""
    if job.state == JobState.QUEUED:
        return _("Waiting to start")
    if job.state == JobState.FAILED:
        if job.total:
            return _("Stopped after %(done)s of %(total)s") % {"done": job.done, "total": _counted(job, job.total)}
        return _("Stopped")
    if job.state == JobState.RUNNING:
        if job.total is None:
            return _("%(done)s so far") % {"done": _counted(job, job.done)}
        return _("%(done)s of %(total)s") % {"done": job.done, "total": _counted(job, job.total)}
    if job.kind == JobKind.CAPTURE:
        return _capture_outcome(job)
    if job.kind == JobKind.RESCORE:
        claims, changed = job.result.get("claims", job.done), job.result.get("changed", 0)
        return _("%(claims)s rescored, %(changed)s changed") % {"claims": _counted(job, claims), "changed": changed}
    if job.kind == JobKind.IMPORT:
        imported, records = job.result.get("imported", job.done), job.result.get("records", job.done)
        return _("%(imported)s of %(records)s imported") % {"imported": imported, "records": _counted(job, records)}
    if job.kind == JobKind.FEED_POLL:
        if job.result.get("not_modified"):
            return _("Nothing new (the feed was not modified)")
        seen = job.result.get("seen", 0)
        return _("%(new)s, %(seen)s seen before") % {
            "new": _counted(job, job.result.get("new", job.done)),
            "seen": seen,
        }
    return _("Done")


def import_started_message(job: Job) -> str:
    """What the import form says once its file is in: what happened, if it has happened already."""
    job.refresh_from_db()
    if job.state == JobState.DONE:
        failed = len([error for error in job.errors if error.get("line") is not None])
        said = _("File imported: %(progress)s.") % {"progress": job_progress_words(job)}
        if failed:
            said += " " + ngettext(
                "%(n)s record could not be imported: it is listed below with its line and the reason.",
                "%(n)s records could not be imported: they are listed below with their lines and the reasons.",
                failed,
            ) % {"n": failed}
        return said
    if job.state == JobState.FAILED:
        return _("The import could not finish: %(reason)s") % {"reason": job.failure}
    return _("File received: it is being imported. This page shows how far it has got.")


def rescoring_message(job: Job) -> str:
    """What a change that reaches many claims says of their rescoring, as it stands now."""
    job.refresh_from_db()
    if job.state == JobState.DONE:
        return _("The claims it reaches were rescored: %(progress)s.") % {"progress": job_progress_words(job)}
    if job.state == JobState.FAILED:
        return _("Rescoring the claims it reaches failed (%(reason)s); they say their scores may be stale.") % {
            "reason": job.failure
        }
    return _("The claims it reaches are being rescored in the background, and say so until they are.")
