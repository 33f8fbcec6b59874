"""Feeds, the inbox and watches (SPEC §16, docs/feeds.md)."""

from rest_framework import serializers

from claims.api.serializers.base import OutputSerializer, RelatedIdField, TextField
from claims.choices import ClaimKind, SuggestionMatch, WatchKind
from claims.models import Actor, Claim, Event, Feed, InboxItem, Outlet, Watch
from claims.models.feed import MAX_INTERVAL, MIN_INTERVAL
from claims.models.fields import URL_LENGTH
from claims.services.inbox_triage import REASON_LENGTH
from claims.services.watches import WORDS_LENGTH


class FeedInputSerializer(serializers.Serializer):
    outlet = RelatedIdField(queryset=Outlet.objects.all(), help_text="The outlet whose feed this is.")
    url = TextField(max_length=URL_LENGTH, help_text="The feed's address (RSS, Atom or JSON Feed): a public one.")
    interval = serializers.IntegerField(
        min_value=MIN_INTERVAL, max_value=MAX_INTERVAL, required=False, help_text="Seconds between polls."
    )


class FeedChangeSerializer(serializers.Serializer):
    url = TextField(max_length=URL_LENGTH, required=False)
    interval = serializers.IntegerField(min_value=MIN_INTERVAL, max_value=MAX_INTERVAL, required=False)


class FeedSerializer(OutputSerializer):
    outlet = serializers.PrimaryKeyRelatedField(read_only=True)
    outlet_name = serializers.CharField(source="outlet.name")

    class Meta:
        model = Feed
        fields = [
            "id", "outlet", "outlet_name", "url", "state", "interval", "last_polled_at", "next_poll_at",
            "last_error", "consecutive_failures", "items_found", "created_at", "updated_at",
        ]  # fmt: skip
        read_only_fields = fields


class SuggestedClaimSerializer(serializers.Serializer):
    claim = serializers.IntegerField(source="claim_id")
    text = serializers.CharField(source="claim.text")
    review_state = serializers.CharField(source="claim.review_state")
    confidence = serializers.IntegerField(source="claim.confidence")
    score = serializers.FloatField(min_value=0, max_value=1, help_text="0-1, as the similar-claims ranking gives it.")
    match = serializers.ChoiceField(choices=SuggestionMatch.choices, help_text="How it matched.")


class InboxItemSerializer(OutputSerializer):
    feed = serializers.PrimaryKeyRelatedField(read_only=True)
    outlet = serializers.PrimaryKeyRelatedField(read_only=True)
    outlet_name = serializers.CharField(source="outlet.name")
    claim = serializers.PrimaryKeyRelatedField(read_only=True, allow_null=True)
    capture = serializers.PrimaryKeyRelatedField(read_only=True, allow_null=True)
    decided_by = serializers.SlugRelatedField(slug_field="username", read_only=True, allow_null=True)
    suggested_claims = SuggestedClaimSerializer(
        source="suggestions", many=True, help_text="The claims it may belong to, most likely first."
    )
    watched = serializers.SerializerMethodField(help_text="It matched one of your watches.")

    class Meta:
        model = InboxItem
        fields = [
            "id", "feed", "outlet", "outlet_name", "url", "title", "summary", "published_at", "first_seen_at",
            "language", "state", "suggested_claims", "watched", "claim", "capture", "dismiss_reason", "decided_by",
            "decided_at",
        ]  # fmt: skip
        read_only_fields = fields

    def get_watched(self, item: InboxItem) -> bool:
        return bool(getattr(item, "my_matches", None))


class AttachSerializer(serializers.Serializer):
    claim = RelatedIdField(queryset=Claim.objects.all(), help_text="The claim the item reports.")


class DismissSerializer(serializers.Serializer):
    reason = TextField(required=False, allow_blank=True, default="", max_length=REASON_LENGTH, help_text="Why.")


class NewClaimSerializer(serializers.Serializer):
    text = TextField(max_length=2000, help_text="The assertion the item reports.")
    kind = serializers.ChoiceField(choices=ClaimKind.choices, default=ClaimKind.ATTRIBUTION)
    subject = RelatedIdField(queryset=Actor.objects.all(), required=False, allow_null=True)
    event = RelatedIdField(queryset=Event.objects.all(), required=False, allow_null=True)


class WatchInputSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=WatchKind.choices)
    words = TextField(required=False, allow_blank=True, default="", max_length=WORDS_LENGTH)
    actor = RelatedIdField(queryset=Actor.objects.all(), required=False, allow_null=True)
    outlet = RelatedIdField(queryset=Outlet.objects.all(), required=False, allow_null=True)


class WatchSerializer(OutputSerializer):
    owner = serializers.SlugRelatedField(slug_field="username", read_only=True)
    actor = serializers.PrimaryKeyRelatedField(read_only=True, allow_null=True)
    outlet = serializers.PrimaryKeyRelatedField(read_only=True, allow_null=True)

    class Meta:
        model = Watch
        fields = ["id", "owner", "kind", "words", "actor", "outlet", "created_at"]
        read_only_fields = fields
