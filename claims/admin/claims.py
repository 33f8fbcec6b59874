"""Claims: their own fields, their rows inline, the computed scores read-only, the review steps."""

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest
from django.urls import URLPattern, path
from django.utils.safestring import SafeString

from claims.admin.claim_inlines import AppearanceInline, CitationInline, EvidenceInline, frozen
from claims.admin.display import factors_table, history_table
from claims.admin.review import ReviewMixin
from claims.admin.saving import ServiceAdmin, Services
from claims.admin.search import FoldedSearchMixin
from claims.models import Claim
from claims.selectors.history import claim_history
from claims.services.claims import claim_create, claim_update

SCORES = [
    "confidence_summary",
    "admiralty_code",
    "status",
    "independent_origin_count",
    "appearance_count",
    "first_reported",
    "factors",
]
RECORD = ["review_state", "created_by", "created_at", "updated_at", "external_ref"]


@admin.register(Claim)
class ClaimAdmin(ReviewMixin, FoldedSearchMixin, ServiceAdmin):
    services = Services(noun="claim", create=claim_create, update=claim_update)
    folded_search_field = "search_text"
    inlines = [AppearanceInline, CitationInline, EvidenceInline]
    list_display = [
        "short_text",
        "review_state",
        "status",
        "confidence",
        "confidence_label",
        "admiralty_code",
        "independent_origin_count",
        "appearance_count",
        "first_reported",
        "subject",
        "updated_at",
    ]
    list_filter = ["review_state", "status", "kind", "admiralty_code", ("subject", admin.RelatedOnlyFieldListFilter)]
    list_select_related = ["subject"]
    date_hierarchy = "first_reported"
    search_fields = ["text", "subject__name", "subject__slug", "subject__aliases", "subject__search_names"]
    autocomplete_fields = ["subject", "event"]
    readonly_fields = [*SCORES, *RECORD, "history"]
    change_form_template = "admin/claims/claim/change_form.html"

    def get_fieldsets(self, request: HttpRequest, obj: Claim | None = None) -> list:
        own = (None, {"fields": ["text", "kind", "subject", "event", "notes", "source_document"]})
        if obj is None:
            return [own]
        return [
            own,
            ("Review (moved only by the review steps above)", {"fields": RECORD}),
            ("Confidence (computed from the chain, the grades and the evidence)", {"fields": SCORES}),
            ("History", {"fields": ["history"], "classes": ["collapse"]}),
        ]

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return super().get_queryset(request).visible_to(request.user)

    def has_change_permission(self, request: HttpRequest, obj: Claim | None = None) -> bool:
        return not frozen(obj) and super().has_change_permission(request, obj)

    def get_urls(self) -> list[URLPattern]:
        review = path(
            "<path:object_id>/review/<str:step>/",
            self.admin_site.admin_view(self.review_step_view),
            name="claims_claim_review",
        )
        return [review, *super().get_urls()]

    @admin.display(description="claim", ordering="text")
    def short_text(self, claim: Claim) -> str:
        return str(claim)

    @admin.display(description="confidence")
    def confidence_summary(self, claim: Claim) -> str:
        return f"{claim.confidence} / 100 ({claim.confidence_label})"

    @admin.display(description="confidence factors")
    def factors(self, claim: Claim) -> SafeString:
        return factors_table(claim.confidence_factors)

    @admin.display(description="history (review steps and changes, newest first)")
    def history(self, claim: Claim) -> SafeString:
        return history_table(claim_history(claim))
