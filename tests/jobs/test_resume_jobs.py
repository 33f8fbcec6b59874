"""manage.py resume_jobs: unfinished jobs are enqueued again from what the database holds."""

from datetime import date
from io import StringIO

import pytest
from celery import current_app
from django.core.management import call_command

from claims.choices import JobKind, JobState
from claims.models import Claim, Job, ScoreBatch
from claims.services.job_resume import TASKS
from claims.services.outlets import outlet_update
from claims.services.rescoring import claims_rescore_all
from tests.factories import make_appearance, make_claim, make_outlet

pytestmark = pytest.mark.django_db


def test_a_rescoring_whose_tasks_were_lost_is_finished_by_resume_jobs(reviewer, committed):
    outlet = make_outlet("Al-Akhbar", reliability="E")
    for n in range(3):
        make_appearance(make_claim(f"Claim {n}"), outlet, published_on=date(2021, 10, 21))
    job = outlet_update(outlet=outlet, reliability="A", by=reviewer).rescoring  # its task never runs: lost

    out = StringIO()
    with committed():
        call_command("resume_jobs", stdout=out)

    job.refresh_from_db()
    assert job.state == JobState.DONE
    assert "1 job(s) enqueued again." in out.getvalue()
    assert not ScoreBatch.objects.exists() and claims_rescore_all() == 0
    assert {c[0] for c in Claim.objects.values_list("admiralty_code", flat=True)} == {"A"}


def test_failed_jobs_are_tried_again_only_when_asked(reviewer, committed):
    outlet = make_outlet("Al-Akhbar", reliability="E")
    make_appearance(make_claim("Claim"), outlet, published_on=date(2021, 10, 21))
    job = outlet_update(outlet=outlet, reliability="B", by=reviewer).rescoring
    Job.objects.filter(pk=job.pk).update(state=JobState.FAILED, failure="OperationalError: the database was down")

    with committed():
        call_command("resume_jobs", stdout=StringIO())
    assert Job.objects.get(pk=job.pk).state == JobState.FAILED

    with committed():
        call_command("resume_jobs", "--failed", stdout=StringIO())
    job.refresh_from_db()
    assert (job.state, job.failure) == (JobState.DONE, "")
    assert claims_rescore_all() == 0


def test_every_kind_of_job_can_be_resumed():
    assert set(TASKS) == set(JobKind)
    registered = set(current_app.tasks)
    assert all(task in registered for task in TASKS.values())
