"""Background jobs in the web UI: one job's progress and outcome, the user's jobs, and the import upload.

The job page reads the job as the API does (Job.objects.visible_to): the user's own, or every
job for reviewers. While the job runs, static/web/job.js asks the API for it again every
second or two and moves the progress bar; when it ends, the page is drawn again with the
outcome and the bad records.
"""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect

from claims.models import Job
from claims.web.access import importer_required, login_required
from claims.web.forms import ImportForm
from claims.web.rendering import render_page

PAGE_SIZE = 25


@login_required
def job_list_view(request: HttpRequest) -> HttpResponse:
    jobs = Job.objects.visible_to(request.user).select_related("created_by").order_by("-id")
    page = Paginator(jobs, PAGE_SIZE).get_page(request.GET.get("page"))
    return render_page(request, "web/job_list.html", {"page": page})


@login_required
def job_detail_view(request: HttpRequest, pk: int) -> HttpResponse:
    job = get_object_or_404(Job.objects.visible_to(request.user).select_related("created_by"), pk=pk)
    return render_page(request, "web/job_detail.html", {"job": job})


@importer_required
def import_view(request: HttpRequest) -> HttpResponse:
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST":
        job = form.save(by=request.user)
        if job is not None:
            messages.success(request, form.success_message)
            return redirect("web:job-detail", pk=job.pk)
    return render_page(request, "web/import.html", {"form": form}, status=form.status_code)
