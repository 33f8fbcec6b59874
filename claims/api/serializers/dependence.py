"""Learned source dependence between outlets (SPEC §17), as served."""

from rest_framework import serializers

from claims.api.serializers.base import OutputSerializer
from claims.dependence.evidence import summary
from claims.models import OutletDependence


class DependentOutletSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    slug = serializers.CharField()
    reliability = serializers.CharField()


class DependenceEvidenceSerializer(serializers.Serializer):
    """The counts behind a score, told from the likely copier's side."""

    shared_claims = serializers.IntegerField(help_text="Claims both carry (leaving out what 25+ outlets carry).")
    shared_denied = serializers.IntegerField(help_text="Of them, claims later denied (shared false values).")
    rare_shared = serializers.IntegerField(help_text="Of them, claims carried by three outlets or fewer.")
    copier_later = serializers.IntegerField(help_text="Shared claims the copier carried after its source.")
    same_day = serializers.IntegerField(help_text="Shared claims both carried first on the same day.")
    copier_earlier = serializers.IntegerField(help_text="Shared claims the copier carried before its source.")
    mean_lag_days = serializers.FloatField(allow_null=True, help_text="How many days later, on average.")
    text_reuse = serializers.IntegerField(help_text="Shared claims whose captured pages reuse the source's passages.")
    source_claims = serializers.IntegerField(help_text="Claims the source carries.")
    copier_claims = serializers.IntegerField(help_text="Claims the copier carries.")
    share_of_source = serializers.FloatField(help_text="shared_claims / source_claims.")
    direction_probability = serializers.FloatField(help_text="How likely the direction is the one given, 0.5-1.")
    recorded_citations = serializers.IntegerField(help_text="Shared claims where one's appearance cites the other's.")
    shared_patrons = serializers.ListField(
        child=serializers.CharField(), help_text="Actors both are tied to by an affiliation."
    )


class OutletDependenceSerializer(OutputSerializer):
    outlet = DependentOutletSerializer(help_text="The outlet that likely depends on (copies) the other.")
    depends_on = DependentOutletSerializer(help_text="Its likely source.")
    score = serializers.FloatField(help_text="The probability that the two are dependent, 0-1.")
    evidence = DependenceEvidenceSerializer()
    summary = serializers.SerializerMethodField(help_text="The evidence in words.")
    reviewed_by = serializers.SlugRelatedField(slug_field="username", read_only=True, allow_null=True)

    class Meta:
        model = OutletDependence
        fields = [
            "id", "outlet", "depends_on", "score", "evidence", "summary", "state", "recorded", "discount",
            "reviewed_by", "reviewed_at", "review_note", "computed_at",
        ]  # fmt: skip
        read_only_fields = fields
        extra_kwargs = {
            "recorded": {"help_text": "A citation on half their shared claims or a shared patron records it already."},
            "discount": {"help_text": "The percentage confidence counts the copier's voice less beside its source's."},
        }

    def get_summary(self, pair: OutletDependence) -> str:
        if not pair.evidence:
            return ""
        return summary(pair.outlet.name, pair.depends_on.name, pair.evidence)
