"""Outlets, with their stated affiliations and track record on the detail page."""

from rest_framework import serializers

from claims.api.serializers.affiliations import OutletAffiliationSerializer
from claims.api.serializers.base import AliasesField, InputSerializer, OutputSerializer
from claims.api.serializers.jobs import rescoring_job_field
from claims.models import Outlet

OUTLET_FIELDS = [
    "id",
    "name",
    "slug",
    "aliases",
    "kind",
    "country",
    "language",
    "url",
    "domain",
    "reliability",
    "reliability_note",
    "created_at",
    "updated_at",
]


class OutletInputSerializer(InputSerializer):
    """Only reviewers may set `reliability`; the service answers 403 to anyone else who changes it.
    `domain` is stored normalised (www. and the port dropped), and read from `url` when left empty."""

    aliases = AliasesField(required=False)

    class Meta:
        model = Outlet
        fields = ["name", "slug", "aliases", "kind", "country", "language", "url", "domain", "reliability"]
        extra_kwargs = {
            "slug": {"required": False, "allow_blank": True},
            "domain": {
                "required": False,
                "allow_blank": True,
                "help_text": "The site's host name (al-akhbar.com); empty: read from `url`. Captures find the "
                "outlet by it.",
            },
        }


class OutletSerializer(OutputSerializer):
    aliases = AliasesField()

    class Meta:
        model = Outlet
        fields = OUTLET_FIELDS
        read_only_fields = OUTLET_FIELDS


class TrackRecordSerializer(serializers.Serializer):
    """Claims this outlet originated, by their responsibility status now."""

    originated = serializers.IntegerField()
    confirmed = serializers.IntegerField()
    denied = serializers.IntegerField()
    unclaimed = serializers.IntegerField()


class OutletTiesSerializer(OutletSerializer):
    affiliations = OutletAffiliationSerializer(
        source="stated_affiliations", many=True, help_text="Each tie with who states it."
    )

    class Meta(OutletSerializer.Meta):
        fields = [*OUTLET_FIELDS, "affiliations"]
        read_only_fields = fields


class OutletDetailSerializer(OutletTiesSerializer):
    track_record = TrackRecordSerializer()

    class Meta(OutletTiesSerializer.Meta):
        fields = [*OutletTiesSerializer.Meta.fields, "track_record"]
        read_only_fields = fields


class OutletWrittenSerializer(OutletTiesSerializer):
    """An outlet after a write: a new grade or name is applied to its claims in the background.

    Without the track record, which counts every claim the outlet originated (a quarter of a
    million for the busiest outlet of a million claims): a regrade answers at once, and the
    record, which a grade or a name cannot move, is read with GET (docs/api.md)."""

    rescoring_job = rescoring_job_field()

    class Meta(OutletTiesSerializer.Meta):
        fields = [*OutletTiesSerializer.Meta.fields, "rescoring_job"]
        read_only_fields = fields
