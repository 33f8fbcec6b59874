"""Claims: the filtered list, one claim (as of a date), its chain, its history, its review workflow."""

from datetime import date

from django.db.models import QuerySet
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from claims.api.filters import ClaimFilterDescription
from claims.api.serializers.actions import CommentSerializer, ReasonSerializer, RejectSerializer
from claims.api.serializers.captures import SuggestionSerializer
from claims.api.serializers.chain import ChainSerializer
from claims.api.serializers.claims import ClaimDetailSerializer, ClaimInputSerializer, ClaimSerializer
from claims.api.serializers.history import ClaimHistorySerializer
from claims.api.views.base import ServiceViewSet
from claims.models import Claim
from claims.selectors.as_of import parse_as_of
from claims.selectors.captures import claim_suggestions
from claims.selectors.chains import claim_chain
from claims.selectors.claim_filters import ClaimFilter
from claims.selectors.claims import claim_as_of, claim_summaries, claims_shown
from claims.selectors.history import claim_history
from claims.selectors.pending import pending_reasons
from claims.services.claims import claim_create, claim_update
from claims.services.workflow import APPROVE, REJECT, RETRACT, SUBMIT, claim_transition


class AsOfSerializer(serializers.Serializer):
    """Documents `as_of` in the schema; parse_as_of reads it, as the claim page does."""

    as_of = serializers.DateField(
        required=False,
        help_text="YYYY-MM-DD, today or earlier: compute from the appearances, citations and evidence dated on "
        "or before this day (SPEC §6.7). Omit for now.",
    )


def read_as_of(request: Request) -> date | None:
    return parse_as_of(request.query_params.get("as_of"))


class ClaimViewSet(ServiceViewSet):
    serializer_class = ClaimSerializer
    detail_serializer_class = ClaimDetailSerializer
    input_serializer_class = ClaimInputSerializer
    # ClaimFilter is applied by the claim_list selector in list(); the backend only documents it.
    filter_backends = [ClaimFilterDescription]
    filterset_class = ClaimFilter
    create_service = staticmethod(claim_create)
    update_service = staticmethod(claim_update)
    service_object = "claim"
    conflict_actions = ("update", "partial_update", "submit", "approve", "reject", "retract")

    def get_queryset(self) -> QuerySet:
        return claims_shown(self.request.user)

    def with_detail(self, instance: Claim) -> Claim:
        instance.scores_pending_reasons = pending_reasons(instance) if instance.scores_pending else []
        return instance

    def list(self, request: Request, *args: object, **kwargs: object) -> Response:
        page = self.paginate_queryset(claim_summaries(user=request.user, filters=request.query_params))
        return self.get_paginated_response(self.get_serializer(page, many=True).data)

    @extend_schema(parameters=[AsOfSerializer])
    def retrieve(self, request: Request, *args: object, **kwargs: object) -> Response:
        claim, as_of = self.get_object(), read_as_of(request)
        shown = claim if as_of is None else claim_as_of(claim, as_of)
        shown.as_of = as_of
        return Response(self.represent(shown))

    @extend_schema(parameters=[AsOfSerializer], responses=ChainSerializer, summary="The claim's republication chain")
    @action(detail=True)
    def chain(self, request: Request, pk: str | None = None) -> Response:
        claim, as_of = self.get_object(), read_as_of(request)
        return Response(ChainSerializer(claim_chain(claim, as_of=as_of)).data)

    @extend_schema(
        responses=SuggestionSerializer(many=True),
        summary="Citations suggested by captures, not yet decided (the newsroom's; empty for consumers)",
    )
    @action(detail=True, pagination_class=None)  # a claim's undecided few; /suggestions/ pages them all
    def suggestions(self, request: Request, pk: str | None = None) -> Response:
        suggestions = claim_suggestions(self.get_object(), user=request.user)
        return Response(SuggestionSerializer(suggestions, many=True, context=self.get_serializer_context()).data)

    @extend_schema(responses=ClaimHistorySerializer, summary="Every transition and change, newest first")
    @action(detail=True)
    def history(self, request: Request, pk: str | None = None) -> Response:
        claim = self.get_object()
        return Response(ClaimHistorySerializer({"claim": claim, "entries": claim_history(claim)}).data)

    def transition(self, request: Request, step: str, body: type[serializers.Serializer]) -> Response:
        claim: Claim = self.get_object()
        note = body(data=request.data)
        note.is_valid(raise_exception=True)
        comment = note.validated_data.get("comment") or note.validated_data.get("reason") or ""
        claim_transition(claim=claim, step=step, by=request.user, comment=comment)
        return Response(self.represent(self.reload(claim)))

    @extend_schema(request=CommentSerializer, responses=ClaimDetailSerializer, summary="Submit for review")
    @action(detail=True, methods=["post"])
    def submit(self, request: Request, pk: str | None = None) -> Response:
        return self.transition(request, SUBMIT.name, CommentSerializer)

    @extend_schema(request=CommentSerializer, responses=ClaimDetailSerializer, summary="Approve and publish")
    @action(detail=True, methods=["post"])
    def approve(self, request: Request, pk: str | None = None) -> Response:
        return self.transition(request, APPROVE.name, CommentSerializer)

    @extend_schema(request=RejectSerializer, responses=ClaimDetailSerializer, summary="Reject, with a comment")
    @action(detail=True, methods=["post"])
    def reject(self, request: Request, pk: str | None = None) -> Response:
        return self.transition(request, REJECT.name, RejectSerializer)

    @extend_schema(request=ReasonSerializer, responses=ClaimDetailSerializer, summary="Retract, with a reason")
    @action(detail=True, methods=["post"])
    def retract(self, request: Request, pk: str | None = None) -> Response:
        return self.transition(request, RETRACT.name, ReasonSerializer)
