"""The tasks: thin, each calling one service; on a worker a failed try is retried by Celery after
the schedule's wait, and `manage.py send_webhooks` runs the sweep."""

import io

import pytest
from celery.exceptions import Retry
from django.core.management import call_command

from claims.models import Delivery
from claims.services.webhook_dispatch import events_dispatch
from claims.tasks import deliver_webhook
from tests.api.conftest import publish
from tests.factories import make_claim
from tests.outbound.server import Page
from tests.webhooks.conftest import posted

pytestmark = pytest.mark.django_db


def test_on_a_worker_a_failed_try_is_retried_after_the_schedules_wait(
    settings, monkeypatch, consumer, subscribe, receiver
):
    settings.WEBHOOK_RETRY_DELAYS = [5, 300]
    receiver.add("/down", Page(503))
    subscribe(consumer, ["claim.published"], path="/down")
    publish(make_claim())
    events_dispatch()
    countdowns = []

    def retry(**options: object) -> Retry:
        countdowns.append(options["countdown"])
        return Retry()

    monkeypatch.setattr(deliver_webhook, "retry", retry)
    with pytest.raises(Retry):
        deliver_webhook(Delivery.objects.get().pk)  # called as a worker calls it: not eager

    assert countdowns == [5.0]
    assert len(posted(receiver, "/down")) == 1


def test_send_webhooks_fans_out_and_sends_what_is_due(consumer, subscribe, receiver, committed):
    subscribe(consumer, ["claim.published"])
    publish(make_claim())
    out = io.StringIO()

    with committed():
        call_command("send_webhooks", stdout=out)

    assert out.getvalue().startswith("1 event(s) fanned out")
    assert len(posted(receiver)) == 1
