"""Affiliations: sourced statements that an outlet is tied to an actor."""

from django.contrib import admin

from claims.admin.filters import WithdrawnFilter
from claims.admin.outlets import AFFILIATION_SERVICES
from claims.admin.rows import WithdrawableAdmin
from claims.models import Affiliation


@admin.register(Affiliation)
class AffiliationAdmin(WithdrawableAdmin):
    services = AFFILIATION_SERVICES
    list_display = ["outlet", "relation", "actor", "stated_by", "valid_from", "valid_to", "withdrawal"]
    list_filter = [WithdrawnFilter, "relation"]
    list_select_related = ["outlet", "actor", "stated_by_outlet"]
    search_fields = [
        "outlet__name",
        "outlet__aliases",
        "outlet__search_names",
        "actor__name",
        "actor__aliases",
        "actor__search_names",
        "quote",
    ]
    autocomplete_fields = ["outlet", "actor", "stated_by_outlet"]
    fields = [
        "outlet",
        "actor",
        "relation",
        "stated_by_outlet",
        "stated_by_url",
        "quote",
        "source_document",
        "valid_from",
        "valid_to",
        "withdrawn_at",
        "withdrawn_by",
        "withdrawn_reason",
    ]

    @admin.display(description="stated by")
    def stated_by(self, affiliation: Affiliation) -> str:
        return str(affiliation.stated_by_outlet or affiliation.stated_by_url)
