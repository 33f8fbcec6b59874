"""A claim's history (SPEC §4, §7), from claims.selectors.history.HistoryEntry."""

from rest_framework import serializers

from claims.choices import ReviewState
from claims.selectors.history import CHANGE, TRANSITION


class FieldChangeSerializer(serializers.Serializer):
    field = serializers.CharField()
    old = serializers.JSONField(help_text="The stored value before (an id for a related object).")
    new = serializers.JSONField(help_text="The stored value after.")
    old_label = serializers.CharField(help_text="The value before, as a person reads it.")
    new_label = serializers.CharField(help_text="The value after, as a person reads it.")


class HistoryEntrySerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=[TRANSITION, CHANGE], help_text="A review transition or a field change.")
    at = serializers.DateTimeField()
    user = serializers.CharField(source="user.get_username", allow_null=True, help_text="null: the system.")
    summary = serializers.CharField()
    object_type = serializers.ChoiceField(choices=["claim", "appearance", "citation", "evidence"])
    object_id = serializers.IntegerField()
    from_state = serializers.ChoiceField(choices=ReviewState.choices, allow_blank=True)
    to_state = serializers.ChoiceField(choices=ReviewState.choices, allow_blank=True)
    comment = serializers.CharField(allow_blank=True)
    changes = FieldChangeSerializer(many=True)


class ClaimHistorySerializer(serializers.Serializer):
    claim = serializers.IntegerField(source="claim.pk")
    entries = HistoryEntrySerializer(many=True, help_text="Newest first.")
