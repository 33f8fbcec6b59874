"""Finding Debian's Chromium for the browser tests, and what to do when there is none.

Without Chromium the browser tests skip with a message saying how to install it,
unless REQUIRE_BROWSER=1 (CI sets it): then a missing browser fails the run, so a
broken CI image cannot pass by skipping.
"""

import os
import shutil

import pytest

LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]
INSTALL_HINT = "install Debian's package: apt-get install -y chromium"


def browser_required() -> bool:
    return os.environ.get("REQUIRE_BROWSER", "") == "1"


def _missing(what: str, hint: str) -> None:
    if browser_required():
        pytest.fail(f"REQUIRE_BROWSER=1 but {what}; {hint}.", pytrace=False)
    pytest.skip(f"{what[0].upper()}{what[1:]}, so the browser tests are skipped; {hint}.")


def chromium_or_skip() -> str:
    """The path of the chromium executable; skips (or fails, when required) if there is none."""
    path = shutil.which("chromium")
    if path is None:
        _missing("no chromium on PATH", INSTALL_HINT)
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        _missing("the playwright package is not installed", "pip install -r requirements-dev.txt")
    return path
