"""Actors: parties that can be accused, claim, confirm or deny."""

from claims.api.serializers.base import AliasesField, InputSerializer, OutputSerializer
from claims.api.serializers.jobs import rescoring_job_field
from claims.models import Actor

ACTOR_FIELDS = ["id", "name", "slug", "aliases", "kind", "description", "created_at", "updated_at"]


class ActorInputSerializer(InputSerializer):
    aliases = AliasesField(required=False)

    class Meta:
        model = Actor
        fields = ["name", "slug", "aliases", "kind"]
        extra_kwargs = {"slug": {"required": False, "allow_blank": True}}


class ActorSerializer(OutputSerializer):
    aliases = AliasesField()

    class Meta:
        model = Actor
        fields = ACTOR_FIELDS
        read_only_fields = ACTOR_FIELDS


class ActorWrittenSerializer(ActorSerializer):
    """An actor after a write: a new name is applied to the claims about it in the background."""

    rescoring_job = rescoring_job_field()

    class Meta(ActorSerializer.Meta):
        fields = [*ACTOR_FIELDS, "rescoring_job"]
        read_only_fields = fields
