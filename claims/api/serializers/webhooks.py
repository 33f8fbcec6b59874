"""Webhook subscriptions and their delivery log (SPEC §14, docs/webhooks.md)."""

from django.urls import reverse
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from claims.api.serializers.base import OutputSerializer, TextField
from claims.choices import WebhookEventKind
from claims.models import Delivery, DeliveryAttempt, Subscription
from claims.models.fields import URL_LENGTH
from claims.models.webhooks import DEFAULT_MIN_CHANGE

ID_OR_SLUG = {"oneOf": [{"type": "integer", "minimum": 1}, {"type": "string", "minLength": 1}]}
FILTERS_SCHEMA = {
    "type": "object",
    "additionalProperties": False,
    "properties": {
        "actor": {**ID_OR_SLUG, "description": "The subject actor's id or slug."},
        "event": {**ID_OR_SLUG, "description": "The event's id or slug."},
        "outlet": {**ID_OR_SLUG, "description": "Some appearance is by this outlet (id or slug)."},
        "min_confidence": {"type": "integer", "minimum": 0, "maximum": 100},
    },
    "description": "The claim list's filters, applied as there; ids and slugs are stored as the ids they name.",
}


@extend_schema_field(FILTERS_SCHEMA)
class FiltersField(serializers.DictField):
    """The filters as sent: the service checks each name and value, as the claim list does."""


class SubscriptionInputSerializer(serializers.Serializer):
    url = TextField(max_length=URL_LENGTH, help_text="Where deliveries are POSTed: http or https, a public address.")
    events = serializers.ListField(
        child=serializers.ChoiceField(choices=WebhookEventKind.choices),
        min_length=1,
        max_length=len(WebhookEventKind.values),
    )
    filters = FiltersField(required=False, default=dict)
    min_change = serializers.IntegerField(
        min_value=1,
        max_value=100,
        required=False,
        default=DEFAULT_MIN_CHANGE,
        help_text="claim.confidence_changed only when the confidence moves by at least this many points.",
    )


class PauseSerializer(serializers.Serializer):
    reason = TextField(required=False, allow_blank=True, default="", max_length=500, help_text="Why; optional.")


class RedeliverSerializer(serializers.Serializer):
    delivery = serializers.IntegerField(min_value=1, help_text="The id of one of this subscription's deliveries.")


class SubscriptionSerializer(OutputSerializer):
    url = serializers.CharField()
    owner = serializers.SlugRelatedField(slug_field="username", read_only=True)
    events = serializers.ListField(child=serializers.ChoiceField(choices=WebhookEventKind.choices))
    filters = FiltersField()
    paused = serializers.BooleanField(source="is_paused")
    deliveries = serializers.SerializerMethodField(help_text="The delivery log of this subscription.")

    class Meta:
        model = Subscription
        fields = [
            "id", "url", "owner", "events", "filters", "min_change", "paused", "paused_at", "pause_reason",
            "consecutive_failures", "deliveries", "created_at", "updated_at",
        ]  # fmt: skip
        read_only_fields = fields

    def get_deliveries(self, subscription: Subscription) -> str:
        path = reverse("api:webhook-deliveries", args=[subscription.pk])
        request = self.context.get("request")
        return request.build_absolute_uri(path) if request is not None else path


class SubscriptionCreatedSerializer(SubscriptionSerializer):
    secret = serializers.CharField(
        help_text="The signing secret (whsec_…): shown this once, never again. Verify every delivery with it."
    )

    class Meta(SubscriptionSerializer.Meta):
        fields = [*SubscriptionSerializer.Meta.fields, "secret"]
        read_only_fields = fields


class DeliveryAttemptSerializer(OutputSerializer):
    class Meta:
        model = DeliveryAttempt
        fields = ["number", "at", "status_code", "duration_ms", "error", "outcome"]
        read_only_fields = fields


class DeliverySerializer(OutputSerializer):
    event = serializers.CharField(source="event.kind", help_text="The kind of event.")
    event_id = serializers.IntegerField()
    claim = serializers.IntegerField(source="event.claim_id", allow_null=True, help_text="The claim, of a claim event.")
    item = serializers.IntegerField(
        source="event.item_id", allow_null=True, help_text="The inbox item, of an inbox.matched event."
    )
    changes = serializers.DictField(source="event.changes", help_text='What moved, e.g. {"confidence": {old, new}}.')
    message_id = serializers.CharField(help_text="The webhook-id header of every try.")
    attempt_log = DeliveryAttemptSerializer(many=True, help_text="Every try, first to last.")

    class Meta:
        model = Delivery
        fields = [
            "id", "event", "event_id", "claim", "item", "changes", "message_id", "state", "attempts", "next_attempt_at",
            "last_status_code", "last_duration_ms", "last_error", "created_at", "finished_at", "attempt_log",
        ]  # fmt: skip
        read_only_fields = fields
