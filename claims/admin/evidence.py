"""Status evidence: dated confirmations and denials; the latest sets the claim's status."""

from django.contrib import admin

from claims.admin.claim_inlines import EVIDENCE_SERVICES
from claims.admin.filters import WithdrawnFilter
from claims.admin.rows import WithdrawableAdmin
from claims.models import StatusEvidence


@admin.register(StatusEvidence)
class StatusEvidenceAdmin(WithdrawableAdmin):
    services = EVIDENCE_SERVICES
    list_display = ["claim", "stance", "actor", "date", "appearance", "withdrawal"]
    list_filter = [WithdrawnFilter, "stance"]
    list_select_related = ["claim", "actor", "appearance__outlet"]
    date_hierarchy = "date"
    search_fields = ["claim__text", "actor__name", "actor__aliases", "actor__search_names", "note", "url"]
    autocomplete_fields = ["claim", "actor", "appearance"]
    fixed_after_create = ("claim",)
    fields = [
        "claim",
        "stance",
        "date",
        "actor",
        "appearance",
        "url",
        "note",
        "source_document",
        "withdrawn_at",
        "withdrawn_by",
        "withdrawn_reason",
    ]
