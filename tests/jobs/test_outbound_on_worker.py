"""The outbound deadline on a real worker (tests/jobs/worker.py): a page and a webhook receiver
that drip their answers are cut off at OUTBOUND_DEADLINE_SECONDS, and the failure says so."""

import time

import pytest

from claims.choices import CaptureStatus, JobState
from claims.models import Capture, DeliveryAttempt
from claims.services.captures import capture_request
from claims.services.webhooks import subscription_create
from tests.api.conftest import publish
from tests.factories import make_claim
from tests.jobs.test_worker import wait_for
from tests.outbound.server import Page, serving

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

DRIP = Page(200, body=b"." * 300, chunks=300, delay=0.1)  # half a minute to send whole
ON_THE_WORKER = {"OUTBOUND_ALLOWED_NETWORKS": "127.0.0.0/8", "OUTBOUND_DEADLINE_SECONDS": "1"}


@pytest.fixture
def dripping(settings):
    settings.OUTBOUND_ALLOWED_NETWORKS = ["127.0.0.0/8"]
    with serving() as server:
        yield server


def test_a_capture_of_a_page_that_drips_fails_on_the_worker_at_the_deadline(worker_factory, editor, dripping):
    worker = worker_factory(**ON_THE_WORKER, JOB_MAX_RETRIES="0")
    worker.start()

    capture = capture_request(url=dripping.add("/drip", DRIP), claim=make_claim(), by=editor)

    job = wait_for(capture.job)
    capture = Capture.objects.get(pk=capture.pk)
    assert (job.state, capture.status) == (JobState.FAILED, CaptureStatus.FAILED), worker.output()
    assert "127.0.0.1 did not send the whole response within the deadline of 1 s." in job.failure
    assert capture.snapshot is None


def test_a_webhook_receiver_that_drips_is_cut_off_on_the_worker_at_the_deadline(worker_factory, consumer, dripping):
    worker = worker_factory(**ON_THE_WORKER, WEBHOOK_RETRY_DELAYS="3600")
    worker.start()
    subscription_create(url=dripping.add("/hook", DRIP), events=["claim.published"], by=consumer)

    publish(make_claim())  # committed: the worker fans it out and tries the delivery

    ends = time.monotonic() + 90
    while not (attempt := DeliveryAttempt.objects.first()) and time.monotonic() < ends:
        time.sleep(0.05)  # another process's progress is read from the database
    assert attempt is not None, worker.output()
    assert attempt.error == "127.0.0.1 did not send the whole response within the deadline of 1 s."
    assert 1000 <= attempt.duration_ms < 1500
    assert len([r for r in dripping.received if r.method == "POST"]) == 1
