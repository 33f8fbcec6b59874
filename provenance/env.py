"""Reading settings from environment variables: small typed helpers, each refusing a value it
cannot read with ImproperlyConfigured, so a wrong setting stops the server at start.

An unset or empty variable takes the default. provenance/settings.py reads every knob through
these; docs/operations.md lists the knobs.
"""

import os
import re

from django.core.exceptions import ImproperlyConfigured

TRUE = {"1", "true", "yes", "on"}
FALSE = {"0", "false", "no", "off"}
RATE = re.compile(r"[1-9][0-9]*/(s|sec|second|m|min|minute|h|hour|d|day)")


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, "").strip() or default


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    if value.lower() in TRUE:
        return True
    if value.lower() in FALSE:
        return False
    raise ImproperlyConfigured(f"{name} must be a boolean (true/false), got {value!r}")


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    try:
        return int(value)
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name} must be an integer, got {value!r}") from exc


def env_size(name: str, default: int) -> int:
    """A size or a count (bytes, fields): a whole number above zero."""
    value = env_int(name, default)
    if value <= 0:
        raise ImproperlyConfigured(f"{name} must be a whole number above zero, got {value}")
    return value


def env_seconds(name: str, default: float) -> float:
    """A duration in seconds, decimals allowed, above zero."""
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    try:
        seconds = float(value)
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name} must be a number of seconds, got {value!r}") from exc
    if not seconds > 0 or seconds == float("inf"):
        raise ImproperlyConfigured(f"{name} must be a number of seconds above zero, got {value!r}")
    return seconds


def env_list(name: str, default: list[str]) -> list[str]:
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


def env_rate(name: str, default: str) -> str | None:
    """A throttle rate such as "120/minute"; "off" switches the limit off."""
    value = os.environ.get(name, "").strip() or default
    if value.lower() in {"off", "none"}:
        return None
    if not RATE.fullmatch(value):
        raise ImproperlyConfigured(f"{name} must be a rate such as 120/minute (N/second|minute|hour|day) or off")
    return value
