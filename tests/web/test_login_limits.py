"""Failed logins lock an account and an address, at /login/ and /admin/login/ (issue 16).

The limits are the defaults of settings.py: 5 failures for one username, 20 from one
address, a 15-minute lock. client.force_login, which the other tests use, never counts.
"""

import io
import os
import socket
import time

import pytest
from django.contrib.auth import SESSION_KEY
from django.core.management import CommandError, call_command
from django.test import Client

from claims.security import login_limits

pytestmark = pytest.mark.django_db

LOCKED = "Too many failed logins for this account"
ADDRESS_LOCKED = "Too many failed logins for your network address"
PAGES = ["/login/", "/admin/login/"]


def attempt(client: Client, page: str, username: str, password: str, address: str = "203.0.113.7"):
    return client.post(page, {"username": username, "password": password}, REMOTE_ADDR=address)


def logged_in(client: Client) -> bool:
    return SESSION_KEY in client.session


@pytest.mark.parametrize("page", PAGES)
def test_25_wrong_passwords_and_then_the_right_one_is_refused(editor, page):
    client = Client()
    statuses = [attempt(client, page, "edna", f"guess-{n}").status_code for n in range(25)]

    response = attempt(client, page, "edna", "edna-pass-1234")

    assert statuses[:4] == [200] * 4
    assert set(statuses[4:]) == {429}
    assert response.status_code == 429
    assert LOCKED in response.text
    assert not logged_in(client)


@pytest.mark.parametrize("page", PAGES)
def test_the_fifth_failure_locks_the_account_and_says_for_how_long(editor, page):
    client = Client()
    for n in range(4):
        response = attempt(client, page, "edna", f"guess-{n}")
        assert response.status_code == 200
        assert LOCKED not in response.text

    response = attempt(client, page, "edna", "guess-4")

    assert response.status_code == 429
    assert "logins are refused for 15 minutes, even with the right password" in response.text
    assert 800 < int(response["Retry-After"]) <= 900


def test_a_locked_account_is_locked_from_every_address_and_on_both_login_pages(editor):
    for n in range(5):
        attempt(Client(), "/login/", "edna", f"guess-{n}", address=f"198.51.100.{n}")

    for page in PAGES:
        client = Client()
        response = attempt(client, page, "edna", "edna-pass-1234", address="192.0.2.50")
        assert response.status_code == 429
        assert not logged_in(client)


def test_other_accounts_still_log_in_while_one_is_locked(editor, reviewer):
    for n in range(5):
        attempt(Client(), "/login/", "edna", f"guess-{n}")

    client = Client()
    response = attempt(client, "/login/", "rita", "rita-pass-1234")

    assert response.status_code == 302
    assert logged_in(client)


def test_usernames_differing_only_in_case_or_spaces_count_as_one_account(editor):
    for n, name in enumerate(["edna", "EDNA", " Edna", "edNa ", "Edna"]):
        attempt(Client(), "/login/", name, f"guess-{n}")

    assert attempt(Client(), "/login/", "edna", "edna-pass-1234").status_code == 429


def test_a_successful_login_clears_the_accounts_failures(editor):
    for n in range(4):
        attempt(Client(), "/login/", "edna", f"guess-{n}")
    assert attempt(Client(), "/login/", "edna", "edna-pass-1234").status_code == 302

    for n in range(4):
        assert attempt(Client(), "/login/", "edna", f"again-{n}").status_code == 200
    assert attempt(Client(), "/login/", "edna", "edna-pass-1234").status_code == 302


def test_a_login_without_a_password_does_not_clear_the_count(editor):
    for n in range(4):
        attempt(Client(), "/login/", "edna", f"guess-{n}")
    assert attempt(Client(), "/login/", "edna", "").status_code == 200

    assert attempt(Client(), "/login/", "edna", "guess-4").status_code == 429


def test_20_failures_from_one_address_lock_it_whatever_usernames_it_tried(editor, reviewer):
    for n in range(19):
        assert attempt(Client(), "/login/", f"user-{n}", "guess").status_code == 200

    response = attempt(Client(), "/login/", "someone-else", "guess")
    assert response.status_code == 429
    assert ADDRESS_LOCKED in response.text

    for page in PAGES:
        client = Client()
        assert attempt(client, page, "rita", "rita-pass-1234").status_code == 429
        assert not logged_in(client)
    elsewhere = Client()
    assert attempt(elsewhere, "/login/", "rita", "rita-pass-1234", address="198.51.100.9").status_code == 302
    assert logged_in(elsewhere)


