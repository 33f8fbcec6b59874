"""`manage.py check --deploy` warns when the limits would count per worker process (provenance.W001)."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.checks.registry import registry

from provenance.checks import LIMITS_PER_PROCESS, limits_shared_between_processes
from provenance.settings import cache_settings

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION = {"DEBUG": "false", "SECRET_KEY": "k" * 60, "ALLOWED_HOSTS": "provenance.example.org"}


def deploy_check(env: dict[str, str], tmp_path: Path) -> str:
    """What the real command prints for this environment (its own process, its own settings)."""
    clean = {k: v for k, v in os.environ.items() if k not in {"CACHE_URL", "DJANGO_SETTINGS_MODULE"}}
    clean |= {"DATABASE_URL": f"sqlite:///{tmp_path / 'check.sqlite3'}", **PRODUCTION, **env}
    done = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy"], cwd=ROOT, env=clean, capture_output=True, text=True
    )
    return done.stdout + done.stderr


# Each starts Django in a process of its own (some 5 s on a busy machine): run with the slow ones.
@pytest.mark.slow
def test_check_deploy_without_cache_url_warns_that_limits_count_per_process_and_names_cache_url(tmp_path):
    printed = deploy_check({}, tmp_path)

    assert "provenance.W001" in printed
    assert "HINT: Set CACHE_URL" in printed


@pytest.mark.slow
def test_check_deploy_with_cache_url_set_does_not_warn(tmp_path):
    printed = deploy_check({"CACHE_URL": "redis://127.0.0.1:6379/0"}, tmp_path)

    assert "provenance.W001" not in printed
    assert "Traceback" not in printed  # the command ran, and found nothing to say of the cache


@pytest.mark.parametrize(("url", "warned"), [("", True), ("redis://cache.internal:6379/0", False)])
def test_the_warning_follows_the_cache_the_settings_make_of_cache_url(settings, url, warned):
    settings.CACHES = {"default": cache_settings(url)}

    # Registered as a deploy check: `check --deploy` runs it, a plain `check` does not.
    assert limits_shared_between_processes in registry.get_checks(include_deployment_checks=True)
    assert limits_shared_between_processes not in registry.get_checks(include_deployment_checks=False)
    found = [message.id for message in limits_shared_between_processes()]

    assert found == ([LIMITS_PER_PROCESS] if warned else [])
