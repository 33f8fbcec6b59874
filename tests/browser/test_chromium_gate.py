"""The browser tests skip without Chromium, unless REQUIRE_BROWSER=1 makes that a failure.

These run everywhere (they need no browser): they check the gate itself.
"""

import shutil

import pytest

from tests.browser.chromium import chromium_or_skip


def test_without_chromium_the_browser_tests_skip(monkeypatch):
    monkeypatch.setattr(shutil, "which", lambda name: None)
    monkeypatch.delenv("REQUIRE_BROWSER", raising=False)

    with pytest.raises(pytest.skip.Exception, match=r"No chromium on PATH.*apt-get install -y chromium"):
        chromium_or_skip()


def test_without_chromium_they_fail_when_a_browser_is_required(monkeypatch):
    monkeypatch.setattr(shutil, "which", lambda name: None)
    monkeypatch.setenv("REQUIRE_BROWSER", "1")

    with pytest.raises(pytest.fail.Exception, match="REQUIRE_BROWSER=1 but no chromium"):
        chromium_or_skip()


def test_with_chromium_its_path_is_used(monkeypatch):
    monkeypatch.setattr(shutil, "which", lambda name: "/usr/bin/chromium" if name == "chromium" else None)

    assert chromium_or_skip() == "/usr/bin/chromium"
