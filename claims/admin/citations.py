"""Citations: the edges of a claim's republication chain."""

from django.contrib import admin

from claims.admin.claim_inlines import CITATION_SERVICES
from claims.admin.filters import WithdrawnFilter
from claims.admin.rows import WithdrawableAdmin
from claims.models import Citation


@admin.register(Citation)
class CitationAdmin(WithdrawableAdmin):
    services = CITATION_SERVICES
    list_display = ["citing", "kind", "cited", "claim", "withdrawal"]
    list_filter = [WithdrawnFilter, "kind"]
    list_select_related = ["citing__outlet", "cited__outlet", "claim"]
    search_fields = ["claim__text", "citing__outlet__name", "cited__outlet__name", "note"]
    autocomplete_fields = ["citing", "cited"]
    fixed_after_create = ("citing", "cited")
    fields = ["citing", "cited", "kind", "note", "claim", "withdrawn_at", "withdrawn_by", "withdrawn_reason"]
    readonly_fields = ["claim"]
