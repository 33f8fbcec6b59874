from django.conf import settings
from django.db import models

from claims.choices import CaptureState, CitationKind, SuggestionState
from claims.models.fields import URL_LENGTH
from claims.models.job import Job
from claims.roles import User

# Written by the capture services, never typed in: no form or serializer takes them.
SYSTEM = {"editable": False}


class SnapshotQuerySet(models.QuerySet):
    def visible_to(self, user: User | None) -> "SnapshotQuerySet":
        """A snapshot is seen exactly by those who may see the capture that fetched it
        (Capture.objects.visible_to): its own id names nothing to anyone else, who gets a 404 as
        for a snapshot that does not exist. Every reader of snapshots (the download, the capture
        pages, the claim page's links) goes through here; a snapshot no capture holds is nobody's."""
        return self.filter(pk__in=Capture.objects.visible_to(user).values("snapshot_id"))


class Snapshot(models.Model):
    """One fetch of a URL, kept as evidence (SPEC §13): the response as it came, in a WARC record.

    Snapshots are never deleted with what they document, and are only offered as a download:
    their HTML is never rendered on this site's origin.
    """

    url = models.URLField(max_length=URL_LENGTH, **SYSTEM, help_text="The URL as it was asked for.")
    final_url = models.URLField(max_length=URL_LENGTH, **SYSTEM, help_text="Where the redirects led.")
    normalized_url = models.URLField(max_length=URL_LENGTH, db_index=True, **SYSTEM)
    status = models.PositiveSmallIntegerField(**SYSTEM)
    content_type = models.CharField(max_length=200, blank=True, **SYSTEM)
    size = models.PositiveIntegerField(**SYSTEM)
    sha256 = models.CharField(max_length=64, db_index=True, **SYSTEM)
    fetched_at = models.DateTimeField(**SYSTEM)
    warc = models.FileField(upload_to="snapshots/", max_length=300, **SYSTEM)
    # Against the snapshot of the same article before it: None for the first one.
    previous = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    content_changed = models.BooleanField(null=True, **SYSTEM)
    metadata = models.JSONField(default=dict, blank=True, **SYSTEM)
    main_text = models.TextField(blank=True, **SYSTEM)
    # SET_NULL, never CASCADE: evidence outlives what it was taken for.
    appearance = models.ForeignKey(
        "claims.Appearance", null=True, blank=True, on_delete=models.SET_NULL, related_name="snapshots"
    )
    captured_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = SnapshotQuerySet.as_manager()

    class Meta:
        ordering = ["-fetched_at", "-id"]

    def __str__(self) -> str:
        return f"{self.final_url} at {self.fetched_at:%Y-%m-%d %H:%M}"


class CaptureQuerySet(models.QuerySet):
    def visible_to(self, user: User | None) -> "CaptureQuerySet":
        """A capture is its job's: the user's own, or every one for reviewers (Job.objects.visible_to)."""
        return self.filter(job__in=Job.objects.visible_to(user))


class Capture(models.Model):
    """An editor's request to record an appearance from a URL, and how far it has got: fetched and
    read by a job, then waiting for an outlet or a claim, or recorded as an appearance."""

    job = models.OneToOneField("claims.Job", on_delete=models.CASCADE, related_name="capture")
    claim = models.ForeignKey("claims.Claim", null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    url = models.URLField(max_length=URL_LENGTH, **SYSTEM)
    normalized_url = models.URLField(max_length=URL_LENGTH, **SYSTEM)
    state = models.CharField(max_length=20, choices=CaptureState.choices, default=CaptureState.QUEUED, **SYSTEM)
    message = models.TextField(blank=True, **SYSTEM)
    snapshot = models.ForeignKey(Snapshot, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    outlet = models.ForeignKey("claims.Outlet", null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    # What the page says of its publisher when no outlet has its domain, for the editor to confirm.
    proposed_outlet = models.JSONField(default=dict, blank=True, **SYSTEM)
    appearance = models.ForeignKey(
        "claims.Appearance", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    appearance_created = models.BooleanField(default=False, **SYSTEM)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = CaptureQuerySet.as_manager()

    class Meta:
        ordering = ["-id"]
        constraints = [
            models.CheckConstraint(condition=models.Q(state__in=CaptureState.values), name="capture_state_valid")
        ]

    def __str__(self) -> str:
        return f"Capture of {self.url}"


class SuggestedCitation(models.Model):
    """A citation the capture of a page suggests, for a person to accept or dismiss: a link in its
    text to an appearance of the same claim, or passages copied from one. Nothing becomes a
    citation without a person (claims.services.suggestions)."""

    claim = models.ForeignKey("claims.Claim", on_delete=models.CASCADE, related_name="suggested_citations")
    citing = models.ForeignKey("claims.Appearance", on_delete=models.CASCADE, related_name="+")
    cited = models.ForeignKey("claims.Appearance", on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=20, choices=CitationKind.choices, **SYSTEM)
    # {"link": href} or {"share": 0.83, "passages": [...]}: why it is suggested, shown with it.
    evidence = models.JSONField(default=dict, **SYSTEM)
    score = models.FloatField(**SYSTEM)
    state = models.CharField(
        max_length=20, choices=SuggestionState.choices, default=SuggestionState.SUGGESTED, **SYSTEM
    )
    capture = models.ForeignKey(Capture, null=True, blank=True, on_delete=models.SET_NULL, related_name="suggestions")
    citation = models.ForeignKey("claims.Citation", null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-score", "id"]
        indexes = [models.Index(fields=["claim", "state"], name="suggestion_claim_idx")]
        constraints = [
            # One suggestion a pair: a dismissed one is not suggested again.
            models.UniqueConstraint(fields=["citing", "cited"], name="suggestion_unique_pair"),
            models.CheckConstraint(condition=models.Q(state__in=SuggestionState.values), name="suggestion_state_valid"),
        ]

    def __str__(self) -> str:
        return f"{self.citing_id} {self.kind} {self.cited_id} ({self.state})"
