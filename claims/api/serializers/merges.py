"""Merges of duplicate claims (SPEC §15): what a reviewer sends, and the merge as it is kept."""

from rest_framework import serializers

from claims.api.serializers.actions import REASON_LIMIT
from claims.api.serializers.base import OutputSerializer, TextField
from claims.models import ClaimMerge


class MergeInputSerializer(serializers.Serializer):
    # Optional here, as the workflow's reasons are: the service judges who may before the input.
    into = serializers.IntegerField(required=False, min_value=1, help_text="Required: the id of the surviving claim.")
    reason = TextField(
        required=False, allow_blank=True, default="", help_text=f"Required: why they are one claim. {REASON_LIMIT}"
    )


class MovedRowsSerializer(serializers.Serializer):
    appearances = serializers.ListField(child=serializers.IntegerField())
    citations = serializers.ListField(child=serializers.IntegerField())
    evidence = serializers.ListField(child=serializers.IntegerField())
    suggestions = serializers.ListField(child=serializers.IntegerField())


class MergeSerializer(OutputSerializer):
    moved = MovedRowsSerializer(help_text="The rows the merge moved to the survivor; an unmerge puts them back.")

    class Meta:
        model = ClaimMerge
        fields = [
            "id", "merged", "survivor", "reason", "moved", "merged_by", "merged_at", "unmerged_by", "unmerged_at",
            "unmerge_reason",
        ]  # fmt: skip
        read_only_fields = fields
