"""Webhook subscriptions (SPEC §14): each user's own (reviewers and superusers see all); another's reads as 404.

The views translate HTTP to claims/services/webhooks.py and back; the services check everything.
"""

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, viewsets
from rest_framework.decorators import action
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response

from claims.api.query import KnownQueryParameters
from claims.api.serializers.webhooks import (
    DeliverySerializer,
    PauseSerializer,
    RedeliverSerializer,
    SubscriptionCreatedSerializer,
    SubscriptionInputSerializer,
    SubscriptionSerializer,
)
from claims.models import Delivery, Subscription
from claims.query_parameters import unknown_parameters_error
from claims.selectors.webhooks import deliveries_shown, subscriptions_shown
from claims.services.webhooks import (
    delivery_redeliver,
    subscription_create,
    subscription_pause,
    subscription_remove,
    subscription_resume,
    subscription_update,
)


class SubscriptionViewSet(
    KnownQueryParameters,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.DestroyModelMixin,
    viewsets.GenericViewSet,
):
    serializer_class = SubscriptionSerializer
    permission_classes = [IsAuthenticated]
    filter_backends: list = []
    conflict_actions = ("pause", "resume", "redeliver")

    def get_queryset(self) -> QuerySet:
        return subscriptions_shown(self.request.user)

    def initial(self, request: Request, *args: object, **kwargs: object) -> None:
        super().initial(request, *args, **kwargs)
        if self.action == "deliveries":  # a list too: it refuses what it does not take
            error = unknown_parameters_error(request.query_params, self.query_parameter_names())
            if error is not None:
                raise error

    def shown(self, subscription: Subscription, *, status: int = 200, created: bool = False) -> Response:
        serializer_class = SubscriptionCreatedSerializer if created else SubscriptionSerializer
        return Response(serializer_class(subscription, context=self.get_serializer_context()).data, status=status)

    def read_input(self, request: Request, *, partial: bool) -> dict:
        body = SubscriptionInputSerializer(data=request.data, partial=partial)
        body.is_valid(raise_exception=True)
        return dict(body.validated_data)

    @extend_schema(request=SubscriptionInputSerializer, responses={201: SubscriptionCreatedSerializer})
    def create(self, request: Request) -> Response:
        subscription = subscription_create(by=request.user, **self.read_input(request, partial=False))
        return self.shown(subscription, status=201, created=True)

    @extend_schema(request=SubscriptionInputSerializer, responses=SubscriptionSerializer)
    def update(self, request: Request, pk: str | None = None, partial: bool = False) -> Response:
        subscription = self.get_object()
        changes = self.read_input(request, partial=partial)
        return self.shown(subscription_update(subscription=subscription, by=request.user, **changes))

    @extend_schema(request=SubscriptionInputSerializer, responses=SubscriptionSerializer)
    def partial_update(self, request: Request, pk: str | None = None) -> Response:
        return self.update(request, pk, partial=True)

    @extend_schema(summary="Remove the subscription, with its delivery log")
    def destroy(self, request: Request, pk: str | None = None) -> Response:
        subscription_remove(subscription=self.get_object(), by=request.user)
        return Response(status=204)

    @extend_schema(request=PauseSerializer, responses=SubscriptionSerializer, summary="Pause: deliver nothing")
    @action(detail=True, methods=["post"])
    def pause(self, request: Request, pk: str | None = None) -> Response:
        body = PauseSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        paused = subscription_pause(subscription=self.get_object(), by=request.user, **body.validated_data)
        return self.shown(paused)

    @extend_schema(request=None, responses=SubscriptionSerializer, summary="Resume: deliver again")
    @action(detail=True, methods=["post"])
    def resume(self, request: Request, pk: str | None = None) -> Response:
        return self.shown(subscription_resume(subscription=self.get_object(), by=request.user))

    @extend_schema(responses=DeliverySerializer(many=True), summary="The delivery log, newest first")
    @action(detail=True)
    def deliveries(self, request: Request, pk: str | None = None) -> Response:
        page = self.paginate_queryset(deliveries_shown(self.get_object()))
        return self.get_paginated_response(DeliverySerializer(page, many=True).data)

    @extend_schema(request=RedeliverSerializer, responses=DeliverySerializer, summary="Send a delivery again")
    @action(detail=True, methods=["post"])
    def redeliver(self, request: Request, pk: str | None = None) -> Response:
        subscription = self.get_object()
        body = RedeliverSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        delivery = get_object_or_404(Delivery, pk=body.validated_data["delivery"], subscription=subscription)
        delivery_redeliver(delivery=delivery, by=request.user)
        return Response(DeliverySerializer(deliveries_shown(subscription).get(pk=delivery.pk)).data)
