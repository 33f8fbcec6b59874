"""System checks of a production configuration (`manage.py check --deploy`), beyond Django's own."""

from django.conf import settings
from django.core.checks import CheckMessage, Tags, Warning, register

# Cache backends whose counts live in one process: every gunicorn worker keeps its own.
PROCESS_LOCAL_CACHES = {
    "django.core.cache.backends.locmem.LocMemCache",
    "django.core.cache.backends.dummy.DummyCache",
}
LIMITS_PER_PROCESS = "provenance.W001"


@register(Tags.security, deploy=True)
def limits_shared_between_processes(app_configs: object = None, **kwargs: object) -> list[CheckMessage]:
    """Throttles, rate limits and login lockouts count in the default cache: one of a process's own
    lets each worker count alone, so four workers allow four times every limit."""
    backend = settings.CACHES.get("default", {}).get("BACKEND", "")
    if backend not in PROCESS_LOCAL_CACHES:
        return []
    return [
        Warning(
            "The API throttles, the web UI's rate limits and the login lockouts are counted in a cache "
            f"local to each process ({backend.rsplit('.', 1)[-1]}): behind several workers or machines a "
            "client gets each limit once per worker, and unlock_login cannot reach the server.",
            hint="Set CACHE_URL to a Redis server every worker reaches, e.g. CACHE_URL=redis://redis:6379/0 "
            "(docs/operations.md, 'The cache: Redis in production').",
            id=LIMITS_PER_PROCESS,
        )
    ]
