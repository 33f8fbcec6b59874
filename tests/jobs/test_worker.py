"""The background work on a real worker and Redis (SPEC §12), as production runs it.

Each test starts its own `celery -A provenance worker` (tests/jobs/worker.py) on the test
database, writes through the services as a request would, and waits for the job. One kills
the worker in the middle of a job and starts it again: every score must end as a full rescore
gives it.
"""

import time
from datetime import date

import orjson
import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile

from claims.choices import JobState
from claims.models import Claim, Job, ScoreBatch
from claims.services.imports import import_upload
from claims.services.outlets import outlet_update
from claims.services.rescoring import claims_rescore_all
from tests.factories import bulk_appearances, make_claim, make_outlet

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

WAIT = 90  # seconds


def wait_for(job: Job, *, until: object = None, timeout: float = WAIT) -> Job:
    """The job once it has ended (or once `until(job)` holds)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        job.refresh_from_db()
        if until(job) if until else job.is_finished:
            return job
        time.sleep(0.05)
    raise AssertionError(f"job {job.pk} is still {job.state}: {job.done} of {job.total} after {timeout}s")


def carried_claims(outlet, count: int) -> list[Claim]:
    claims = []
    for n in range(count):
        claim = make_claim(f"Claim {n} carried by {outlet.name}")
        bulk_appearances(claim, 1, outlet=outlet, published_on=date(2021, 10, 21))
        claims.append(claim)
    return claims


def test_a_regrade_is_rescored_by_the_worker(worker_factory, reviewer):
    outlet = make_outlet("Al-Akhbar", reliability="E")
    carried_claims(outlet, 40)
    claims_rescore_all()
    worker = worker_factory(CONFIDENCE_BATCH_SIZE="7")
    worker.start(concurrency=2)

    job = outlet_update(outlet=outlet, reliability="A", by=reviewer).rescoring

    job = wait_for(job)
    assert (job.state, job.done, job.total) == (JobState.DONE, 40, 40), worker.output()
    assert job.result == {"claims": 40, "changed": 40}
    assert not ScoreBatch.objects.exists()
    assert claims_rescore_all() == 0
    assert {code[0] for code in Claim.objects.values_list("admiralty_code", flat=True)} == {"A"}


def test_a_worker_killed_in_the_middle_of_a_job_loses_nothing(worker_factory, reviewer):
    outlet = make_outlet("Al-Akhbar", reliability="E")
    carried_claims(outlet, 300)
    claims_rescore_all()
    worker = worker_factory(CONFIDENCE_BATCH_SIZE="5")
    worker.start(concurrency=1)

    job = outlet_update(outlet=outlet, reliability="B", by=reviewer).rescoring
    job = wait_for(job, until=lambda j: j.done > 0)
    worker.kill()
    job.refresh_from_db()
    assert job.state == JobState.RUNNING and job.done < job.total, "the job ended before the worker was killed"
    assert ScoreBatch.objects.filter(refresh__job=job).exists()

    worker.start(concurrency=1)  # the batch it was running is handed out again, after the visibility timeout

    job = wait_for(job)
    assert (job.state, job.done, job.total) == (JobState.DONE, 300, 300), worker.output()
    assert not ScoreBatch.objects.exists()
    assert claims_rescore_all() == 0  # every score as a full rescore gives it
    assert {code[0] for code in Claim.objects.values_list("admiralty_code", flat=True)} == {"B"}


def test_two_regrades_in_quick_succession_end_with_the_second_everywhere(worker_factory, reviewer):
    outlet = make_outlet("Al-Akhbar", reliability="E")
    carried_claims(outlet, 60)
    claims_rescore_all()
    worker = worker_factory(CONFIDENCE_BATCH_SIZE="4")
    worker.start(concurrency=2)

    first = outlet_update(outlet=outlet, reliability="A", by=reviewer).rescoring
    second = outlet_update(outlet=outlet, reliability="D", by=reviewer).rescoring

    wait_for(first), wait_for(second)
    assert claims_rescore_all() == 0
    assert {code[0] for code in Claim.objects.values_list("admiralty_code", flat=True)} == {"D"}


def test_an_import_runs_on_the_worker_and_lists_its_bad_lines(worker_factory, editor, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    make_outlet("Al-Akhbar", slug="al-akhbar")
    records = [
        {"external_ref": f"w{n}", "text": f"Attack {n} was the Operations Room's",
         "appearances": [{"ref": "a", "outlet": "al-akhbar", "published_on": "2021-10-21"}]}
        for n in range(5)
    ]  # fmt: skip
    lines = [orjson.dumps(r) for r in records[:2]] + [b"{not json"] + [orjson.dumps(r) for r in records[2:]]
    worker = worker_factory(MEDIA_ROOT=str(tmp_path / "media"))
    worker.start()

    job = import_upload(upload=SimpleUploadedFile("w.jsonl", b"\n".join(lines)), name="w.jsonl", by=editor)

    job = wait_for(job)
    assert (job.state, job.done, job.total) == (JobState.DONE, 6, 6), worker.output()
    assert [(e["line"], e["message"][:14]) for e in job.errors] == [(3, "not valid JSON")]
    assert Claim.objects.filter(external_ref__startswith="w").count() == 5


def test_a_job_that_keeps_failing_is_retried_with_backoff_then_failed_with_the_reason(
    worker_factory, editor, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path / "media"
    worker = worker_factory(MEDIA_ROOT=str(tmp_path / "media"), JOB_MAX_RETRIES="2")
    job = import_upload(upload=SimpleUploadedFile("gone.jsonl", b'{"text": "x"}\n'), name="gone.jsonl", by=editor)
    default_storage.delete(job.upload.name)

    worker.start()

    job = wait_for(job)
    assert job.state == JobState.FAILED, worker.output()
    assert "FileNotFoundError" in job.failure and "after 3 tries" in job.failure
    assert job.attempts == 3
