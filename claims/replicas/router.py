"""The database router: writes to the primary, a request's reads where claims/replicas/routing.py
says (a replica for consumers, else the primary)."""

from django.db import connections
from django.db.models import Model

from claims.replicas.routing import current_route

PRIMARY = "default"
# Who is asking, and their permissions, are read from the primary: a token or a password just
# changed must hold at once, and is_newsroom is decided from them.
PRIMARY_ONLY_APPS = frozenset({"auth", "authtoken", "sessions", "contenttypes", "admin"})


class ReplicaRouter:
    def db_for_read(self, model: type[Model], **hints: object) -> str | None:
        route = current_route()
        if route is None or model._meta.app_label in PRIMARY_ONLY_APPS:
            return None
        if connections[PRIMARY].in_atomic_block:
            return None  # a transaction reads what it writes, and locks rows only the primary holds
        return route.replica()

    def db_for_write(self, model: type[Model], **hints: object) -> str:
        return PRIMARY

    def allow_relation(self, first: Model, second: Model, **hints: object) -> bool:
        return True  # every database holds the same rows

    def allow_migrate(self, db: str, app_label: str, **hints: object) -> bool:
        return db == PRIMARY
