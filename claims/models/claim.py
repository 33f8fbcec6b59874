from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from claims.choices import ClaimKind, Reliability, ResponsibilityStatus, ReviewState
from claims.language import LANGUAGE_LENGTH
from claims.models.base import Timestamped
from claims.models.fields import FastJSONField, at_most
from claims.roles import User, is_newsroom

PUBLIC_STATES = (ReviewState.PUBLISHED, ReviewState.RETRACTED)
PUBLIC = models.Q(review_state__in=PUBLIC_STATES)
# What reviewers approve: once published these stay, and whoever changed one wrote part of
# the claim (four eyes, claims/selectors/authorship.py).
ASSERTION = frozenset({"text", "kind", "subject", "event"})

# A claim as the API represents it (SPEC §8); the exports list the same fields.
CLAIM_FIELDS = [
    "id",
    "url",
    "text",
    "language",
    "kind",
    "status",
    "review_state",
    "subject",
    "event",
    "first_reported",
    "confidence",
    "confidence_label",
    "credibility",
    "admiralty_code",
    "confidence_factors",
    "independent_origin_count",
    "appearance_count",
    "scores_pending",
    "created_at",
    "updated_at",
]

# Derived from appearances, citations, grades, affiliations and evidence by the
# scoring services; they are a cache of a computation, so history leaves them out.
COMPUTED_FIELDS = [
    "status",
    "confidence",
    "credibility",
    "admiralty_code",
    "confidence_factors",
    "independent_origin_count",
    "appearance_count",
    "first_reported",
    "search_text",
    "text_key",
]


class ClaimQuerySet(models.QuerySet):
    def visible_to(self, user: User | None) -> "ClaimQuerySet":
        """The one visibility rule: consumers see published and retracted claims only; nobody sees a
        claim merged into another in any list (its detail redirects to the survivor)."""
        unmerged = self.filter(merged_into__isnull=True)
        if is_newsroom(user):
            return unmerged
        return unmerged.filter(PUBLIC)

    def readable_by(self, user: User | None) -> "ClaimQuerySet":
        """`visible_to` with the merged claims kept: what a detail address may name, to redirect."""
        return self if is_newsroom(user) else self.filter(PUBLIC)


class Claim(Timestamped):
    """One assertion reported in the news, e.g. "group X carried out attack Y"."""

    # A sentence or a paragraph (docs/api.md, Input limits).
    text = models.TextField(validators=at_most(2000))
    # ISO 639-1 (claims/language.py): given, or detected from the text when not.
    language = models.CharField(max_length=LANGUAGE_LENGTH, blank=True, help_text="ISO 639-1, e.g. ar, fa, en.")
    kind = models.CharField(max_length=20, choices=ClaimKind.choices, default=ClaimKind.ATTRIBUTION)
    # Foreign keys and filtered columns are served by the composite indexes in Meta: every
    # extra index is paid for on each insert and on each rescoring update.
    subject = models.ForeignKey(
        "claims.Actor", null=True, blank=True, on_delete=models.PROTECT, related_name="claims", db_index=False
    )
    event = models.ForeignKey(
        "claims.Event", null=True, blank=True, on_delete=models.PROTECT, related_name="claims", db_index=False
    )
    review_state = models.CharField(max_length=20, choices=ReviewState.choices, default=ReviewState.DRAFT)
    notes = models.TextField(blank=True, validators=at_most(4000))
    source_document = models.CharField(max_length=200, blank=True)
    external_ref = models.CharField(max_length=200, unique=True, null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="claims_created",
    )
    # Set and cleared only by claims/services/merges.py, which keeps the ClaimMerge that says why.
    merged_into = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="merged_claims", editable=False
    )

    status = models.CharField(
        max_length=20,
        choices=ResponsibilityStatus.choices,
        default=ResponsibilityStatus.UNCLAIMED,
        editable=False,
    )
    confidence = models.PositiveSmallIntegerField(default=0, editable=False)
    credibility = models.PositiveSmallIntegerField(
        default=6, editable=False, help_text="Admiralty information-credibility digit, 1-6."
    )
    admiralty_code = models.CharField(max_length=2, default=f"{Reliability.F}6", editable=False)
    confidence_factors = FastJSONField(default=list, blank=True, editable=False)
    independent_origin_count = models.PositiveIntegerField(default=0, editable=False)
    appearance_count = models.PositiveIntegerField(default=0, editable=False)
    first_reported = models.DateField(null=True, blank=True, editable=False)
    search_text = models.TextField(blank=True, editable=False)
    text_key = models.TextField(blank=True, editable=False)

    objects = ClaimQuerySet.as_manager()
    # History is read per claim (by id); an index on every other column would be paid on each
    # change, and on each of the thousands of rows an import writes, for lookups nobody makes.
    history = HistoricalRecords(
        excluded_fields=COMPUTED_FIELDS, no_db_index=["subject", "event", "created_by", "external_ref"]
    )

    class Meta:
        ordering = ["-updated_at", "-id"]
        permissions = [("review_claim", "Can approve, reject and retract claims")]
        indexes = [
            models.Index(fields=["updated_at", "id"], name="claim_sync_idx"),
            models.Index(fields=["review_state", "updated_at", "id"], name="claim_state_sync_idx"),
            models.Index(fields=["confidence", "id"], name="claim_confidence_idx"),
            models.Index(fields=["first_reported", "id"], name="claim_first_reported_idx"),
            models.Index(fields=["subject", "confidence"], name="claim_subject_idx"),
            models.Index(fields=["event", "confidence"], name="claim_event_idx"),
            models.Index(fields=["status", "confidence"], name="claim_status_idx"),
            models.Index(fields=["language", "updated_at", "id"], name="claim_language_idx"),
            # Consumers see published and retracted claims only (visible_to): with the
            # visibility rule as the index's condition, their pages in every ordering
            # are read off an index instead of sorting all they may see.
            models.Index(fields=["updated_at", "id"], condition=PUBLIC, name="claim_public_sync_idx"),
            models.Index(fields=["confidence", "id"], condition=PUBLIC, name="claim_public_confidence_idx"),
            models.Index(fields=["first_reported", "id"], condition=PUBLIC, name="claim_public_reported_idx"),
            models.Index(fields=["subject", "updated_at", "id"], condition=PUBLIC, name="claim_public_subject_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(review_state__in=ReviewState.values),
                name="claim_review_state_valid",
                violation_error_message="Unknown review state.",
            ),
            models.CheckConstraint(
                condition=models.Q(confidence__lte=100),
                name="claim_confidence_range",
                violation_error_message="Confidence is between 0 and 100.",
            ),
        ]

    def __str__(self) -> str:
        return self.text if len(self.text) <= 80 else self.text[:77] + "..."

    @property
    def confidence_label(self) -> str:
        from claims.scoring.confidence import confidence_label

        return confidence_label(self.confidence)
