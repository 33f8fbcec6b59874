"""Background jobs in the web UI: one job's progress and outcome, the user's jobs, and the import upload.

The job page reads the job as the API does (Job.objects.visible_to): the user's own, or every
job for reviewers. While the job runs, static/web/job.js asks the API for it again every
second or two and moves the progress bar; when it ends, the page is drawn again with the
outcome and the bad records.
"""

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext_lazy as _

from claims.choices import JobKind
from claims.models import Claim, Job
from claims.web.access import importer_required, login_required
from claims.web.capture_display import capture_steps
from claims.web.forms import ImportForm
from claims.web.job_words import import_started_message, job_progress_words
from claims.web.rendering import render_page

PAGE_SIZE = 25
IMPORTED = {"created": _("Claims created"), "updated": _("Claims updated")}


def _jobs(request: HttpRequest) -> QuerySet:
    # A capture's job shows what the capture came to: read with it, in the same query.
    return Job.objects.visible_to(request.user).select_related("created_by", "capture__job")


@login_required
def job_list_view(request: HttpRequest) -> HttpResponse:
    page = Paginator(_jobs(request).order_by("-id"), PAGE_SIZE).get_page(request.GET.get("page"))
    rows = [(job, job_progress_words(job)) for job in page]
    return render_page(request, "web/job_list.html", {"page": page, "rows": rows})


@login_required
def job_detail_view(request: HttpRequest, pk: int) -> HttpResponse:
    job = get_object_or_404(_jobs(request), pk=pk)
    capture = getattr(job, "capture", None) if job.kind == JobKind.CAPTURE else None
    context = {"job": job, "progress": job_progress_words(job), "capture": capture}
    if capture is not None:
        context["steps"] = capture_steps(capture)
    if job.kind == JobKind.IMPORT:
        context["imported"] = imported_claims(job, user=request.user)
    return render_page(request, "web/job_detail.html", context)


def imported_claims(job: Job, *, user: object) -> list[tuple[str, list[Claim], int]]:
    """The claims an import created and updated, as the reader may see them (one query): each kind's
    label, the first of them, and how many there were."""
    listed = (job.result or {}).get("claim_ids") or {}
    wanted = [pk for what in IMPORTED for pk in listed.get(what, [])]
    if not wanted:
        return []
    found = Claim.objects.visible_to(user).only("id", "text").in_bulk(wanted)
    return [
        (str(label), [found[pk] for pk in listed.get(what, []) if pk in found], job.result.get(f"claims {what}", 0))
        for what, label in IMPORTED.items()
        if listed.get(what)
    ]


@importer_required
def import_view(request: HttpRequest) -> HttpResponse:
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST":
        job = form.save(by=request.user)
        if job is not None:
            messages.success(request, import_started_message(job))
            return redirect("web:job-detail", pk=job.pk)
    return render_page(request, "web/import.html", {"form": form}, status=form.status_code)
