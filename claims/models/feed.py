from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from claims.choices import FeedState
from claims.models.fields import URL_LENGTH

# Written by the polls, never typed in: no form or serializer takes them.
SYSTEM = {"editable": False}
MIN_INTERVAL, MAX_INTERVAL = 60, 7 * 24 * 3600


class Feed(models.Model):
    """One outlet's feed (RSS, Atom or JSON Feed) that the intake polls for new articles (SPEC §16).

    `state`, `last_error` and the poll bookkeeping are the polls' (claims/services/feed_polls.py);
    an editor sets the URL, the interval and whether it is paused. `etag` and `last_modified` are
    what the last complete poll was told, sent back for a conditional GET; they are written only
    once every entry of that poll is in the inbox, so a poll cut off half-way is made again whole.
    """

    outlet = models.ForeignKey("claims.Outlet", on_delete=models.PROTECT, related_name="feeds")
    url = models.CharField(max_length=URL_LENGTH)
    # The URL as capture normalises it: the same feed twice is refused by this column.
    normalized_url = models.CharField(max_length=URL_LENGTH, unique=True, **SYSTEM)
    state = models.CharField(max_length=20, choices=FeedState.choices, default=FeedState.ACTIVE)
    interval = models.PositiveIntegerField(default=900, help_text="Seconds between polls.")
    last_polled_at = models.DateTimeField(null=True, blank=True, **SYSTEM)
    last_error = models.TextField(blank=True, **SYSTEM)
    consecutive_failures = models.PositiveIntegerField(default=0, **SYSTEM)
    next_poll_at = models.DateTimeField(null=True, blank=True, **SYSTEM)
    # While a poll works on the feed: its lease. A poll lost with its worker leaves it to run out.
    polling_until = models.DateTimeField(null=True, blank=True, **SYSTEM)
    etag = models.CharField(max_length=500, blank=True, **SYSTEM)
    last_modified = models.CharField(max_length=100, blank=True, **SYSTEM)
    items_found = models.PositiveIntegerField(default=0, **SYSTEM)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    # Only what a person changes is history; the polls' bookkeeping is written with update().
    history = HistoricalRecords(
        excluded_fields=[
            "last_polled_at", "consecutive_failures", "next_poll_at", "polling_until", "etag", "last_modified",
            "items_found", "updated_at",
        ],
        no_db_index=["outlet", "created_by"],
    )  # fmt: skip

    class Meta:
        ordering = ["id"]
        indexes = [
            models.Index(fields=["outlet", "id"], name="feed_outlet_idx"),
            # The scheduler reads the feeds that are due: those not paused, by when.
            models.Index(fields=["next_poll_at"], condition=~models.Q(state=FeedState.PAUSED), name="feed_due_idx"),
        ]
        constraints = [
            models.CheckConstraint(condition=models.Q(state__in=FeedState.values), name="feed_state_valid"),
            models.CheckConstraint(
                condition=models.Q(interval__gte=MIN_INTERVAL, interval__lte=MAX_INTERVAL), name="feed_interval_range"
            ),
        ]

    def __str__(self) -> str:
        return f"Feed {self.url}"
