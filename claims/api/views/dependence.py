"""`/api/v1/outlets/dependence/`: learned source dependence between outlets, strongest first, and a
reviewer's confirm or dismiss (SPEC §17)."""

from django.db.models import QuerySet
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, viewsets
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from claims.api.filters import DependenceFilter
from claims.api.query import KnownQueryParameters
from claims.api.serializers.actions import ReasonSerializer
from claims.api.serializers.dependence import OutletDependenceSerializer
from claims.selectors.dependence import dependence_visible_to
from claims.services.dependence_review import dependence_confirm, dependence_dismiss


class OutletDependenceViewSet(
    KnownQueryParameters, mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet
):
    """Pairs of outlets the corpus says are likely dependent, for the newsroom (an empty list for
    consumers: the counts include claims not yet published)."""

    serializer_class = OutletDependenceSerializer
    filterset_class = DependenceFilter
    conflict_actions = ("confirm", "dismiss")  # decided so already

    def get_queryset(self) -> QuerySet:
        return dependence_visible_to(self.request.user).order_by("-score", "id")

    def decided(self, pair: object) -> Response:
        return Response(OutletDependenceSerializer(pair, context=self.get_serializer_context()).data)

    def reason(self, request: Request) -> str:
        body = ReasonSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        return body.validated_data["reason"]

    @extend_schema(
        request=ReasonSerializer, responses=OutletDependenceSerializer, summary="Confirm: record the dependence"
    )
    @action(detail=True, methods=["post"])
    def confirm(self, request: Request, pk: str | None = None) -> Response:
        pair = self.get_object()
        return self.decided(dependence_confirm(pair=pair, reason=self.reason(request), by=request.user))

    @extend_schema(
        request=ReasonSerializer, responses=OutletDependenceSerializer, summary="Dismiss: suggest it no more"
    )
    @action(detail=True, methods=["post"])
    def dismiss(self, request: Request, pk: str | None = None) -> Response:
        pair = self.get_object()
        return self.decided(dependence_dismiss(pair=pair, reason=self.reason(request), by=request.user))
