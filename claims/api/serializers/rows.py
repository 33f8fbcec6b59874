"""A claim's own rows: appearances, the citations between them, and status evidence."""

from claims.api.serializers.base import InputSerializer, OutputSerializer
from claims.models import Appearance, Citation, StatusEvidence

WITHDRAWAL_FIELDS = ["withdrawn_at", "withdrawn_reason"]
APPEARANCE_FIELDS = [
    "id",
    "claim",
    "outlet",
    "published_on",
    "url",
    "headline",
    "author",
    "language",
    "excerpt",
    "attributed_source",
    "created_at",
    "updated_at",
    *WITHDRAWAL_FIELDS,
]
CITATION_FIELDS = ["id", "claim", "citing", "cited", "kind", "note", "created_at", *WITHDRAWAL_FIELDS]
EVIDENCE_FIELDS = [
    "id",
    "claim",
    "stance",
    "actor",
    "date",
    "appearance",
    "url",
    "note",
    "created_at",
    "updated_at",
    *WITHDRAWAL_FIELDS,
]


class AppearanceInputSerializer(InputSerializer):
    class Meta:
        model = Appearance
        fields = [
            "claim", "outlet", "published_on", "url", "headline", "author", "language", "excerpt", "attributed_source",
        ]  # fmt: skip


class AppearanceSerializer(OutputSerializer):
    class Meta:
        model = Appearance
        fields = APPEARANCE_FIELDS
        read_only_fields = APPEARANCE_FIELDS


class CitationInputSerializer(InputSerializer):
    """`citing` took the claim from `cited`; both are appearances of the same claim."""

    class Meta:
        model = Citation
        fields = ["citing", "cited", "kind"]


class CitationSerializer(OutputSerializer):
    class Meta:
        model = Citation
        fields = CITATION_FIELDS
        read_only_fields = CITATION_FIELDS


class EvidenceInputSerializer(InputSerializer):
    """Evidence points to an appearance of the same claim, or to a url."""

    class Meta:
        model = StatusEvidence
        fields = ["claim", "stance", "actor", "date", "appearance", "url", "note"]


class EvidenceSerializer(OutputSerializer):
    class Meta:
        model = StatusEvidence
        fields = EVIDENCE_FIELDS
        read_only_fields = EVIDENCE_FIELDS
