"""A loopback server for the feeds (tests/outbound/server.py), an outlet and clients."""

import pytest

from claims.services.feeds import feed_create
from tests.factories import make_outlet
from tests.outbound.server import web_server  # noqa: F401 (the fixture)


@pytest.fixture
def as_editor(client_for, editor):
    return client_for(editor)


@pytest.fixture
def outlet(db):
    return make_outlet("Al-Akhbar")


@pytest.fixture
def add_feed(web_server, outlet, editor):  # noqa: F811
    """A feed of `outlet` served at `path` with the page given."""

    def build(path, page, *, of=None):
        web_server.add(path, page)
        return feed_create(outlet=of or outlet, url=web_server.url(path), by=editor)

    return build
