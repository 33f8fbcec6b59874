"""Actor ties: sourced statements that one actor speaks for, leads or belongs to another."""

from claims.api.serializers.base import InputSerializer, OutputSerializer
from claims.models import ActorAffiliation

ACTOR_AFFILIATION_FIELDS = [
    "id",
    "actor",
    "body",
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


class ActorAffiliationInputSerializer(InputSerializer):
    """Who states the tie is required: `stated_by_outlet`, `stated_by_url`, or both."""

    class Meta:
        model = ActorAffiliation
        fields = ["actor", "body", "relation", "stated_by_outlet", "stated_by_url", "quote", "valid_from", "valid_to"]


class ActorAffiliationSerializer(OutputSerializer):
    class Meta:
        model = ActorAffiliation
        fields = ACTOR_AFFILIATION_FIELDS
        read_only_fields = ACTOR_AFFILIATION_FIELDS
