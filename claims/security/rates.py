"""Counting requests per key in fixed windows, in Django's cache.

The counts live in the `default` cache: per process with the local-memory default,
shared by every worker with Redis (CACHE_URL), which production needs for the
limits to be exact. `cache.add` then `cache.incr` is atomic on Redis and within a
process, so concurrent requests cannot both read the same count and slip through.
"""

import hashlib
import math
import time
from dataclasses import dataclass

from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured

UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


@dataclass(frozen=True)
class Rate:
    """`count` requests per `seconds`, written as DRF writes rates: "300/minute", "5/second"."""

    count: int
    seconds: int

    @classmethod
    def parse(cls, text: str) -> "Rate":
        number, _, unit = text.partition("/")
        try:
            rate = cls(int(number), UNITS[unit.strip()[:1].lower()])
        except (ValueError, KeyError):
            raise ImproperlyConfigured(f"A rate is N/second, N/minute, N/hour or N/day, not {text!r}") from None
        if rate.count < 1:
            raise ImproperlyConfigured(f"A rate allows at least one request, not {text!r}")
        return rate


def cache_key(*parts: str) -> str:
    """A key of fixed length and safe characters, whatever a username or an address holds."""
    digest = hashlib.sha256("\x00".join(parts[1:]).encode()).hexdigest()[:32]
    return f"{parts[0]}:{digest}"


def count_up(key: str, *, timeout: int) -> int:
    """Add one to the count at `key` (which starts at 0 and expires after `timeout` seconds)."""
    cache.add(key, 0, timeout=timeout)
    try:
        return cache.incr(key)
    except ValueError:  # expired between the two calls
        cache.set(key, 1, timeout=timeout)
        return 1


def over_rate(scope: str, client: str, rate: Rate) -> int | None:
    """Count one request of `client`; the seconds to wait if it is over `rate`, else None."""
    now = time.time()
    window = int(now // rate.seconds)
    count = count_up(cache_key(f"rate:{scope}:{window}", client), timeout=rate.seconds + 1)
    if count <= rate.count:
        return None
    return max(1, math.ceil((window + 1) * rate.seconds - now))
