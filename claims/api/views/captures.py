"""Captures (SPEC §13): ask for a URL to be captured, follow it, answer what it waits for; the
suggested citations of a claim, accepted or dismissed; a snapshot, downloaded."""

from django.db.models import QuerySet
from django.http import FileResponse
from django.shortcuts import get_object_or_404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import mixins, viewsets
from rest_framework.decorators import action
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from claims.api.filters import SuggestionFilter
from claims.api.query import KnownQueryParameters
from claims.api.serializers.captures import (
    CaptureClaimSerializer,
    CaptureDetailSerializer,
    CaptureInputSerializer,
    CaptureOutletSerializer,
    CaptureSerializer,
    SuggestionSerializer,
)
from claims.api.serializers.jobs import job_url
from claims.models import Capture, Snapshot, SuggestedCitation
from claims.selectors.capture_filters import CaptureFilter
from claims.selectors.captures import capture_alike_outlets, captures_visible_to, suggestions_visible_to
from claims.services.capture_answers import capture_attach_claim, capture_choose_outlet
from claims.services.captures import capture_request
from claims.services.suggestions import suggestion_accept, suggestion_dismiss


class CaptureViewSet(KnownQueryParameters, mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    serializer_class = CaptureSerializer
    filterset_class = CaptureFilter
    permission_classes = [IsAuthenticated]
    # A retracted claim takes no capture; a capture answers only what it waits for.
    conflict_actions = ("create", "outlet", "claim")

    def get_queryset(self) -> QuerySet:
        return captures_visible_to(self.request.user)

    def get_serializer_class(self) -> type:
        return CaptureSerializer if self.action == "list" else CaptureDetailSerializer

    def get_object(self) -> Capture:
        capture = super().get_object()
        capture.alike_outlets = capture_alike_outlets(capture)
        return capture

    def represent(self, capture: Capture, status: int = 200) -> Response:
        capture = self.get_queryset().get(pk=capture.pk)
        capture.alike_outlets = capture_alike_outlets(capture)
        return Response(CaptureDetailSerializer(capture, context=self.get_serializer_context()).data, status=status)

    @extend_schema(request=CaptureInputSerializer, responses={202: CaptureDetailSerializer})
    def create(self, request: Request) -> Response:
        body = CaptureInputSerializer(data=request.data, context=self.get_serializer_context())
        body.is_valid(raise_exception=True)
        capture = capture_request(
            url=body.validated_data["url"], claim=body.validated_data.get("claim"), by=request.user
        )
        response = self.represent(capture, status=202)
        response["Location"] = job_url(capture.job, request)
        return response

    @extend_schema(request=CaptureOutletSerializer, responses=CaptureDetailSerializer, summary="Confirm the outlet")
    @action(detail=True, methods=["post"])
    def outlet(self, request: Request, pk: str | None = None) -> Response:
        capture = self.get_object()  # another's capture is not found, whatever the body says
        body = CaptureOutletSerializer(data=request.data, context=self.get_serializer_context())
        body.is_valid(raise_exception=True)
        capture = capture_choose_outlet(
            capture=capture, by=request.user, outlet=body.validated_data.get("outlet"),
            name=body.validated_data.get("name", ""),
        )  # fmt: skip
        return self.represent(capture)

    @extend_schema(
        request=CaptureClaimSerializer, responses=CaptureDetailSerializer, summary="Say which claim it reports"
    )
    @action(detail=True, methods=["post"])
    def claim(self, request: Request, pk: str | None = None) -> Response:
        capture = self.get_object()
        body = CaptureClaimSerializer(data=request.data, context=self.get_serializer_context())
        body.is_valid(raise_exception=True)
        capture = capture_attach_claim(capture=capture, claim=body.validated_data["claim"], by=request.user)
        return self.represent(capture)


class SuggestionViewSet(
    KnownQueryParameters, mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet
):
    """Every suggestion, decided or not, for the newsroom (an empty list for consumers)."""

    serializer_class = SuggestionSerializer
    filterset_class = SuggestionFilter
    conflict_actions = ("accept", "dismiss")  # decided already, or the citation's rules refuse it

    def get_queryset(self) -> QuerySet:
        return suggestions_visible_to(self.request.user).order_by("id")

    def decided(self, suggestion: SuggestedCitation) -> Response:
        return Response(SuggestionSerializer(suggestion, context=self.get_serializer_context()).data)

    @extend_schema(request=None, responses=SuggestionSerializer, summary="Accept: make the citation")
    @action(detail=True, methods=["post"])
    def accept(self, request: Request, pk: str | None = None) -> Response:
        return self.decided(suggestion_accept(suggestion=self.get_object(), by=request.user))

    @extend_schema(request=None, responses=SuggestionSerializer, summary="Dismiss: suggest it no more")
    @action(detail=True, methods=["post"])
    def dismiss(self, request: Request, pk: str | None = None) -> Response:
        return self.decided(suggestion_dismiss(suggestion=self.get_object(), by=request.user))


class SnapshotDownloadView(APIView):
    """The WARC record of a snapshot, as a download: never shown inline on this site (its HTML is
    somebody else's). Only for those who may see its capture; anyone else gets a 404, decided
    before the file is opened."""

    @extend_schema(
        operation_id="snapshots_download",
        summary="Download a snapshot (WARC)",
        responses={(200, "application/warc"): OpenApiResponse(OpenApiTypes.BINARY)},
        tags=["captures"],
    )
    def get(self, request: Request, pk: int) -> FileResponse:
        snapshot = get_object_or_404(Snapshot.objects.visible_to(request.user), pk=pk)
        response = FileResponse(
            snapshot.warc.open("rb"), as_attachment=True, filename=f"snapshot-{snapshot.pk}.warc.gz",
            content_type="application/warc",
        )  # fmt: skip
        response["X-Content-Type-Options"] = "nosniff"
        response["Content-Security-Policy"] = "default-src 'none'; sandbox"
        return response
