"""A real headless Chromium driven by Playwright, against pytest-django's live server.

Playwright's sync API runs an event loop in the test thread; Django refuses database
access from a thread with a running loop unless told it is safe, which it is here:
the loop only talks to the browser.
"""

import os
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.conf import settings
from django.core.handlers.wsgi import WSGIHandler
from django.db import connections

from claims.services.background import Work, executor
from tests.browser.chromium import LAUNCH_ARGS, chromium_or_skip
from tests.capture.sites import sites  # noqa: F401 (a fixture for the capture pages)

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

SCREENSHOTS = Path(settings.BASE_DIR) / "artifacts" / "screenshots"
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}


@pytest.fixture(autouse=True)
def chromium_present(request: pytest.FixtureRequest) -> None:
    """Decide skip or fail before any data is loaded for a browser test."""
    if request.node.get_closest_marker("browser"):
        chromium_or_skip()


@pytest.fixture
def browser() -> Iterator[object]:
    """One browser per test. While Playwright's loop runs, Django keeps its database
    connections per async context instead of per thread; starting and stopping it inside
    each test keeps the database set-up and flush around the test on the connection that
    holds the serialized test data (which restores the roles made by migration 0003)."""
    executable = chromium_or_skip()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=executable, args=LAUNCH_ARGS)
        yield chromium
        chromium.close()
        # Close the connections opened in Playwright's context, or PostgreSQL keeps a
        # session open and the test database cannot be dropped at the end.
        connections.close_all()


@pytest.fixture
def outbound_work_after_responses(live_server, outbound_work_waits, monkeypatch) -> Iterator[None]:
    """The live server's requests commit, so its outbound work (a capture's fetch, a webhook try)
    and the work that waits for the response (meaning vectors) run on the executor's threads after
    each response, as on the embedded default. An in-memory SQLite test database is one connection
    that the live server shares among its threads: the executor's threads take it too (a second
    connection would meet table locks, not waits), and one thing at a time uses it, a request or a
    task, as two transactions cannot interleave on one connection."""
    shared = {conn.alias: conn for conn in connections.all() if conn.vendor == "sqlite" and conn.is_in_memory_db()}
    if shared:
        one_at_a_time = threading.Lock()
        submit, handle = executor.submit, WSGIHandler.__call__

        def submit_sharing(work: Work) -> None:
            def run() -> object:
                for alias, conn in shared.items():
                    connections[alias] = conn
                with one_at_a_time:
                    return work.run()

            submit(Work(work.name, run))

        def handle_alone(self: WSGIHandler, environ: dict, start_response: object) -> object:
            with one_at_a_time:
                return handle(self, environ, start_response)

        for conn in shared.values():
            conn.inc_thread_sharing()
        monkeypatch.setattr(executor, "submit", submit_sharing)
        monkeypatch.setattr(WSGIHandler, "__call__", handle_alone)
    executor.threaded = True
    yield
    executor.drain(timeout=30)
    for conn in shared.values():
        conn.dec_thread_sharing()


@pytest.fixture
def page(browser, live_server, outbound_work_after_responses) -> Iterator[object]:
    context = browser.new_context(viewport=DESKTOP, base_url=live_server.url, locale="en-GB")
    tab = context.new_page()
    tab.set_default_timeout(15_000)
    yield tab
    context.close()


@pytest.fixture(autouse=True)
def fast_password_hashing(settings) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def screenshot() -> object:
    """Save a full-page screenshot under artifacts/screenshots/ for a person to look at."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)

    def save(tab: object, name: str) -> Path:
        path = SCREENSHOTS / f"{name}.png"
        tab.screenshot(path=str(path), full_page=True)
        return path

    return save


def log_in(tab: object, username: str, password: str) -> None:
    tab.goto("/login/")
    tab.fill("#id_username", username)
    tab.fill("#id_password", password)
    tab.click("form.form-card button[type=submit]")
    tab.wait_for_selector(".site-user__name")
