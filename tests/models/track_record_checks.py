"""What outlets' kept track records must be, counted afresh from the rows themselves."""

from django.db.models import Count, Sum

from claims.models import Appearance, ClaimOrigin, TrackRecordEntry


def recounted() -> dict[tuple, int]:
    """(outlet, review state, status) → claims originated, the slow way: every origin read."""
    origins = Appearance.objects.current().origins().values("outlet_id", "claim__review_state", "claim__status")
    rows = origins.annotate(n=Count("claim_id", distinct=True)).order_by()
    return {(r["outlet_id"], r["claim__review_state"], r["claim__status"]): r["n"] for r in rows}


def kept() -> dict[tuple, int]:
    rows = TrackRecordEntry.objects.values("outlet_id", "review_state", "status").annotate(n=Sum("claims")).order_by()
    return {(r["outlet_id"], r["review_state"], r["status"]): r["n"] for r in rows if r["n"] != 0}


def origin_pairs() -> set[tuple]:
    origins = Appearance.objects.current().origins()
    return set(origins.values_list("claim_id", "outlet_id", "claim__review_state", "claim__status").distinct())


def stored_pairs() -> set[tuple]:
    return set(ClaimOrigin.objects.values_list("claim_id", "outlet_id", "review_state", "status"))


def assert_kept_equals_recount() -> None:
    assert kept() == recounted()
    assert stored_pairs() == origin_pairs()
