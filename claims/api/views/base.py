"""The shape of every resource of the API: list and retrieve read, create and update call a service.

A viewset names its serializers (output, detail, input) and its services; the
services decide everything and raise domain errors, which claims/api/errors.py
turns into statuses. Nothing is deleted: DELETE answers 405 with a pointer to
withdrawal. A list refuses a query parameter it does not take (KnownQueryParameters):
every list endpoint is a ServiceViewSet, or includes that mixin itself.
"""

from collections.abc import Callable

from django.db.models import Model
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, viewsets
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.serializers import BaseSerializer

from claims.api.query import KnownQueryParameters
from claims.api.serializers.actions import ReasonSerializer
from claims.api.serializers.jobs import job_url


def changes_to(instance: Model, fields: dict) -> dict:
    """A PUT repeats the whole object; only the fields whose value differs are changes.

    Related objects are compared by id, so this reads nothing from the database.
    """
    changes = {}
    for name, value in fields.items():
        field = instance._meta.get_field(name)
        current = getattr(instance, field.attname)
        new = value.pk if field.is_relation and value is not None else value
        if current != new:
            changes[name] = value
    return changes


class ServiceViewSet(KnownQueryParameters, mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    serializer_class: type[BaseSerializer]
    detail_serializer_class: type[BaseSerializer] | None = None
    # The representation after a write, when it differs (the job of a fan-out write).
    written_serializer_class: type[BaseSerializer] | None = None
    input_serializer_class: type[BaseSerializer]
    create_service: Callable[..., Model]
    update_service: Callable[..., Model]
    service_object: str  # the keyword under which the update service takes the object
    conflict_actions: tuple[str, ...] = ()  # actions whose services may answer NotAllowed (409)

    def read_input(self, request: Request, *, partial: bool) -> dict:
        serializer = self.input_serializer_class(
            data=request.data, partial=partial, context=self.get_serializer_context()
        )
        serializer.is_valid(raise_exception=True)
        return dict(serializer.validated_data)

    def with_detail(self, instance: Model) -> Model:
        """Attach what the detail representation shows beyond the row itself."""
        return instance

    def reload(self, instance: Model) -> Model:
        """Read the object afresh after a write: the services recompute derived fields in bulk."""
        return self.get_queryset().get(pk=instance.pk)

    def represent(self, instance: Model) -> dict:
        serializer_class = self.detail_serializer_class or self.serializer_class
        return serializer_class(self.with_detail(instance), context=self.get_serializer_context()).data

    def retrieve(self, request: Request, *args: object, **kwargs: object) -> Response:
        return Response(self.represent(self.get_object()))

    def written(self, instance: Model, *, status: int = 200) -> Response:
        """The object after a write. A write that reaches many claims (written_serializer_class)
        also names the job rescoring them, and a `Link` header points a client to it."""
        shown = self.reload(instance)
        shown.rescoring = getattr(instance, "rescoring", None)
        serializer_class = self.written_serializer_class or self.detail_serializer_class or self.serializer_class
        response = Response(serializer_class(self.with_detail(shown), context=self.get_serializer_context()).data)
        response.status_code = status
        if shown.rescoring is not None:
            response["Link"] = f'<{job_url(shown.rescoring, self.request)}>; rel="monitor"'
        return response

    def create(self, request: Request, *args: object, **kwargs: object) -> Response:
        fields = self.read_input(request, partial=False)
        created = self.create_service(by=request.user, **fields)
        return self.written(created, status=201)

    def update(self, request: Request, *args: object, partial: bool = False, **kwargs: object) -> Response:
        instance = self.get_object()
        changes = changes_to(instance, self.read_input(request, partial=partial))
        updated = self.update_service(**{self.service_object: instance}, by=request.user, **changes)
        return self.written(updated)

    def partial_update(self, request: Request, *args: object, **kwargs: object) -> Response:
        return self.update(request, *args, partial=True, **kwargs)


class WithdrawMixin:
    """`POST …/{id}/withdraw/ {"reason": …}`: the API's answer to DELETE (SPEC §4)."""

    withdraw_service: Callable[..., Model]

    @extend_schema(request=ReasonSerializer, summary="Withdraw, with a reason (nothing is deleted)")
    @action(detail=True, methods=["post"])
    def withdraw(self, request: Request, pk: str | None = None) -> Response:
        instance = self.get_object()
        body = ReasonSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        self.withdraw_service(**{self.service_object: instance}, reason=body.validated_data["reason"], by=request.user)
        return self.written(instance)
