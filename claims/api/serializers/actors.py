"""Actors: parties that can be accused, claim, confirm or deny."""

from claims.api.serializers.base import AliasesField, InputSerializer, OutputSerializer
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
