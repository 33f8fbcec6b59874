"""Captures from a URL, their snapshots, and the citations they suggest (SPEC §13)."""

from django.urls import reverse
from rest_framework import serializers

from claims.api.serializers.base import OutputSerializer, RelatedIdField, TextField
from claims.api.serializers.jobs import JobReferenceSerializer
from claims.choices import CaptureStatus
from claims.models import Capture, Claim, Outlet, Snapshot, SuggestedCitation
from claims.outbound import MAX_URL_LENGTH


def absolute(request: object, path: str) -> str:
    return request.build_absolute_uri(path) if request is not None else path


class CaptureInputSerializer(serializers.Serializer):
    url = TextField(max_length=MAX_URL_LENGTH, help_text="The article's address: http or https.")
    claim = RelatedIdField(
        queryset=Claim.objects.all(),
        required=False,
        allow_null=True,
        help_text="The claim the page reports; leave out to record the claim from the page afterwards.",
    )


class CaptureOutletSerializer(serializers.Serializer):
    outlet = RelatedIdField(
        queryset=Outlet.objects.all(), required=False, allow_null=True, help_text="An existing outlet; or leave out…"
    )
    name = TextField(
        max_length=200, required=False, allow_blank=True, help_text="…to create the proposed outlet, named so."
    )


class CaptureClaimSerializer(serializers.Serializer):
    claim = RelatedIdField(queryset=Claim.objects.all(), help_text="The claim the captured page reports.")


class SnapshotSerializer(OutputSerializer):
    download = serializers.SerializerMethodField(help_text="The WARC record, as a download.")

    class Meta:
        model = Snapshot
        fields = [
            "id", "url", "final_url", "normalized_url", "status", "content_type", "size", "sha256", "fetched_at",
            "content_changed", "previous", "appearance", "language", "metadata", "download",
        ]  # fmt: skip
        read_only_fields = fields

    def get_download(self, snapshot: Snapshot) -> str:
        return absolute(self.context.get("request"), reverse("api:snapshot-download", args=[snapshot.pk]))


class CaptureSerializer(OutputSerializer):
    state = serializers.ChoiceField(
        source="status", choices=CaptureStatus.choices,
        help_text="Its own state once the page is read (needs_outlet, needs_claim, recorded); before that, and "
        "when it could not finish, its job's (queued, running, failed).",
    )  # fmt: skip
    message = serializers.CharField(help_text="Why it failed, or what it waits for; empty otherwise.")
    job = JobReferenceSerializer()
    snapshot = SnapshotSerializer(allow_null=True)

    class Meta:
        model = Capture
        fields = [
            "id", "url", "normalized_url", "claim", "state", "message", "job", "snapshot", "outlet",
            "proposed_outlet", "appearance", "appearance_created", "created_at",
        ]  # fmt: skip
        read_only_fields = fields


class AlikeOutletSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="outlet.pk")
    name = serializers.CharField(source="outlet.name")
    slug = serializers.CharField(source="outlet.slug")
    domain = serializers.CharField(source="outlet.domain")
    by_name = serializers.BooleanField(help_text="Its name or an alias sounds the same (transliterations aside).")
    by_domain = serializers.BooleanField(help_text="Its domain is of the same site.")


class CaptureDetailSerializer(CaptureSerializer):
    alike_outlets = AlikeOutletSerializer(
        many=True, help_text="While it needs an outlet: outlets we hold like the one proposed, to choose instead."
    )

    class Meta(CaptureSerializer.Meta):
        fields = [*CaptureSerializer.Meta.fields, "alike_outlets"]
        read_only_fields = fields


class PassagePairSerializer(serializers.Serializer):
    """One passage found in two pages, in each page's own words (as published, not as matched)."""

    citing = serializers.CharField(help_text="The passage as the citing (later) page has it.")
    cited = serializers.CharField(help_text="The same passage as the cited (earlier) page has it.")


class SuggestionSerializer(OutputSerializer):
    evidence = serializers.DictField(
        help_text='Why: {"link": href}, or {"share": 0-1, "passages": [{"citing", "cited"}, …]}.'
    )
    passages = PassagePairSerializer(
        many=True, help_text="The copied passages side by side, each in its page's words; empty for a link."
    )

    class Meta:
        model = SuggestedCitation
        fields = [
            "id", "claim", "citing", "cited", "kind", "score", "evidence", "passages", "state", "citation", "capture",
        ]  # fmt: skip
        read_only_fields = fields