def test_a_success_does_not_clear_the_addresss_failures(editor, reviewer):
    for n in range(19):
        attempt(Client(), "/login/", f"user-{n}", "guess")
    assert attempt(Client(), "/login/", "rita", "rita-pass-1234").status_code == 302

    assert attempt(Client(), "/login/", "user-x", "guess").status_code == 429


def test_behind_a_proxy_the_address_is_the_one_the_proxy_saw(settings, editor):
    settings.NUM_PROXIES = 1
    for n in range(20):
        Client().post(
            "/login/",
            {"username": f"user-{n}", "password": "guess"},
            REMOTE_ADDR="10.0.0.2",
            HTTP_X_FORWARDED_FOR=f"198.51.100.{n}, 203.0.113.7",
        )

    locked = Client().post(
        "/login/", {"username": "edna", "password": "edna-pass-1234"}, HTTP_X_FORWARDED_FOR="203.0.113.7"
    )
    other = Client().post(
        "/login/", {"username": "edna", "password": "edna-pass-1234"}, HTTP_X_FORWARDED_FOR="203.0.113.8"
    )

    assert locked.status_code == 429
    assert other.status_code == 302


def test_the_lock_ends_after_the_cool_off(editor, monkeypatch):
    for n in range(5):
        attempt(Client(), "/login/", "edna", f"guess-{n}")
    assert attempt(Client(), "/login/", "edna", "edna-pass-1234").status_code == 429
    started = time.time()

    monkeypatch.setattr(login_limits, "now", lambda: started + 899)  # one second before the 15 minutes end
    assert attempt(Client(), "/login/", "edna", "edna-pass-1234").status_code == 429
    monkeypatch.setattr(login_limits, "now", lambda: started + 901)

    client = Client()
    assert attempt(client, "/login/", "edna", "edna-pass-1234").status_code == 302
    assert logged_in(client)


def test_unlock_login_lifts_an_accounts_lock_at_once(editor):
    for n in range(5):
        attempt(Client(), "/admin/login/", "edna", f"guess-{n}")
    out = io.StringIO()

    call_command("unlock_login", "--user", "edna", stdout=out)

    assert "Unlocked logins for user edna." in out.getvalue()
    assert attempt(Client(), "/admin/login/", "edna", "edna-pass-1234").status_code == 302


def test_unlock_login_lifts_an_addresss_lock_however_it_is_written(editor):
    for n in range(20):
        attempt(Client(), "/login/", f"user-{n}", "guess", address="::ffff:203.0.113.7")
    assert attempt(Client(), "/login/", "edna", "edna-pass-1234").status_code == 429

    call_command("unlock_login", "--address", "203.0.113.7", stdout=io.StringIO())

    assert attempt(Client(), "/login/", "edna", "edna-pass-1234").status_code == 302


def test_unlock_login_needs_someone_to_unlock():
    with pytest.raises(CommandError, match="--user NAME, --address IP"):
        call_command("unlock_login", stdout=io.StringIO())


def test_a_limit_of_zero_switches_it_off(settings, editor):
    settings.LOGIN_FAILURES_PER_ACCOUNT = 0
    settings.LOGIN_FAILURES_PER_ADDRESS = 0
    for n in range(30):
        assert attempt(Client(), "/login/", "edna", f"guess-{n}").status_code == 200

    assert attempt(Client(), "/login/", "edna", "edna-pass-1234").status_code == 302


def redis_url() -> str:
    return os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")


def redis_reachable(url: str) -> bool:
    host, _, port = url.split("//", 1)[1].split("/", 1)[0].partition(":")
    try:
        socket.create_connection((host, int(port or 6379)), timeout=0.5).close()
    except OSError:
        return False
    return True


def test_with_a_redis_cache_the_lock_and_the_unlock_work_the_same(settings, editor):
    """Production shares the counts between workers through Redis (CACHE_URL): the same limit on it."""
    if not redis_reachable(redis_url()):
        pytest.skip(f"no Redis at {redis_url()} (set TEST_REDIS_URL to run this test)")
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": redis_url(),
            "KEY_PREFIX": f"test-{os.getpid()}-{time.time_ns()}",
        }
    }
    for n in range(5):
        attempt(Client(), "/login/", "edna", f"guess-{n}")

    assert attempt(Client(), "/login/", "edna", "edna-pass-1234").status_code == 429
    call_command("unlock_login", "--user", "edna", stdout=io.StringIO())
    assert attempt(Client(), "/login/", "edna", "edna-pass-1234").status_code == 302
