from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from claims.choices import CaptureState, CaptureStatus, CitationKind, JobState, SuggestionState
from claims.models.fields import URL_LENGTH
from claims.models.job import Job
from claims.roles import User

# Written by the capture services, never typed in: no form or serializer takes them.
SYSTEM = {"editable": False}
# What a capture that waits for a person says it waits for.
WAITING_FOR = {
    CaptureState.NEEDS_OUTLET: _("No outlet we hold has this page's domain: confirm the one proposed, or choose one."),
    CaptureState.NEEDS_CLAIM: _("Read: record the claim this page reports, and the appearance is added to it."),
}


def metadata_value(metadata: dict, name: str) -> object:
    """One field of what was read from a page, as a snapshot keeps it (`{name: {"value", "source"}}`):
    its value, or None. Every reader of snapshot metadata goes through here."""
    found = (metadata or {}).get(name)
    return found.get("value") if isinstance(found, dict) else None


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
    # ISO 639-1: what the page declares, else detected from its main text (claims/language.py).
    language = models.CharField(max_length=8, blank=True, **SYSTEM)
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

    def read(self, name: str) -> object:
        """A field read from the page (headline, author, published_on, links …), or None."""
        return metadata_value(self.metadata, name)

    @property
    def headline(self) -> str:
        return str(self.read("headline") or "")

    def read_source(self, name: str) -> str:
        found = (self.metadata or {}).get(name)
        return str(found.get("source") or "") if isinstance(found, dict) else ""


class CaptureQuerySet(models.QuerySet):
    def visible_to(self, user: User | None) -> "CaptureQuerySet":
        """A capture is its job's: the user's own, or every one for those who oversee all work
        (Job.objects.visible_to)."""
        return self.filter(job__in=Job.objects.visible_to(user))

    def with_status(self, status: str) -> "CaptureQuerySet":
        """Captures shown as `status` (CaptureStatus): their own state, or with none yet, their job's."""
        if status in CaptureState.values:
            return self.filter(state=status)
        return self.filter(state="", job__state=status)


class Capture(models.Model):
    """An editor's request to record an appearance from a URL, and how far it has got.

    Its job fetches and reads the page; whether that is queued, running or failed is the job's
    state, read from it (`status`). What the capture holds is its own: once read, it waits for an
    outlet or a claim, or it is recorded as an appearance (`state`, blank until then)."""

    job = models.OneToOneField("claims.Job", on_delete=models.CASCADE, related_name="capture")
    claim = models.ForeignKey("claims.Claim", null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    url = models.URLField(max_length=URL_LENGTH, **SYSTEM)
    normalized_url = models.URLField(max_length=URL_LENGTH, **SYSTEM)
    state = models.CharField(max_length=20, choices=CaptureState.choices, blank=True, **SYSTEM)
    snapshot = models.ForeignKey(Snapshot, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    outlet = models.ForeignKey("claims.Outlet", null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    # What the page says of its publisher when no outlet has its domain, for the editor to confirm.
    proposed_outlet = models.JSONField(default=dict, blank=True, **SYSTEM)
    appearance = models.ForeignKey(
        "claims.Appearance", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    appearance_created = models.BooleanField(default=False, **SYSTEM)
    # The date the page's feed gave it (a capture from the inbox), used when the page gives none.
    published_on = models.DateField(null=True, blank=True, **SYSTEM)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = CaptureQuerySet.as_manager()

    class Meta:
        ordering = ["-id"]
        indexes = [models.Index(fields=["state", "id"], name="capture_state_idx")]
        constraints = [
            models.CheckConstraint(condition=models.Q(state__in=["", *CaptureState.values]), name="capture_state_valid")
        ]

    def __str__(self) -> str:
        return f"Capture of {self.url}"

    @property
    def status(self) -> str:
        """Its own state once it has one; before that its job's: queued, running or failed."""
        return self.state or self.job.state

    def get_status_display(self) -> str:
        return CaptureStatus(self.status).label if self.status in CaptureStatus.values else self.status

    @property
    def message(self) -> str:
        """What a person should know: why its job failed, or what it waits for."""
        if not self.state and self.job.state == JobState.FAILED:
            return self.job.failure
        return str(WAITING_FOR.get(self.state, ""))


class SuggestedCitation(models.Model):
    """A citation the capture of a page suggests, for a person to accept or dismiss: a link in its
    text to an appearance of the same claim, or passages copied from one. Nothing becomes a
    citation without a person (claims.services.suggestions)."""

    claim = models.ForeignKey("claims.Claim", on_delete=models.CASCADE, related_name="suggested_citations")
    citing = models.ForeignKey("claims.Appearance", on_delete=models.CASCADE, related_name="+")
    cited = models.ForeignKey("claims.Appearance", on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=20, choices=CitationKind.choices, **SYSTEM)
    # {"link": href} or {"share": 0.83, "passages": [{"citing": words, "cited": words}, …]}: why it is
    # suggested, shown with it. Each passage is in each page's own words (claims/capture/reuse.py).
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

    @property
    def passages(self) -> list[dict[str, str]]:
        """The copied passages as pairs, {"citing", "cited"}, each in its page's words."""
        return [p for p in (self.evidence or {}).get("passages") or [] if isinstance(p, dict)]
