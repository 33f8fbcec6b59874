"""Claims: what a client sends to record one, and the representation SPEC §8 gives."""

from datetime import datetime

from rest_framework import serializers

from claims.api.serializers.base import InputSerializer, OutputSerializer
from claims.choices import ConfidenceLabel
from claims.models import Claim
from claims.models.claim import CLAIM_FIELDS
from claims.scoring.confidence import confidence_label


class ClaimInputSerializer(InputSerializer):
    """A new claim starts in draft; its review state moves only through the workflow actions."""

    class Meta:
        model = Claim
        fields = ["text", "language", "kind", "subject", "event"]
        extra_kwargs = {"language": {"help_text": "ISO 639-1 (ar, fa, en …); detected from the text when not given."}}


class ConfidenceFactorSerializer(serializers.Serializer):
    factor = serializers.CharField(help_text="e.g. independent_origin, dependent_origin, responsibility.")
    effect = serializers.IntegerField(help_text="Points this factor adds to (or takes from) the confidence.")
    detail = serializers.CharField(help_text="The reason, in words.")


class ClaimSerializer(OutputSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:claim-detail")
    confidence = serializers.IntegerField(min_value=0, max_value=100, help_text="0-100, the STIX 2.1 scale.")
    confidence_label = serializers.ChoiceField(
        choices=ConfidenceLabel.choices, help_text="ICD 203 words for the confidence band (STIX 2.1 Appendix A)."
    )
    credibility = serializers.IntegerField(
        min_value=1, max_value=6, help_text="Admiralty information-credibility digit, from corroboration."
    )
    admiralty_code = serializers.CharField(
        help_text='Best origin\'s reliability letter and the credibility, e.g. "C3".'
    )
    confidence_factors = ConfidenceFactorSerializer(many=True, help_text="What the confidence is made of.")
    independent_origin_count = serializers.IntegerField(help_text="Independent groups among the origins (SPEC §5).")
    appearance_count = serializers.IntegerField()
    scores_pending = serializers.BooleanField(
        help_text="True while a change that reaches many claims (an outlet's grade, an affiliation) is being "
        "applied to this one in the background: its confidence may still move (SPEC §6.6)."
    )
    first_reported = serializers.DateField(allow_null=True, help_text="Date of the earliest appearance.")

    class Meta:
        model = Claim
        fields = CLAIM_FIELDS
        read_only_fields = CLAIM_FIELDS

    def to_representation(self, claim: Claim | tuple) -> dict:
        """The fields above, built directly: a page of claims is the API's hottest path, and
        DRF's field-by-field machinery (a url reverse and a timezone lookup per row) cost
        several times the query. A test holds this equal to DRF's own representation.

        `claim` is a Claim or a row of claim_summaries: only attributes both have are read."""
        if self.Meta.fields is not CLAIM_FIELDS:
            return super().to_representation(claim)
        return {
            "id": claim.id,
            "url": self._claim_url(claim.id),
            "text": claim.text,
            "language": claim.language,
            "kind": claim.kind,
            "status": claim.status,
            "review_state": claim.review_state,
            "subject": claim.subject_id,
            "event": claim.event_id,
            "first_reported": claim.first_reported.isoformat() if claim.first_reported else None,
            "confidence": claim.confidence,
            "confidence_label": confidence_label(claim.confidence),
            "credibility": claim.credibility,
            "admiralty_code": claim.admiralty_code,
            "confidence_factors": [
                {"factor": str(f["factor"]), "effect": int(f["effect"]), "detail": str(f["detail"])}
                for f in claim.confidence_factors
            ],
            "independent_origin_count": claim.independent_origin_count,
            "appearance_count": claim.appearance_count,
            "scores_pending": claim.scores_pending,
            "created_at": self._timestamp(claim.created_at),
            "updated_at": self._timestamp(claim.updated_at),
        }

    def _claim_url(self, pk: int) -> str:
        # Reversed once per serializer: every claim's url differs only in its id. The declared
        # field, not self.fields: building every field of the serializer would cost more.
        if not hasattr(self, "_url_parts"):
            url = self._declared_fields["url"]
            sample = url.get_url(Claim(pk=0), "api:claim-detail", self.context.get("request"), None)
            self._url_parts = sample.rsplit("/0/", 1)
        head, tail = self._url_parts
        return f"{head}/{pk}/{tail}"

    def _timestamp(self, value: datetime) -> str:
        # DRF's DateTimeField in ISO 8601, with the timezone looked up once, not per value.
        if not hasattr(self, "_zone"):
            self._zone = serializers.DateTimeField().default_timezone()
        text = (value.astimezone(self._zone) if self._zone else value).isoformat()
        return text.removesuffix("+00:00") + "Z" if text.endswith("+00:00") else text


class ClaimDetailSerializer(ClaimSerializer):
    """One claim; with ?as_of=, its computed fields from what was published by that date."""

    as_of = serializers.DateField(allow_null=True, help_text="The date asked for with ?as_of=, or null for now.")
    scores_pending_reasons = serializers.ListField(
        child=serializers.CharField(),
        help_text='Why the scores are being recomputed, e.g. "outlet Al-Akhbar was regraded from C to D".',
    )

    class Meta(ClaimSerializer.Meta):
        fields = [*CLAIM_FIELDS, "as_of", "scores_pending_reasons"]
        read_only_fields = fields
