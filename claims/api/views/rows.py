"""Affiliations, actor ties and a claim's rows (appearances, citations, evidence): written, corrected, withdrawn.

Each list shows what the user may see by the models' one visibility rule:
consumers see the current rows of published and retracted claims only.
"""

from django.db.models import QuerySet

from claims.api.filters import (
    ActorAffiliationFilter,
    AffiliationFilter,
    AppearanceFilter,
    CitationFilter,
    EvidenceFilter,
)
from claims.api.serializers.actor_affiliations import ActorAffiliationInputSerializer, ActorAffiliationSerializer
from claims.api.serializers.affiliations import (
    AffiliationInputSerializer,
    AffiliationSerializer,
    AffiliationWrittenSerializer,
)
from claims.api.serializers.rows import (
    AppearanceInputSerializer,
    AppearanceSerializer,
    CitationInputSerializer,
    CitationSerializer,
    EvidenceInputSerializer,
    EvidenceSerializer,
)
from claims.api.views.base import ServiceViewSet, WithdrawMixin
from claims.models import ActorAffiliation, Affiliation, Appearance, Citation, StatusEvidence
from claims.services.actor_affiliations import (
    actor_affiliation_create,
    actor_affiliation_update,
    actor_affiliation_withdraw,
)
from claims.services.affiliations import affiliation_create, affiliation_update, affiliation_withdraw
from claims.services.appearances import appearance_create, appearance_update, appearance_withdraw
from claims.services.citations import citation_create, citation_update, citation_withdraw
from claims.services.evidence import evidence_create, evidence_update, evidence_withdraw

# A claim's rows can be refused for the claim's state (retracted) or their own (withdrawn).
ROW_CONFLICTS = ("create", "update", "partial_update", "withdraw")


class AffiliationViewSet(WithdrawMixin, ServiceViewSet):
    serializer_class = AffiliationSerializer
    written_serializer_class = AffiliationWrittenSerializer
    input_serializer_class = AffiliationInputSerializer
    filterset_class = AffiliationFilter
    create_service = staticmethod(affiliation_create)
    update_service = staticmethod(affiliation_update)
    withdraw_service = staticmethod(affiliation_withdraw)
    service_object = "affiliation"
    conflict_actions = ("update", "partial_update", "withdraw")

    def get_queryset(self) -> QuerySet:
        return Affiliation.objects.visible_to(self.request.user).order_by("id")


class ActorAffiliationViewSet(WithdrawMixin, ServiceViewSet):
    serializer_class = ActorAffiliationSerializer
    input_serializer_class = ActorAffiliationInputSerializer
    filterset_class = ActorAffiliationFilter
    create_service = staticmethod(actor_affiliation_create)
    update_service = staticmethod(actor_affiliation_update)
    withdraw_service = staticmethod(actor_affiliation_withdraw)
    service_object = "actor_affiliation"
    conflict_actions = ("update", "partial_update", "withdraw")

    def get_queryset(self) -> QuerySet:
        return ActorAffiliation.objects.visible_to(self.request.user).order_by("id")


class AppearanceViewSet(WithdrawMixin, ServiceViewSet):
    serializer_class = AppearanceSerializer
    input_serializer_class = AppearanceInputSerializer
    filterset_class = AppearanceFilter
    create_service = staticmethod(appearance_create)
    update_service = staticmethod(appearance_update)
    withdraw_service = staticmethod(appearance_withdraw)
    service_object = "appearance"
    conflict_actions = ROW_CONFLICTS

    def get_queryset(self) -> QuerySet:
        return Appearance.objects.visible_to(self.request.user).order_by("id")


class CitationViewSet(WithdrawMixin, ServiceViewSet):
    serializer_class = CitationSerializer
    input_serializer_class = CitationInputSerializer
    filterset_class = CitationFilter
    create_service = staticmethod(citation_create)
    update_service = staticmethod(citation_update)
    withdraw_service = staticmethod(citation_withdraw)
    service_object = "citation"
    conflict_actions = ROW_CONFLICTS

    def get_queryset(self) -> QuerySet:
        return Citation.objects.visible_to(self.request.user).order_by("id")


class EvidenceViewSet(WithdrawMixin, ServiceViewSet):
    serializer_class = EvidenceSerializer
    input_serializer_class = EvidenceInputSerializer
    filterset_class = EvidenceFilter
    create_service = staticmethod(evidence_create)
    update_service = staticmethod(evidence_update)
    withdraw_service = staticmethod(evidence_withdraw)
    service_object = "evidence"
    conflict_actions = ROW_CONFLICTS

    def get_queryset(self) -> QuerySet:
        return StatusEvidence.objects.visible_to(self.request.user).order_by("id")
