"""Whose reads may go to a replica: consumers' (anonymous visitors and tokens without a role),
in a request that writes nothing, unless the same user wrote within the last
REPLICA_READ_YOUR_WRITES_SECONDS. The newsroom, every write, and every read outside a request
(tasks, commands) stay on the primary.

The request is held in a context variable for the router (claims/replicas/router.py). A
user's write is remembered in the cache (CACHE_URL: shared by every process, as the rate
limits need it too), so the read-your-writes window holds whichever server the next request
reaches.
"""

from collections.abc import Callable
from contextvars import ContextVar
from dataclasses import dataclass, field

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.utils.functional import empty

from claims.replicas.health import serving_replica
from claims.roles import is_newsroom

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
_UNDECIDED = object()


def wrote_recently_key(user_id: object) -> str:
    return f"replicas:wrote:{user_id}"


@dataclass
class ReadRoute:
    """One request's reads: whether they may use a replica, and which (decided once)."""

    request: HttpRequest
    _replica: object = field(default=_UNDECIDED)

    def replica(self) -> str | None:
        """The replica this request reads from, or None for the primary."""
        if self._replica is _UNDECIDED:
            user = known_user(self.request)
            if user is None:
                return None  # not known yet (being authenticated): the primary, and ask again later
            self._replica = serving_replica() if may_read_from_replica(self.request, user) else None
        return self._replica


def known_user(request: HttpRequest) -> object | None:
    """The request's user once authentication has run, without running it (which reads the
    session and the token: the router would be asked again from inside it)."""
    user = getattr(request, "user", None)
    wrapped = getattr(user, "_wrapped", None)
    if user is None or wrapped is empty:
        return None
    return user if wrapped is None else wrapped


def may_read_from_replica(request: HttpRequest, user: object) -> bool:
    if request.method not in SAFE_METHODS or is_newsroom(user):
        return False
    return not (getattr(user, "is_authenticated", False) and cache.get(wrote_recently_key(user.pk)))


_current: ContextVar[ReadRoute | None] = ContextVar("read_route", default=None)


def current_route() -> ReadRoute | None:
    return _current.get()


class ReadRouteMiddleware:
    """Holds each request for the router, and remembers a user's successful write."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not settings.DATABASE_REPLICAS:
            return self.get_response(request)
        token = _current.set(ReadRoute(request))
        try:
            response = self.get_response(request)
        finally:
            _current.reset(token)
        user = known_user(request)
        wrote = request.method not in SAFE_METHODS and response.status_code < 400
        if wrote and getattr(user, "is_authenticated", False):
            cache.set(wrote_recently_key(user.pk), True, timeout=settings.REPLICA_READ_YOUR_WRITES_SECONDS)
        return response
