"""Failed logins, counted per account and per client address, and the lock-out they lead to.

After LOGIN_FAILURES_PER_ACCOUNT failed logins for one username within
LOGIN_LOCKOUT_SECONDS, that username is locked for LOGIN_LOCKOUT_SECONDS: every
login to it is refused, the right password included, from any address. After
LOGIN_FAILURES_PER_ADDRESS failures from one address (whatever usernames it
tried), that address is locked the same way. A lock ends by itself after the
cool-off, or at once with `manage.py unlock_login`.

Failures are counted for usernames that do not exist too, so a lock-out says
nothing about which accounts exist. A successful login clears its account's
failures, not its address's: logging in to one's own account must not reset the
count of someone guessing other passwords from the same address. The counts are
in the cache (claims/security/rates.py).
"""

import math
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache

from claims.security.rates import cache_key, count_up

ACCOUNT, ADDRESS = "account", "address"


def now() -> float:
    """The time locks are set and judged by (a Unix time); the one clock of this module, so a test
    can move it instead of waiting for a lock to end."""
    return time.time()


@dataclass(frozen=True)
class Lockout:
    """A lock on logins to an account or from an address, until `until` (a Unix time)."""

    kind: str
    until: float

    @property
    def seconds_left(self) -> int:
        return max(1, math.ceil(self.until - now()))

    @property
    def message(self) -> str:
        minutes = math.ceil(self.seconds_left / 60)
        wait = f"{minutes} minute{'s' if minutes != 1 else ''}"
        who = "this account" if self.kind == ACCOUNT else "your network address"
        return (
            f"Too many failed logins for {who}: logins are refused for {wait}, even with the right "
            "password. Try again then, or ask an administrator to unlock it."
        )


def _limits() -> dict[str, int]:
    return {ACCOUNT: settings.LOGIN_FAILURES_PER_ACCOUNT, ADDRESS: settings.LOGIN_FAILURES_PER_ADDRESS}


def _subjects(username: str, address: str) -> dict[str, str]:
    # Usernames are matched as the login form reads them, but case and spaces make no new account here.
    return {ACCOUNT: username.strip().casefold(), ADDRESS: address}


def _lock_key(kind: str, subject: str) -> str:
    return cache_key(f"login-locked:{kind}", subject)


def _failures_key(kind: str, subject: str) -> str:
    return cache_key(f"login-failures:{kind}", subject)


def login_lockout(*, username: str, address: str) -> Lockout | None:
    """The lock that refuses this login now, if any (the account's first)."""
    for kind, subject in _subjects(username, address).items():
        if not subject or _limits()[kind] <= 0:
            continue
        until = cache.get(_lock_key(kind, subject))
        if until is not None and until > now():
            return Lockout(kind, until)
    return None


def login_failure_record(*, username: str, address: str) -> Lockout | None:
    """Count a failed login; the lock it brings about, if it was one too many."""
    cool_off = settings.LOGIN_LOCKOUT_SECONDS
    locked = None
    for kind, subject in _subjects(username, address).items():
        limit = _limits()[kind]
        if not subject or limit <= 0:
            continue
        if count_up(_failures_key(kind, subject), timeout=cool_off) >= limit:
            until = now() + cool_off
            cache.set(_lock_key(kind, subject), until, timeout=cool_off)
            # After the cool-off the count starts again from nothing.
            cache.delete(_failures_key(kind, subject))
            locked = locked or Lockout(kind, until)
    return locked


def login_success_record(*, username: str) -> None:
    cache.delete(_failures_key(ACCOUNT, username.strip().casefold()))


def login_unlock(*, username: str | None = None, address: str | None = None) -> None:
    """Lift the lock and forget the failures of an account, an address, or both."""
    for kind, subject in ((ACCOUNT, (username or "").strip().casefold()), (ADDRESS, address or "")):
        if subject:
            cache.delete_many([_lock_key(kind, subject), _failures_key(kind, subject)])
