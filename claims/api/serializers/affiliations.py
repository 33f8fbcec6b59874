"""Affiliations: sourced statements that an outlet is tied to an actor."""

from claims.api.serializers.base import InputSerializer, OutputSerializer
from claims.api.serializers.jobs import rescoring_job_field
from claims.models import Actor, Affiliation, Outlet

AFFILIATION_FIELDS = [
    "id",
    "outlet",
    "actor",
    "relation",
    "stated_by_outlet",
    "stated_by_url",
    "quote",
    "valid_from",
    "valid_to",
    "created_at",
    "updated_at",
    "withdrawn_at",
    "withdrawn_reason",
]


class AffiliationInputSerializer(InputSerializer):
    """Who states the tie is required: `stated_by_outlet`, `stated_by_url`, or both."""

    class Meta:
        model = Affiliation
        fields = ["outlet", "actor", "relation", "stated_by_outlet", "stated_by_url", "valid_from", "valid_to"]


class AffiliationSerializer(OutputSerializer):
    class Meta:
        model = Affiliation
        fields = AFFILIATION_FIELDS
        read_only_fields = AFFILIATION_FIELDS


class AffiliationWrittenSerializer(AffiliationSerializer):
    """An affiliation after a write: the tied outlet's claims are rescored in the background."""

    rescoring_job = rescoring_job_field()

    class Meta(AffiliationSerializer.Meta):
        fields = [*AFFILIATION_FIELDS, "rescoring_job"]
        read_only_fields = fields


class ActorSummarySerializer(OutputSerializer):
    class Meta:
        model = Actor
        fields = ["id", "name", "slug", "kind"]
        read_only_fields = fields


class OutletSummarySerializer(OutputSerializer):
    class Meta:
        model = Outlet
        fields = ["id", "name", "slug", "reliability"]
        read_only_fields = fields


class OutletAffiliationSerializer(OutputSerializer):
    """One tie of an outlet, with the actor and the outlet that states it spelled out."""

    actor = ActorSummarySerializer()
    stated_by_outlet = OutletSummarySerializer(allow_null=True)

    class Meta:
        model = Affiliation
        fields = [
            "id",
            "actor",
            "relation",
            "stated_by_outlet",
            "stated_by_url",
            "quote",
            "valid_from",
            "valid_to",
            "withdrawn_at",
            "withdrawn_reason",
        ]
        read_only_fields = fields
