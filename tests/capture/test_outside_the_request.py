"""A capture's fetch never runs in the request that asks for it, on the embedded default too
(SPEC §13): the POST answers 202 at once, and the page is fetched after the response by the
process's background executor (claims/services/background.py)."""

import threading
import time

import pytest

from claims.choices import CaptureState, CaptureStatus, JobState
from claims.models import Capture
from claims.services.background import executor
from tests.capture.pages import SITES, news_page
from tests.factories import make_claim
from tests.outbound.server import Page

INSTITUTE = SITES[1]


def ask(client, url: str, claim) -> object:
    return client.post("/api/v1/captures/", {"url": url, "claim": claim.pk}, format="json")


@pytest.mark.django_db
def test_the_request_answers_before_the_page_is_fetched_and_the_fetch_follows(
    sites, editor, client_for, django_capture_on_commit_callbacks, drain_background
):
    claim = make_claim()

    with django_capture_on_commit_callbacks(execute=True):  # the request's transaction commits
        response = ask(client_for(editor), sites.url(INSTITUTE), claim)

    assert response.status_code == 202, response.content
    capture = Capture.objects.select_related("job").get()
    assert (capture.status, capture.job.state) == (CaptureStatus.QUEUED, JobState.QUEUED)
    assert sites.servers[INSTITUTE.host].received == [] and executor.queued() == 1

    assert drain_background() == 1  # after the response

    capture.refresh_from_db()
    capture.job.refresh_from_db()
    assert (capture.state, capture.job.state) == (CaptureState.RECORDED, JobState.DONE)
    assert capture.appearance.claim == claim


@pytest.mark.slow
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_on_the_embedded_default_a_capture_does_not_wait_for_a_page_that_hangs(sites, editor, client_for, settings):
    settings.OUTBOUND_DEADLINE_SECONDS = 20
    hang = threading.Event()
    site = sites.servers[INSTITUTE.host]
    url = site.add("/hangs", Page(body=news_page(INSTITUTE), release=hang))
    claim = make_claim()
    executor.threaded = True

    started = time.monotonic()
    response = ask(client_for(editor), url, claim)
    took = time.monotonic() - started

    assert response.status_code == 202, response.content
    assert site.answered == []  # the page still holds the request: the POST did not wait
    assert took < 5, took
    site.wait_for(received=1)
    hang.set()

    assert executor.drain(timeout=30)
    capture = Capture.objects.select_related("job").get()
    assert (capture.state, capture.job.state) == (CaptureState.RECORDED, JobState.DONE), capture.message
    assert capture.appearance.claim == claim
