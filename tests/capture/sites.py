"""The newsroom's sites, served locally (tests/capture/pages.py), with their outlets recorded: a fixture for
the capture tests and the browser tests of captures."""

from collections.abc import Iterator
from contextlib import ExitStack
from dataclasses import dataclass

import pytest

from claims.models import Outlet
from tests.capture.pages import DOCUMENTS, MIRROR, SITES, Site, news_page, paragraphs
from tests.factories import make_outlet
from tests.outbound.server import LocalServer, Page, serving

ODD_HOST = "127.0.0.8"  # redirects, a PDF, errors, slow and oversize pages


@dataclass
class Sites:
    servers: dict[str, LocalServer]
    outlets: dict[str, Outlet]

    def url(self, site: Site, query: str = "") -> str:
        return self.servers[site.host].url(site.path) + query

    def odd(self, path: str, page: Page) -> str:
        return self.servers[ODD_HOST].add(path, page)


@pytest.fixture
def sites(settings, db) -> Iterator[Sites]:
    if not DOCUMENTS.is_dir():
        pytest.skip(f"the seed documents are not at {DOCUMENTS}")
    settings.OUTBOUND_ALLOWED_NETWORKS = ["127.0.0.0/8"]
    hosts = sorted({site.host for site in [*SITES, MIRROR]} | {ODD_HOST})
    with ExitStack() as stack:
        servers = {host: stack.enter_context(serving(host)) for host in hosts}
        outlets = {}
        for site in SITES:
            if site.key not in outlets:
                outlets[site.key] = make_outlet(site.name, slug=site.key, domain=site.host, reliability="C")
        found = Sites(servers, outlets)
        memri, institute = SITES[0], SITES[1]
        for site in SITES:
            links = {2: ("the Washington Institute's analysis", found.url(institute))} if site is memri else None
            servers[site.host].add(site.path, Page(body=news_page(site, links=links)))
        # The mirror copies the Institute's analysis, and names its publisher in its JSON-LD.
        copied = news_page(MIRROR, body=paragraphs(institute.document)[:12], publisher="Levant Mirror Media")
        servers[MIRROR.host].add(MIRROR.path, Page(body=copied))
        yield found
