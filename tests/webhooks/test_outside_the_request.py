"""No outbound call in a request's time, on the embedded default too (SPEC §13): a reviewer's
approve answers at once however slow the receiver, and the delivery is made after the response,
by the process's background executor (claims/services/background.py)."""

import threading
import time

import pytest
from celery import current_app

from claims.choices import DeliveryState, ReviewState
from claims.models import Delivery
from claims.services.background import executor
from claims.task_names import DELIVER_WEBHOOK, POLL_FEED, RUN_CAPTURE, RUN_FEED_POLL
from tests.outbound.server import Page
from tests.webhooks.conftest import posted
from tests.workflow.states import claim_in


def approve(client, claim) -> object:
    return client.post(f"/api/v1/claims/{claim.pk}/approve/", {"comment": "checked"}, format="json")


@pytest.mark.django_db
def test_an_approve_answers_before_the_delivery_is_tried_and_the_delivery_follows(
    editor, reviewer, consumer, subscribe, receiver, client_for, django_capture_on_commit_callbacks, drain_background
):
    subscribe(consumer, ["claim.published"])
    claim = claim_in(ReviewState.IN_REVIEW, created_by=editor)

    with django_capture_on_commit_callbacks(execute=True):  # the request's transaction commits
        response = approve(client_for(reviewer), claim)

    assert response.status_code == 200 and response.json()["review_state"] == "published"
    delivery = Delivery.objects.get()
    assert (delivery.state, delivery.attempts) == (DeliveryState.PENDING, 0)  # not tried in the request
    assert posted(receiver) == [] and executor.queued() == 1

    assert drain_background() == 1  # after the response

    delivery.refresh_from_db()
    assert (delivery.state, delivery.attempts, delivery.last_status_code) == (DeliveryState.DELIVERED, 1, 204)
    assert len(posted(receiver)) == 1


def test_exactly_the_tasks_that_call_out_run_outside_the_request():
    outbound = {name for name, task in current_app.tasks.items() if getattr(task, "outbound", False)}

    # A webhook try, a capture's fetch, a feed's poll (scheduled, or asked for as a job).
    assert outbound == {DELIVER_WEBHOOK, RUN_CAPTURE, POLL_FEED, RUN_FEED_POLL}


@pytest.fixture
def background_threads():
    """The executor as a server runs it: its own threads, with their own database connections."""
    executor.threaded = True
    yield executor
    assert executor.drain(timeout=30), "the background work did not end"


@pytest.mark.slow
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_on_the_embedded_default_an_approve_does_not_wait_for_a_receiver_that_hangs(
    settings, editor, reviewer, consumer, subscribe, receiver, client_for, background_threads
):
    settings.OUTBOUND_DEADLINE_SECONDS = 20
    hang = threading.Event()
    receiver.add("/hangs", Page(204, release=hang))
    subscribe(consumer, ["claim.published"], path="/hangs")
    claim = claim_in(ReviewState.IN_REVIEW, created_by=editor)

    started = time.monotonic()
    response = approve(client_for(reviewer), claim)
    took = time.monotonic() - started

    assert response.status_code == 200 and response.json()["review_state"] == "published"
    assert receiver.answered == []  # the receiver still holds the request: the approve did not wait for it
    assert took < 5, took
    receiver.wait_for(received=1)
    hang.set()

    assert background_threads.drain(timeout=30)
    delivery = Delivery.objects.get()
    assert (delivery.state, delivery.attempts, delivery.last_status_code) == (DeliveryState.DELIVERED, 1, 204)
    assert len(posted(receiver, "/hangs")) == 1
