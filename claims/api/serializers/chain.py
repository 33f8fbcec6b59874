"""A claim's republication chain (SPEC §5, §8), from claims.selectors.chains.Chain."""

from rest_framework import serializers

from claims.choices import CitationKind, Reliability


class ChainOutletSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="outlet_id")
    name = serializers.CharField(source="outlet_name")
    reliability = serializers.ChoiceField(choices=Reliability.choices)


class ChainNodeSerializer(serializers.Serializer):
    id = serializers.IntegerField(help_text="The appearance's id.")
    outlet = ChainOutletSerializer(source="*")
    published_on = serializers.DateField()
    url = serializers.CharField(help_text="Where the appearance was published (may be empty).")
    headline = serializers.CharField()
    is_origin = serializers.BooleanField(help_text="Cites nothing: where the claim entered the record.")
    group = serializers.IntegerField(
        allow_null=True,
        help_text="Index in independent_groups of the group the node descends from; null when it draws on several.",
    )
    generation = serializers.IntegerField(help_text="Longest citation path from an origin (origins are 0).")


class ChainEdgeSerializer(serializers.Serializer):
    citing = serializers.IntegerField(help_text="The appearance that took the claim …")
    cited = serializers.IntegerField(help_text="… from this one.")
    kind = serializers.ChoiceField(choices=CitationKind.choices)


class ChainSerializer(serializers.Serializer):
    claim = serializers.IntegerField(source="claim.pk", help_text="The claim's id.")
    as_of = serializers.DateField(allow_null=True, help_text="The date asked for with ?as_of=, or null for now.")
    nodes = ChainNodeSerializer(many=True)
    edges = ChainEdgeSerializer(many=True)
    origins = serializers.ListField(child=serializers.IntegerField(), help_text="Ids of the origin appearances.")
    independent_groups = serializers.ListField(
        child=serializers.ListField(child=serializers.IntegerField()),
        help_text="Origins that depend on one another (same outlet, or a shared affiliation) form one group.",
    )
    independent_origin_count = serializers.IntegerField()
