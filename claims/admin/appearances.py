"""Appearances: one outlet publishing a claim."""

from django.contrib import admin

from claims.admin.claim_inlines import APPEARANCE_SERVICES
from claims.admin.filters import WithdrawnFilter
from claims.admin.rows import WithdrawableAdmin
from claims.models import Appearance


@admin.register(Appearance)
class AppearanceAdmin(WithdrawableAdmin):
    services = APPEARANCE_SERVICES
    list_display = ["outlet", "published_on", "headline", "claim", "language", "withdrawal"]
    list_filter = [WithdrawnFilter, "outlet__kind", "outlet__reliability", "language"]
    list_select_related = ["outlet", "claim"]
    date_hierarchy = "published_on"
    search_fields = [
        "headline",
        "excerpt",
        "url",
        "attributed_source",
        "outlet__name",
        "outlet__aliases",
        "outlet__search_names",
        "claim__text",
    ]
    autocomplete_fields = ["claim", "outlet"]
    fixed_after_create = ("claim",)
    fields = [
        "claim",
        "outlet",
        "published_on",
        "url",
        "headline",
        "author",
        "language",
        "excerpt",
        "attributed_source",
        "source_document",
        "withdrawn_at",
        "withdrawn_by",
        "withdrawn_reason",
    ]
