"""Reads of the intake (SPEC §16): feeds, the inbox with its suggestions and flags, watches, counts.

Every list is a fixed number of queries whatever its length: the item's feed and outlet are
joined, its suggestions (with their claims) and the reader's own watch matches are prefetched,
one query each per page.
"""

from collections.abc import Mapping

from django.db.models import Prefetch, QuerySet

from claims.choices import InboxState
from claims.errors import InvalidInput
from claims.models import Feed, InboxItem, ItemSuggestion, Watch, WatchMatch
from claims.roles import User, is_newsroom
from claims.selectors.inbox_filters import InboxFilter


def feeds_shown(user: User | None) -> QuerySet:
    """The feeds, for the newsroom (they say what the newsroom monitors); none for consumers."""
    feeds = Feed.objects.select_related("outlet").order_by("id")
    return feeds if is_newsroom(user) else feeds.none()


def inbox_items_shown(user: User | None) -> QuerySet:
    """The items the user may see (the newsroom's), with what their representation shows."""
    suggestions = Prefetch("suggestions", queryset=ItemSuggestion.objects.select_related("claim").order_by("rank"))
    user_id = getattr(user, "pk", None)
    mine = Prefetch("watch_matches", queryset=WatchMatch.objects.filter(watch__owner_id=user_id), to_attr="my_matches")
    return (
        InboxItem.objects.visible_to(user)
        .select_related("feed", "outlet", "claim", "decided_by")
        .prefetch_related(suggestions, mine)
        .order_by("-listed_at", "-id")
    )


def inbox_filterset(*, user: User | None, filters: Mapping, request: object = None) -> InboxFilter:
    """The inbox as the API and the web page filter it: newest first."""
    return InboxFilter(filters, queryset=inbox_items_shown(user), request=request)


def inbox_list(*, user: User | None, filters: Mapping, request: object = None) -> QuerySet:
    filterset = inbox_filterset(user=user, filters=filters, request=request)
    if not filterset.is_valid():
        errors = {name: [str(e) for e in messages] for name, messages in filterset.errors.items()}
        raise InvalidInput(
            "Invalid filter: " + "; ".join(f"{f}: {' '.join(m)}" for f, m in errors.items()), errors=errors
        )
    return filterset.qs


def inbox_new_count(user: User | None) -> int:
    """How many items wait in the inbox (the nav's count); one query on the state index."""
    if not is_newsroom(user):
        return 0
    return InboxItem.objects.filter(state=InboxState.NEW).count()


def watches_shown(user: User | None) -> QuerySet:
    return Watch.objects.visible_to(user).select_related("actor", "outlet").order_by("id")


def inbox_item_history(item: InboxItem) -> list[dict]:
    """Every change to the item, oldest first (one query): when, by whom, to which state, why."""
    rows = item.history.select_related("history_user").order_by("history_date", "history_id")
    return [
        {
            "at": row.history_date,
            "by": row.history_user.get_username() if row.history_user else None,
            "state": row.state,
            "claim": row.claim_id,
            "reason": row.dismiss_reason or row.history_change_reason or "",
        }
        for row in rows
    ]
