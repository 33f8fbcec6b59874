from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from claims.choices import InboxState, SuggestionMatch, WatchKind
from claims.models.fields import URL_LENGTH
from claims.roles import User, is_newsroom

SYSTEM = {"editable": False}


class InboxItemQuerySet(models.QuerySet):
    def visible_to(self, user: User | None) -> "InboxItemQuerySet":
        """The inbox is the newsroom's (editors, reviewers, superusers); consumers see none of it."""
        return self if is_newsroom(user) else self.none()


class InboxItem(models.Model):
    """One article a monitored feed announced, once however many feeds (or polls) carried it.

    Found by its link as capture normalises it (`normalized_url`, unique); `published_at` is the
    earliest date any feed gave it, and `listed_at` the inbox's order: that date, or, for an entry
    with none, when it was first seen. `feed` and `outlet` are the first feed that carried it;
    every feed that did is a FeedSighting. What became of it (`state`) is decided by a person
    (claims/services/inbox_triage.py), each step in its history.
    """

    normalized_url = models.CharField(max_length=URL_LENGTH, unique=True, **SYSTEM)
    url = models.CharField(max_length=URL_LENGTH, **SYSTEM)
    feed = models.ForeignKey("claims.Feed", on_delete=models.PROTECT, related_name="+", **SYSTEM)
    outlet = models.ForeignKey("claims.Outlet", on_delete=models.PROTECT, related_name="+", **SYSTEM)
    title = models.CharField(max_length=500, blank=True, **SYSTEM)
    summary = models.TextField(blank=True, **SYSTEM)
    published_at = models.DateTimeField(null=True, blank=True, **SYSTEM)
    listed_at = models.DateTimeField(**SYSTEM)
    language = models.CharField(max_length=35, blank=True, **SYSTEM)
    state = models.CharField(max_length=20, choices=InboxState.choices, default=InboxState.NEW, **SYSTEM)
    first_seen_at = models.DateTimeField(auto_now_add=True)
    claim = models.ForeignKey(
        "claims.Claim", null=True, blank=True, on_delete=models.PROTECT, related_name="+", **SYSTEM
    )
    capture = models.ForeignKey(
        "claims.Capture", null=True, blank=True, on_delete=models.SET_NULL, related_name="+", **SYSTEM
    )
    dismiss_reason = models.CharField(max_length=500, blank=True, **SYSTEM)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", **SYSTEM
    )
    decided_at = models.DateTimeField(null=True, blank=True, **SYSTEM)

    objects = InboxItemQuerySet.as_manager()
    history = HistoricalRecords(
        excluded_fields=["summary"], no_db_index=["feed", "outlet", "claim", "capture", "decided_by"]
    )

    class Meta:
        ordering = ["-listed_at", "-id"]
        indexes = [
            models.Index(fields=["-listed_at", "-id"], name="inbox_listed_idx"),
            models.Index(fields=["state", "-listed_at", "-id"], name="inbox_state_idx"),
            models.Index(fields=["outlet", "-listed_at", "-id"], name="inbox_outlet_idx"),
            models.Index(fields=["language", "-listed_at", "-id"], name="inbox_language_idx"),
            models.Index(fields=["feed"], name="inbox_feed_idx"),
            models.Index(fields=["claim"], name="inbox_claim_idx"),
        ]
        constraints = [
            models.CheckConstraint(condition=models.Q(state__in=InboxState.values), name="inbox_state_valid"),
        ]

    def __str__(self) -> str:
        return self.title or self.url


class FeedSighting(models.Model):
    """One feed carried one item: the item is one row whichever feeds announce it."""

    feed = models.ForeignKey("claims.Feed", on_delete=models.CASCADE, related_name="sightings", db_index=False)
    item = models.ForeignKey(InboxItem, on_delete=models.CASCADE, related_name="sightings")
    seen_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["feed", "item"], name="sighting_once")]

    def __str__(self) -> str:
        return f"Feed {self.feed_id} carried item {self.item_id}"


class ItemSuggestion(models.Model):
    """A claim an inbox item may belong to, as the similar-claims ranking placed it when the item
    arrived: its 0-1 score and how it matched."""

    item = models.ForeignKey(InboxItem, on_delete=models.CASCADE, related_name="suggestions", db_index=False)
    claim = models.ForeignKey("claims.Claim", on_delete=models.CASCADE, related_name="+")
    score = models.FloatField()
    match = models.CharField(max_length=20, choices=SuggestionMatch.choices, default=SuggestionMatch.WORDING)
    rank = models.PositiveSmallIntegerField()

    class Meta:
        ordering = ["item", "rank"]
        constraints = [models.UniqueConstraint(fields=["item", "claim"], name="item_suggestion_once")]

    def __str__(self) -> str:
        return f"Item {self.item_id} may be claim {self.claim_id} ({self.score:.2f})"


class WatchQuerySet(models.QuerySet):
    def visible_to(self, user: User | None) -> "WatchQuerySet":
        """Each editor's own watches."""
        if user is None or not user.is_authenticated or not is_newsroom(user):
            return self.none()
        return self.filter(owner=user)


class Watch(models.Model):
    """An editor's standing interest: some words, an actor (by its names) or an outlet. A new
    inbox item that matches is flagged for the editor (WatchMatch) and told to the editor's
    webhook subscriptions as `inbox.matched`."""

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="watches")
    kind = models.CharField(max_length=20, choices=WatchKind.choices)
    words = models.CharField(max_length=200, blank=True)
    actor = models.ForeignKey("claims.Actor", null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    outlet = models.ForeignKey("claims.Outlet", null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    objects = WatchQuerySet.as_manager()

    class Meta:
        ordering = ["id"]
        constraints = [
            models.CheckConstraint(condition=models.Q(kind__in=WatchKind.values), name="watch_kind_valid"),
            models.CheckConstraint(
                condition=(
                    models.Q(kind=WatchKind.WORDS, actor__isnull=True, outlet__isnull=True) & ~models.Q(words="")
                )
                | models.Q(kind=WatchKind.ACTOR, actor__isnull=False, outlet__isnull=True, words="")
                | models.Q(kind=WatchKind.OUTLET, outlet__isnull=False, actor__isnull=True, words=""),
                name="watch_one_target",
            ),
        ]

    def __str__(self) -> str:
        return f"Watch {self.pk} of {self.owner_id}: {self.kind}"


class WatchMatch(models.Model):
    """A new inbox item matched a watch: flagged for its owner."""

    watch = models.ForeignKey(Watch, on_delete=models.CASCADE, related_name="matches", db_index=False)
    item = models.ForeignKey(InboxItem, on_delete=models.CASCADE, related_name="watch_matches")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["watch", "item"], name="watch_match_once")]

    def __str__(self) -> str:
        return f"Item {self.item_id} matched watch {self.watch_id}"
