"""Outlets (with affiliations and track record), actors and events (with competing attributions)."""

from django.db.models import Model, QuerySet
from rest_framework.permissions import SAFE_METHODS

from claims.api.filters import ActorFilter, OutletFilter
from claims.api.serializers.actors import ActorInputSerializer, ActorSerializer, ActorWrittenSerializer
from claims.api.serializers.events import EventDetailSerializer, EventInputSerializer, EventSerializer
from claims.api.serializers.outlets import (
    OutletDetailSerializer,
    OutletInputSerializer,
    OutletSerializer,
    OutletWrittenSerializer,
)
from claims.api.views.base import ServiceViewSet
from claims.models import Actor, Event, Outlet
from claims.selectors.claims import event_attributions, outlet_track_record
from claims.selectors.pages import outlet_affiliations
from claims.services.actors import actor_create, actor_update
from claims.services.events import event_create, event_update
from claims.services.outlets import outlet_create, outlet_update


class OutletViewSet(ServiceViewSet):
    serializer_class = OutletSerializer
    detail_serializer_class = OutletDetailSerializer
    written_serializer_class = OutletWrittenSerializer
    input_serializer_class = OutletInputSerializer
    filterset_class = OutletFilter
    create_service = staticmethod(outlet_create)
    update_service = staticmethod(outlet_update)
    service_object = "outlet"

    def get_queryset(self) -> QuerySet:
        return Outlet.objects.order_by("id")

    def with_detail(self, instance: Model) -> Model:
        user = self.request.user
        instance.stated_affiliations = list(outlet_affiliations(instance, user=user))
        if self.request.method in SAFE_METHODS:  # not after a write: see OutletWrittenSerializer
            instance.track_record = outlet_track_record(instance, user=user)
        return instance


class ActorViewSet(ServiceViewSet):
    serializer_class = ActorSerializer
    written_serializer_class = ActorWrittenSerializer
    input_serializer_class = ActorInputSerializer
    filterset_class = ActorFilter
    create_service = staticmethod(actor_create)
    update_service = staticmethod(actor_update)
    service_object = "actor"

    def get_queryset(self) -> QuerySet:
        return Actor.objects.order_by("id")


class EventViewSet(ServiceViewSet):
    serializer_class = EventSerializer
    detail_serializer_class = EventDetailSerializer
    input_serializer_class = EventInputSerializer
    create_service = staticmethod(event_create)
    update_service = staticmethod(event_update)
    service_object = "event"

    def get_queryset(self) -> QuerySet:
        return Event.objects.order_by("id")

    def with_detail(self, instance: Model) -> Model:
        instance.attributions = list(event_attributions(instance, user=self.request.user))
        return instance
