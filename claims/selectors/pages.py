"""Reads the web pages need beyond the shared selectors; each one a single query.

Visibility always comes from the models' `visible_to` (the one rule), so a page
never shows a consumer what the API would not.
"""

from datetime import date

from django.db.models import Count, IntegerField, OuterRef, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce

from claims.models import Actor, Affiliation, Appearance, Claim, Event, Outlet, StatusEvidence
from claims.roles import User
from claims.selectors.claims import claim_list
from claims.transliteration import fold


def claim_appearances(claim: Claim, *, user: User | None, as_of: date | None = None) -> QuerySet:
    """The claim's appearances as the user may see them (the newsroom also sees withdrawn ones)."""
    rows = Appearance.objects.visible_to(user).filter(claim=claim).select_related("outlet", "withdrawn_by")
    return rows if as_of is None else rows.filter(published_on__lte=as_of)


def claim_evidence(claim: Claim, *, user: User | None, as_of: date | None = None) -> QuerySet:
    rows = (
        StatusEvidence.objects.visible_to(user)
        .filter(claim=claim)
        .select_related("actor", "appearance__outlet", "withdrawn_by")
        .order_by("date", "id")
    )
    return rows if as_of is None else rows.filter(date__lte=as_of)


def outlet_list(*, text: str = "") -> QuerySet:
    """Outlets by name; `text` matches names and aliases as given or folded (al-Akhbar, Akhbar)."""
    outlets = Outlet.objects.order_by("name", "id")
    text = text.strip()
    if not text:
        return outlets
    return outlets.filter(search_names__contains=fold(text) or text.lower())


def outlet_affiliations(outlet: Outlet, *, user: User | None) -> QuerySet:
    """The actors the outlet is tied to, each with who states the tie."""
    return (
        Affiliation.objects.visible_to(user)
        .filter(outlet=outlet)
        .select_related("actor", "stated_by_outlet", "withdrawn_by")
        .order_by("actor__name", "valid_from", "id")
    )


def outlet_statements(outlet: Outlet, *, user: User | None) -> QuerySet:
    """Ties between other outlets and actors that this outlet is the source for."""
    return (
        Affiliation.objects.visible_to(user)
        .current()
        .filter(stated_by_outlet=outlet)
        .select_related("outlet", "actor")
        .order_by("outlet__name", "actor__name", "id")
    )


def outlet_appearances(outlet: Outlet, *, user: User | None, limit: int = 50) -> list[Appearance]:
    """The outlet's latest current appearances of claims the user may see."""
    rows = Appearance.objects.visible_to(user).current().filter(outlet=outlet).select_related("claim")
    return list(rows.order_by("-published_on", "-id")[:limit])


def event_list(*, user: User | None) -> QuerySet:
    """Events with the number of their claims the user may see."""
    visible = (
        Claim.objects.visible_to(user)
        .filter(event=OuterRef("pk"))
        .order_by()
        .values("event")
        .annotate(n=Count("id"))
        .values("n")
    )
    counted = Coalesce(Subquery(visible, output_field=IntegerField()), Value(0))
    return Event.objects.annotate(claim_count=counted).order_by("-date", "title")


def review_queue(*, user: User | None, review_state: str) -> QuerySet:
    """Claims in one review state, longest waiting first, through the shared claim list."""
    claims = claim_list(user=user, filters={"review_state": review_state, "ordering": "updated_at"})
    return claims.select_related("created_by")


def review_state_counts(*, user: User | None) -> dict[str, int]:
    rows = Claim.objects.visible_to(user).order_by().values_list("review_state").annotate(n=Count("id"))
    return dict(rows)


def filter_choices() -> dict[str, list[tuple[str, str]]]:
    """(slug, name) pairs for the pickers of the claim filter form: three small queries."""
    return {
        "actors": list(Actor.objects.order_by("name").values_list("slug", "name")),
        "outlets": list(Outlet.objects.order_by("name").values_list("slug", "name")),
        "events": list(Event.objects.order_by("-date", "title").values_list("slug", "title")),
    }
