"""Reads for webhooks: which claims a subscription may be told of, the claim as it is told, the logs.

A subscriber hears only of claims it may read: the claims its owner would see in the claim list
(`claim_list`, the one visibility rule and the list's own filters), asked when an event is fanned
out and again before every try of a delivery.
"""

from collections.abc import Iterable

from django.db.models import Prefetch, QuerySet

from claims.errors import InvalidInput
from claims.models import Claim, Delivery, DeliveryAttempt, InboxItem, Subscription, WebhookEvent
from claims.roles import User
from claims.selectors.claims import claim_list, claims_shown


def filter_parameters(filters: dict) -> dict[str, str]:
    """A subscription's stored filters as the claim list's query parameters."""
    return {name: str(value) for name, value in filters.items()}


def subscription_claim_ids(subscription: Subscription, claim_ids: Iterable[int]) -> set[int]:
    """Of these claims, those the subscription's owner may read and its filters keep (one query,
    and one per filter naming a row, whatever the number of claims)."""
    try:
        claims = claim_list(user=subscription.owner, filters=filter_parameters(subscription.filters))
    except InvalidInput:
        return set()  # a filter naming what is gone keeps nothing, rather than everything
    return set(claims.filter(pk__in=list(claim_ids)).values_list("pk", flat=True))


def subscription_claim(subscription: Subscription, claim_id: int) -> Claim | None:
    """The claim as its representation shows it, if the subscription's owner may read it now."""
    owner = subscription.owner
    if not owner.is_active:
        return None
    return claims_shown(owner).filter(pk=claim_id).first()


def subscription_item(subscription: Subscription, event: WebhookEvent) -> InboxItem | None:
    """The inbox item of an `inbox.matched` event, as the API shows it, if the subscription's
    owner still owns the watch it matched and may read the inbox now."""
    from claims.selectors.inbox import inbox_items_shown

    owner = subscription.owner
    if event.watch_id is None or not owner.is_active or event.watch.owner_id != owner.pk:
        return None
    return inbox_items_shown(owner).filter(pk=event.item_id).first()


def subscriptions_shown(user: User | None) -> QuerySet:
    return Subscription.objects.visible_to(user).select_related("owner").order_by("id")


def deliveries_shown(subscription: Subscription) -> QuerySet:
    """A subscription's delivery log, newest first, each delivery with its tries."""
    attempts = Prefetch("attempt_log", queryset=DeliveryAttempt.objects.order_by("number"))
    return (
        Delivery.objects.filter(subscription=subscription)
        .select_related("event")
        .prefetch_related(attempts)
        .order_by("-id")
    )
