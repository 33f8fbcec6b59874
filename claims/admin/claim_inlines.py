"""The rows of one claim, edited on the claim's page: appearances, citations, evidence."""

from django import forms
from django.contrib import admin
from django.db import models
from django.db.models import QuerySet
from django.http import HttpRequest

from claims.admin.saving import ServiceInline, Services
from claims.admin.withdrawal import withdrawn_note
from claims.models import Appearance, Citation, Claim, StatusEvidence
from claims.services.appearances import appearance_create, appearance_update, appearance_withdraw
from claims.services.citations import citation_create, citation_update, citation_withdraw
from claims.services.claims import claim_is_editable
from claims.services.evidence import evidence_create, evidence_update, evidence_withdraw

APPEARANCE_SERVICES = Services(
    noun="appearance",
    create=appearance_create,
    update=appearance_update,
    withdraw=appearance_withdraw,
    parent="claim",
)
CITATION_SERVICES = Services(
    noun="citation", create=citation_create, update=citation_update, withdraw=citation_withdraw
)
EVIDENCE_SERVICES = Services(
    noun="evidence", create=evidence_create, update=evidence_update, withdraw=evidence_withdraw, parent="claim"
)


def frozen(claim: Claim | None) -> bool:
    """A retracted claim is kept as it was: the services refuse edits, so pages show it read-only."""
    return claim is not None and not claim_is_editable(claim)


class ClaimRowInline(ServiceInline):
    """An inline whose appearance choices are the appearances of the claim on the page.

    Withdrawn appearances stay among the choices so that rows already pointing
    to one still validate; the services refuse a new link to a withdrawn one.
    """

    appearance_fields: tuple[str, ...] = ()
    row_relations: tuple[str, ...] = ()  # what each row's label reads, fetched with the rows
    claim: Claim | None = None

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return super().get_queryset(request).select_related(*self.row_relations)

    def get_formset(self, request: HttpRequest, obj: Claim | None = None, **kwargs: object) -> type:
        self.claim = obj  # inline instances are made per request, so this does not leak
        return super().get_formset(request, obj, **kwargs)

    def formfield_for_foreignkey(
        self, db_field: models.ForeignKey, request: HttpRequest, **kwargs: object
    ) -> forms.Field | None:
        if db_field.name not in self.appearance_fields:
            return super().formfield_for_foreignkey(db_field, request, **kwargs)
        claim_id = self.claim.pk if self.claim else None
        kwargs["queryset"] = Appearance.objects.filter(claim_id=claim_id).select_related("outlet")
        field = super().formfield_for_foreignkey(db_field, request, **kwargs)
        # Listed once here rather than once per row: each row's select would run the query again.
        field.choices = [("", "---------"), *((a.pk, str(a)) for a in kwargs["queryset"])]
        return field

    def has_add_permission(self, request: HttpRequest, obj: Claim | None = None) -> bool:
        return not frozen(obj) and super().has_add_permission(request, obj)

    def has_change_permission(self, request: HttpRequest, obj: Claim | None = None) -> bool:
        return not frozen(obj) and super().has_change_permission(request, obj)

    @admin.display(description="state")
    def withdrawal(self, row: models.Model) -> str:
        return withdrawn_note(row) if row.pk else ""


class AppearanceInline(ClaimRowInline):
    model = Appearance
    row_relations = ("outlet",)
    services = APPEARANCE_SERVICES
    fields = ["outlet", "published_on", "headline", "url", "language", "attributed_source", "withdrawal"]
    readonly_fields = ["withdrawal"]
    autocomplete_fields = ["outlet"]


class CitationInline(ClaimRowInline):
    model = Citation
    services = CITATION_SERVICES
    appearance_fields = ("citing", "cited")
    fields = ["citing", "kind", "cited", "note", "withdrawal"]
    readonly_fields = ["withdrawal"]
    verbose_name_plural = "citations (citing took the claim from cited)"


class EvidenceInline(ClaimRowInline):
    model = StatusEvidence
    services = EVIDENCE_SERVICES
    appearance_fields = ("appearance",)
    fields = ["stance", "date", "actor", "appearance", "url", "note", "withdrawal"]
    readonly_fields = ["withdrawal"]
    autocomplete_fields = ["actor"]
    verbose_name_plural = "status evidence (the latest sets confirmed / denied)"
