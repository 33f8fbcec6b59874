"""Reads of learned source dependence: the list the API pages, and an outlet page's section."""

from django.conf import settings
from django.db.models import Q, QuerySet

from claims.choices import DependenceState
from claims.models import Outlet, OutletDependence
from claims.roles import User, is_newsroom


def dependence_visible_to(user: User | None) -> QuerySet:
    """The newsroom sees every pair; consumers none: the counts behind a pair include claims not
    yet published."""
    rows = OutletDependence.objects.select_related("first", "second", "reviewed_by")
    return rows if is_newsroom(user) else rows.none()


def of_outlet(rows: QuerySet, outlet_id: int) -> QuerySet:
    return rows.filter(Q(first_id=outlet_id) | Q(second_id=outlet_id))


def outlet_dependence(outlet: Outlet, *, user: User | None, limit: int = 10) -> list[OutletDependence]:
    """What an outlet page shows: its pairs a reviewer confirmed, and those suggested from the
    threshold up, strongest first (dismissed ones are not shown)."""
    rows = of_outlet(dependence_visible_to(user), outlet.pk).filter(
        Q(state=DependenceState.CONFIRMED)
        | Q(state=DependenceState.SUGGESTED, score__gte=settings.DEPENDENCE_SUGGEST_FROM)
    )
    return list(rows.order_by("-score", "id")[:limit])
