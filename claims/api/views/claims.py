"""Claims: the filtered list, one claim (as of a date), its chain, its history, its review workflow."""

from datetime import date

from django.db.models import QuerySet
from django.http import Http404, HttpResponsePermanentRedirect
from django.urls import reverse
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiResponse, extend_schema
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
from claims.api.serializers.merges import MergeInputSerializer, MergeSerializer
from claims.api.views.base import ServiceViewSet
from claims.models import Claim
from claims.roles import REVIEW
from claims.selectors.as_of import parse_as_of
from claims.selectors.captures import claim_suggestions
from claims.selectors.chains import claim_chain
from claims.selectors.claim_filters import ClaimFilter
from claims.selectors.claims import claim_as_of, claim_summaries, claims_readable, claims_shown, survivor_of
from claims.selectors.history import claim_history
from claims.selectors.pending import pending_reasons
from claims.services.claims import claim_create, claim_update
from claims.services.merges import claim_merge, claim_unmerge
from claims.services.persistence import require_perm
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


# Actions that may name a merged claim: its history shows the merge, and only it can be unmerged.
MERGED_READABLE = ("history", "merge", "unmerge")
MERGED_REDIRECT = OpenApiResponse(
    description="The claim was merged into another: `Location` is the surviving claim (same query string)."
)


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
    conflict_actions = ("update", "partial_update", "submit", "approve", "reject", "retract", "merge", "unmerge")

    def get_queryset(self) -> QuerySet:
        if self.action in MERGED_READABLE:
            return claims_readable(self.request.user)
        return claims_shown(self.request.user)

    def with_detail(self, instance: Claim) -> Claim:
        instance.scores_pending_reasons = pending_reasons(instance) if instance.scores_pending else []
        return instance

    def list(self, request: Request, *args: object, **kwargs: object) -> Response:
        page = self.paginate_queryset(claim_summaries(user=request.user, filters=request.query_params))
        return self.get_paginated_response(self.get_serializer(page, many=True).data)

    @extend_schema(parameters=[AsOfSerializer], responses={200: ClaimDetailSerializer, 301: MERGED_REDIRECT})
    def retrieve(self, request: Request, *args: object, **kwargs: object) -> Response:
        try:
            claim = self.get_object()
        except Http404:
            survivor = survivor_of(user=request.user, claim_id=kwargs.get("pk"))
            if survivor is None:
                raise
            query = request.META.get("QUERY_STRING", "")
            location = reverse("api:claim-detail", args=[survivor.pk]) + (f"?{query}" if query else "")
            return HttpResponsePermanentRedirect(location)
        as_of = read_as_of(request)
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

    @extend_schema(
        request=MergeInputSerializer,
        responses={200: MergeSerializer},
        summary="Merge this claim into another, its duplicate (reviewers)",
        description="Moves this claim's appearances, citations, evidence and suggested citations to the claim "
        "`into`, rescores both, and takes this claim out of every list: its address answers 301 to the survivor. "
        "Four eyes when either is published: nobody merges claims they wrote part of. Refused: into itself "
        "(400), into a merged or retracted claim, a claim merged already, or one others are merged into (409).",
    )
    @action(detail=True, methods=["post"])
    def merge(self, request: Request, pk: str | None = None) -> Response:
        claim: Claim = self.get_object()
        body = MergeInputSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        into = self._survivor(body.validated_data.get("into"))
        merge = claim_merge(claim=claim, into=into, reason=body.validated_data["reason"], by=request.user)
        return Response(MergeSerializer(merge, context=self.get_serializer_context()).data)

    def _survivor(self, into: int | None) -> Claim:
        """The claim named by `into`, if this user may read it (merged ones too: the service says why not)."""
        found = claims_readable(self.request.user).filter(pk=into).first() if into is not None else None
        if found is None:
            # Who may merge is judged before the input, as in the workflow: a consumer hears 403.
            require_perm(self.request.user, REVIEW)
            missing = _("Give the id of the claim to merge into.")
            raise serializers.ValidationError(
                {"into": [missing if into is None else _("No claim %(id)d.") % {"id": into}]}
            )
        return found

    @extend_schema(
        request=ReasonSerializer,
        responses={200: MergeSerializer},
        summary="Undo this claim's merge: every row it brought goes back (reviewers)",
    )
    @action(detail=True, methods=["post"])
    def unmerge(self, request: Request, pk: str | None = None) -> Response:
        claim: Claim = self.get_object()
        body = ReasonSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        merge = claim_unmerge(claim=claim, reason=body.validated_data["reason"], by=request.user)
        return Response(MergeSerializer(merge, context=self.get_serializer_context()).data)
