"""A local receiver for deliveries, and subscriptions to it.

The receiver is the outbound tests' server (tests/outbound/server.py), reachable because the
fixture names 127.0.0.0/8 in OUTBOUND_ALLOWED_NETWORKS. Retries wait no time here: a test makes
the next try by calling the sweep, as cron or celery beat would once it is due.
"""

from collections.abc import Callable

import pytest
from django.contrib.auth.models import User

from claims.models import Subscription
from claims.services.webhooks import subscription_create
from tests.outbound.server import (
    LocalServer,
    Page,
    Received,
    web_server,  # noqa: F401 (the fixture)
)

EVERYTHING = ["claim.published", "claim.retracted", "claim.status_changed", "claim.confidence_changed"]


@pytest.fixture(autouse=True)
def no_waiting(settings) -> None:
    settings.WEBHOOK_RETRY_DELAYS = [0]


@pytest.fixture
def receiver(web_server: LocalServer) -> LocalServer:  # noqa: F811
    """Answers 204 at /hook; a test may give it other pages."""
    web_server.add("/hook", Page(204))
    return web_server


@pytest.fixture
def subscribe(receiver: LocalServer) -> Callable[..., Subscription]:
    def make(user: User, events: list[str] | None = None, path: str = "/hook", **fields: object) -> Subscription:
        return subscription_create(url=receiver.url(path), events=events or EVERYTHING, by=user, **fields)

    return make


def posted(server: LocalServer, path: str = "/hook") -> list[Received]:
    return [r for r in server.received if r.method == "POST" and r.path == path]


def answers(*statuses: int) -> Callable[[Received], Page]:
    """A page that answers these statuses in turn, then the last one again."""
    queue = list(statuses)

    def page(received: Received) -> Page:
        return Page(queue.pop(0) if len(queue) > 1 else queue[0])

    return page
