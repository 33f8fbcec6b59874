"""Webhooks (SPEC §14): who is told of which claim changes, what happened, and how telling went.

A change to a claim that a subscriber may care about is written as a WebhookEvent in the
transaction of the change itself (the outbox, claims/services/webhook_events.py); a dispatcher
fans each event out to the subscriptions it matches as Delivery rows, and each delivery is
sent, retried and logged (DeliveryAttempt) by the task engine (claims/services/webhook_delivery.py).
"""

from django.conf import settings
from django.db import models
from django.utils import timezone

from claims.choices import DeliveryState, WebhookEventKind
from claims.models.fields import URL_LENGTH
from claims.roles import User, own_or_all

DEFAULT_MIN_CHANGE = 10
PENDING = models.Q(state=DeliveryState.PENDING)


class SubscriptionQuerySet(models.QuerySet):
    def visible_to(self, user: User | None) -> "SubscriptionQuerySet":
        """Each user sees their own subscriptions; reviewers and superusers see every one."""
        return own_or_all(self, user, owner="owner")

    def active(self) -> "SubscriptionQuerySet":
        return self.filter(paused_at__isnull=True, owner__is_active=True)


class Subscription(models.Model):
    """One user's request to be told, at one URL, of some kinds of change to claims they may read."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="webhook_subscriptions", db_index=False
    )
    url = models.CharField(max_length=URL_LENGTH)
    events = models.JSONField(default=list, help_text="Kinds of event, from WebhookEventKind.")
    # The claim list's filters (actor, event, outlet, min_confidence), as the ids they named when
    # they were checked: a renamed slug does not silently widen a subscription.
    filters = models.JSONField(default=dict, blank=True)
    min_change = models.PositiveSmallIntegerField(default=DEFAULT_MIN_CHANGE)
    # The signing key in the `whsec_<base64>` form of the Standard Webhooks libraries. Kept in
    # clear: signing needs it, and it is shown to the owner once, when the subscription is made.
    secret = models.CharField(max_length=100, editable=False)
    paused_at = models.DateTimeField(null=True, blank=True)
    pause_reason = models.CharField(max_length=500, blank=True)
    consecutive_failures = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = SubscriptionQuerySet.as_manager()

    class Meta:
        ordering = ["id"]
        indexes = [
            models.Index(fields=["owner", "id"], name="webhook_owner_idx"),
            # The dispatcher reads the subscriptions that are not paused, for every event.
            models.Index(fields=["id"], condition=models.Q(paused_at__isnull=True), name="webhook_active_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(min_change__gte=1, min_change__lte=100), name="webhook_min_change_range"
            ),
        ]

    def __str__(self) -> str:
        return f"Webhook {self.pk} to {self.url}"

    @property
    def is_paused(self) -> bool:
        return self.paused_at is not None


class WebhookEvent(models.Model):
    """One change to one claim that subscribers may be told of, written with the change (the outbox).

    `changes` holds what moved, each as {"old", "new"}: `review_state` for a publication or a
    retraction; `confidence` and `status` for a rescoring (both, whichever of them moved).
    `dispatched_at` is set once the event has been fanned out to the subscriptions it matches.
    An `inbox.matched` event names an inbox item and the watch it matched instead of a claim.
    """

    claim = models.ForeignKey(
        "claims.Claim", null=True, blank=True, on_delete=models.CASCADE, related_name="+", db_index=False
    )
    # An `inbox.matched` event is of an inbox item, and for the owner of the watch it matched only.
    item = models.ForeignKey(
        "claims.InboxItem", null=True, blank=True, on_delete=models.CASCADE, related_name="+", db_index=False
    )
    watch = models.ForeignKey(
        "claims.Watch", null=True, blank=True, on_delete=models.CASCADE, related_name="+", db_index=False
    )
    kind = models.CharField(max_length=40, choices=WebhookEventKind.choices)
    changes = models.JSONField(default=dict)
    created_at = models.DateTimeField(auto_now_add=True)
    dispatched_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["id"]
        indexes = [
            models.Index(fields=["claim", "id"], name="webhook_event_claim_idx"),
            # The sweep looks for events not yet fanned out: few, however long the table.
            models.Index(
                fields=["id"], condition=models.Q(dispatched_at__isnull=True), name="webhook_event_undispatched_idx"
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(kind__in=WebhookEventKind.values), name="webhook_event_kind_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(kind=WebhookEventKind.INBOX_MATCHED, item__isnull=False, watch__isnull=False)
                | (~models.Q(kind=WebhookEventKind.INBOX_MATCHED) & models.Q(claim__isnull=False)),
                name="webhook_event_subject",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind} of item {self.item_id}" if self.item_id else f"{self.kind} of claim {self.claim_id}"


class Delivery(models.Model):
    """One event to be told to one subscription: its state, and the last of its attempts.

    `body` is the message as first sent (the claim's representation then); retries and
    redeliveries send the same body under the same `webhook-id`, so a receiver can tell a
    repeat from news.
    """

    subscription = models.ForeignKey(Subscription, on_delete=models.CASCADE, related_name="deliveries", db_index=False)
    event = models.ForeignKey(WebhookEvent, on_delete=models.CASCADE, related_name="deliveries", db_index=False)
    state = models.CharField(max_length=20, choices=DeliveryState.choices, default=DeliveryState.PENDING)
    attempts = models.PositiveSmallIntegerField(default=0)
    # The tries made before the current run: a redelivery starts a new run of WEBHOOK_MAX_ATTEMPTS.
    attempts_before_run = models.PositiveSmallIntegerField(default=0)
    # When the next try is due.
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    # While a try is under way: its lease, past its deadline. No other try starts before it ends;
    # a try lost with its process leaves it, and the delivery is taken again once it has passed.
    try_open_until = models.DateTimeField(null=True, blank=True, editable=False)
    last_status_code = models.PositiveSmallIntegerField(null=True, blank=True)
    last_duration_ms = models.PositiveIntegerField(null=True, blank=True)
    last_error = models.TextField(blank=True, editable=False)
    body = models.TextField(blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-id"]
        indexes = [
            models.Index(fields=["subscription", "id"], name="webhook_delivery_log_idx"),
            models.Index(fields=["event"], name="webhook_delivery_event_idx"),
            # The sweep looks for pending deliveries that are due.
            models.Index(fields=["next_attempt_at"], condition=PENDING, name="webhook_delivery_due_idx"),
        ]
        constraints = [
            # One delivery per subscription and event: a dispatcher run twice adds none.
            models.UniqueConstraint(fields=["subscription", "event"], name="webhook_delivery_once"),
            models.CheckConstraint(condition=models.Q(state__in=DeliveryState.values), name="webhook_delivery_state"),
        ]

    def __str__(self) -> str:
        return f"Delivery {self.pk} of event {self.event_id} to webhook {self.subscription_id}"

    @property
    def try_is_open(self) -> bool:
        return self.try_open_until is not None and self.try_open_until > timezone.now()

    @property
    def message_id(self) -> str:
        """The `webhook-id` header: the same for every try of this delivery."""
        return f"msg_{self.pk}"


class DeliveryAttempt(models.Model):
    """One try at sending a delivery: when, how long it took, what the receiver answered or what failed."""

    delivery = models.ForeignKey(Delivery, on_delete=models.CASCADE, related_name="attempt_log", db_index=False)
    number = models.PositiveSmallIntegerField()
    at = models.DateTimeField()
    status_code = models.PositiveSmallIntegerField(null=True, blank=True)
    duration_ms = models.PositiveIntegerField(default=0)
    error = models.TextField(blank=True, editable=False)
    outcome = models.CharField(max_length=20, choices=DeliveryState.choices)

    class Meta:
        ordering = ["delivery", "number"]
        constraints = [
            models.UniqueConstraint(fields=["delivery", "number"], name="webhook_attempt_number"),
        ]

    def __str__(self) -> str:
        return f"Attempt {self.number} of delivery {self.delivery_id}"
