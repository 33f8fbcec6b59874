"""Outlets, with their affiliations inline. Grades are the reviewers' to set."""

from django.contrib import admin
from django.http import HttpRequest

from claims.admin.forms import OutletForm
from claims.admin.saving import ServiceAdmin, ServiceInline, Services
from claims.admin.search import FoldedSearchMixin
from claims.admin.withdrawal import withdrawn_note
from claims.models import Affiliation, Outlet
from claims.services.affiliations import affiliation_create, affiliation_update, affiliation_withdraw
from claims.services.outlets import outlet_create, outlet_editable_fields, outlet_update

AFFILIATION_SERVICES = Services(
    noun="affiliation",
    create=affiliation_create,
    update=affiliation_update,
    withdraw=affiliation_withdraw,
    parent="outlet",
)


class AffiliationInline(ServiceInline):
    model = Affiliation
    fk_name = "outlet"
    services = AFFILIATION_SERVICES
    fields = ["actor", "relation", "stated_by_outlet", "stated_by_url", "valid_from", "valid_to", "withdrawal"]
    readonly_fields = ["withdrawal"]
    autocomplete_fields = ["actor", "stated_by_outlet"]
    verbose_name_plural = "affiliations (who says this outlet is tied to whom)"

    @admin.display(description="state")
    def withdrawal(self, affiliation: Affiliation) -> str:
        return withdrawn_note(affiliation) if affiliation.pk else ""


@admin.register(Outlet)
class OutletAdmin(FoldedSearchMixin, ServiceAdmin):
    form = OutletForm
    services = Services(noun="outlet", create=outlet_create, update=outlet_update)
    inlines = [AffiliationInline]
    list_display = ["name", "alias_list", "kind", "reliability", "country", "language", "domain", "updated_at"]
    list_filter = ["reliability", "kind", "country", "language"]
    search_fields = ["name", "slug", "aliases", "search_names", "domain"]
    fieldsets = [
        (None, {"fields": ["name", "slug", "aliases", "kind", "country", "language", "url", "domain"]}),
        ("Reliability (Admiralty grade, set by reviewers)", {"fields": ["reliability", "reliability_note"]}),
        ("Record", {"fields": ["created_at", "updated_at"]}),
    ]
    readonly_fields = ["created_at", "updated_at"]

    @admin.display(description="aliases")
    def alias_list(self, outlet: Outlet) -> str:
        return ", ".join(outlet.aliases)

    def has_change_permission(self, request: HttpRequest, obj: Outlet | None = None) -> bool:
        # Reviewers grade outlets without editing them otherwise.
        return super().has_change_permission(request, obj) or bool(outlet_editable_fields(request.user))

    def get_readonly_fields(self, request: HttpRequest, obj: Outlet | None = None) -> list[str]:
        """What the outlet services would refuse this user is shown, not offered."""
        readonly = list(super().get_readonly_fields(request, obj))
        editable = outlet_editable_fields(request.user, creating=obj is None)
        every = [name for _, options in self.fieldsets for name in options["fields"]]
        return readonly + [name for name in every if name not in editable and name not in readonly]
