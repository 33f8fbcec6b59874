"""Events, with their competing attributions side by side on the detail page (SPEC §6)."""

from rest_framework import serializers

from claims.api.serializers.affiliations import ActorSummarySerializer
from claims.api.serializers.base import InputSerializer, OutputSerializer
from claims.choices import ConfidenceLabel
from claims.models import Claim, Event

EVENT_FIELDS = ["id", "title", "slug", "date", "location", "description", "created_at", "updated_at"]


class EventInputSerializer(InputSerializer):
    class Meta:
        model = Event
        fields = ["title", "date", "location", "description"]


class EventSerializer(OutputSerializer):
    class Meta:
        model = Event
        fields = EVENT_FIELDS
        read_only_fields = EVENT_FIELDS


class AttributionSerializer(OutputSerializer):
    """One claim about the event: who it names, how well it stands."""

    subject = ActorSummarySerializer(allow_null=True)
    confidence_label = serializers.ChoiceField(choices=ConfidenceLabel.choices)

    class Meta:
        model = Claim
        fields = [
            "id",
            "text",
            "kind",
            "subject",
            "status",
            "review_state",
            "confidence",
            "confidence_label",
            "admiralty_code",
            "independent_origin_count",
            "appearance_count",
            "first_reported",
        ]
        read_only_fields = fields


class EventDetailSerializer(EventSerializer):
    attributions = AttributionSerializer(many=True, help_text="The event's claims, most confident first.")

    class Meta(EventSerializer.Meta):
        fields = [*EVENT_FIELDS, "attributions"]
        read_only_fields = fields
