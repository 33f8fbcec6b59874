"""Actor ties: sourced statements of whom a speaker speaks for, leads or belongs to."""

from django.contrib import admin

from claims.admin.filters import WithdrawnFilter
from claims.admin.rows import WithdrawableAdmin
from claims.admin.saving import Services
from claims.models import ActorAffiliation
from claims.services.actor_affiliations import (
    actor_affiliation_create,
    actor_affiliation_update,
    actor_affiliation_withdraw,
)

ACTOR_AFFILIATION_SERVICES = Services(
    noun="actor_affiliation",
    create=actor_affiliation_create,
    update=actor_affiliation_update,
    withdraw=actor_affiliation_withdraw,
)


@admin.register(ActorAffiliation)
class ActorAffiliationAdmin(WithdrawableAdmin):
    services = ACTOR_AFFILIATION_SERVICES
    list_display = ["actor", "relation", "body", "stated_by", "valid_from", "valid_to", "withdrawal"]
    list_filter = [WithdrawnFilter, "relation"]
    list_select_related = ["actor", "body", "stated_by_outlet"]
    search_fields = [
        "actor__name",
        "actor__aliases",
        "actor__search_names",
        "body__name",
        "body__aliases",
        "body__search_names",
        "quote",
    ]
    autocomplete_fields = ["actor", "body", "stated_by_outlet"]
    fields = [
        "actor",
        "relation",
        "body",
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
    def stated_by(self, tie: ActorAffiliation) -> str:
        return str(tie.stated_by_outlet or tie.stated_by_url)
