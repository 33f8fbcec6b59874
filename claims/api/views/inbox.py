"""Feeds, the inbox and watches (SPEC §16): the newsroom's intake. Views translate HTTP to the
services (claims/services/feeds.py, feed_polls.py, inbox_triage.py, watches.py) and back."""

from django.db.models import QuerySet
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers, viewsets
from rest_framework.decorators import action
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response

from claims.api.query import KnownQueryParameters
from claims.api.serializers.inbox import (
    AttachSerializer,
    DismissSerializer,
    FeedChangeSerializer,
    FeedInputSerializer,
    FeedSerializer,
    InboxItemSerializer,
    NewClaimSerializer,
    WatchInputSerializer,
    WatchSerializer,
)
from claims.api.serializers.jobs import JobSerializer, job_url
from claims.models import Feed, InboxItem
from claims.selectors.inbox import feeds_shown, inbox_item_history, inbox_items_shown, watches_shown
from claims.selectors.inbox_filters import InboxFilter
from claims.services.feed_polls import feed_poll_request
from claims.services.feeds import feed_create, feed_pause, feed_resume, feed_update
from claims.services.inbox_triage import inbox_attach, inbox_dismiss, inbox_new_claim
from claims.services.watches import watch_create, watch_remove


class FeedViewSet(KnownQueryParameters, mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    serializer_class = FeedSerializer
    permission_classes = [IsAuthenticated]
    filter_backends: list = []
    conflict_actions = ("pause", "resume")

    def get_queryset(self) -> QuerySet:
        return feeds_shown(self.request.user)

    def shown(self, feed: Feed, status: int = 200) -> Response:
        feed = self.get_queryset().get(pk=feed.pk)
        return Response(FeedSerializer(feed, context=self.get_serializer_context()).data, status=status)

    @extend_schema(request=FeedInputSerializer, responses={201: FeedSerializer})
    def create(self, request: Request) -> Response:
        body = FeedInputSerializer(data=request.data, context=self.get_serializer_context())
        body.is_valid(raise_exception=True)
        return self.shown(feed_create(by=request.user, **body.validated_data), status=201)

    @extend_schema(request=FeedChangeSerializer, responses=FeedSerializer)
    def update(self, request: Request, pk: str | None = None, partial: bool = False) -> Response:
        feed = self.get_object()
        body = FeedChangeSerializer(data=request.data, partial=partial)
        body.is_valid(raise_exception=True)
        return self.shown(feed_update(feed=feed, by=request.user, **body.validated_data))

    @extend_schema(request=FeedChangeSerializer, responses=FeedSerializer)
    def partial_update(self, request: Request, pk: str | None = None) -> Response:
        return self.update(request, pk, partial=True)

    @extend_schema(request=None, responses={202: JobSerializer}, summary="Poll the feed now (a job)")
    @action(detail=True, methods=["post"])
    def poll(self, request: Request, pk: str | None = None) -> Response:
        job = feed_poll_request(feed=self.get_object(), by=request.user)
        response = Response(JobSerializer(job, context=self.get_serializer_context()).data, status=202)
        response["Location"] = job_url(job, request)
        return response

    @extend_schema(request=None, responses=FeedSerializer, summary="Pause: poll it no more")
    @action(detail=True, methods=["post"])
    def pause(self, request: Request, pk: str | None = None) -> Response:
        return self.shown(feed_pause(feed=self.get_object(), by=request.user))

    @extend_schema(request=None, responses=FeedSerializer, summary="Resume: poll it again, now")
    @action(detail=True, methods=["post"])
    def resume(self, request: Request, pk: str | None = None) -> Response:
        return self.shown(feed_resume(feed=self.get_object(), by=request.user))


class ItemChangeSerializer(serializers.Serializer):
    at = serializers.DateTimeField()
    by = serializers.CharField(allow_null=True, help_text="Who, by username; null for the feed's poll.")
    state = serializers.CharField()
    claim = serializers.IntegerField(allow_null=True)
    reason = serializers.CharField(
        allow_blank=True, help_text="Why: a dismissal's reason, or the feed that announced it."
    )


class ItemHistorySerializer(serializers.Serializer):
    item = serializers.IntegerField()
    entries = ItemChangeSerializer(many=True, help_text="Every change, oldest first.")


class InboxViewSet(KnownQueryParameters, mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """The newsroom's inbox, newest first; consumers see an empty list."""

    serializer_class = InboxItemSerializer
    filterset_class = InboxFilter
    permission_classes = [IsAuthenticated]
    conflict_actions = ("attach", "dismiss", "claim")  # decided already; a retracted claim

    def get_queryset(self) -> QuerySet:
        return inbox_items_shown(self.request.user)

    def decided(self, item: InboxItem) -> Response:
        item = self.get_queryset().get(pk=item.pk)
        return Response(InboxItemSerializer(item, context=self.get_serializer_context()).data)

    @extend_schema(request=AttachSerializer, responses=InboxItemSerializer, summary="Attach to a claim")
    @action(detail=True, methods=["post"])
    def attach(self, request: Request, pk: str | None = None) -> Response:
        item = self.get_object()
        body = AttachSerializer(data=request.data, context=self.get_serializer_context())
        body.is_valid(raise_exception=True)
        return self.decided(inbox_attach(item=item, claim=body.validated_data["claim"], by=request.user))

    @extend_schema(request=DismissSerializer, responses=InboxItemSerializer, summary="Dismiss, with a reason")
    @action(detail=True, methods=["post"])
    def dismiss(self, request: Request, pk: str | None = None) -> Response:
        item = self.get_object()
        body = DismissSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        return self.decided(inbox_dismiss(item=item, reason=body.validated_data["reason"], by=request.user))

    @extend_schema(request=NewClaimSerializer, responses=InboxItemSerializer, summary="Record a new claim from it")
    @action(detail=True, methods=["post"])
    def claim(self, request: Request, pk: str | None = None) -> Response:
        item = self.get_object()
        body = NewClaimSerializer(data=request.data, context=self.get_serializer_context())
        body.is_valid(raise_exception=True)
        return self.decided(inbox_new_claim(item=item, by=request.user, **body.validated_data))

    @extend_schema(responses=ItemHistorySerializer, summary="What became of the item, oldest first")
    @action(detail=True)
    def history(self, request: Request, pk: str | None = None) -> Response:
        item = self.get_object()
        return Response(ItemHistorySerializer({"item": item.pk, "entries": inbox_item_history(item)}).data)


class WatchViewSet(
    KnownQueryParameters,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.DestroyModelMixin,
    viewsets.GenericViewSet,
):
    """Each editor's own watches."""

    serializer_class = WatchSerializer
    permission_classes = [IsAuthenticated]
    filter_backends: list = []

    def get_queryset(self) -> QuerySet:
        return watches_shown(self.request.user)

    @extend_schema(request=WatchInputSerializer, responses={201: WatchSerializer})
    def create(self, request: Request) -> Response:
        body = WatchInputSerializer(data=request.data, context=self.get_serializer_context())
        body.is_valid(raise_exception=True)
        watch = watch_create(by=request.user, **body.validated_data)
        return Response(WatchSerializer(watch).data, status=201)

    @extend_schema(summary="Remove the watch")
    def destroy(self, request: Request, pk: str | None = None) -> Response:
        watch_remove(watch=self.get_object(), by=request.user)
        return Response(status=204)
