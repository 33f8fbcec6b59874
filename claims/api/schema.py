"""OpenAPI generation: input and output serializers kept apart, and every error status documented.

The error statuses of an operation follow from what can reach it: a body or a
query can be invalid (400); a write needs a login (401) and the service may
refuse the user (403); an address with an id may name nothing visible (404);
a viewset lists the actions whose services can refuse the object's state (409);
any request can be throttled (429).
"""

from drf_spectacular.openapi import AutoSchema as SpectacularAutoSchema
from rest_framework import serializers
from rest_framework.permissions import SAFE_METHODS

WRITE_ACTIONS = ("create", "update", "partial_update")
DETAIL_ACTIONS = ("retrieve", *WRITE_ACTIONS)


class ErrorSerializer(serializers.Serializer):
    """The body of every error response."""

    detail = serializers.CharField(help_text="What went wrong, and what to do about it.")
    errors = serializers.DictField(
        child=serializers.ListField(child=serializers.CharField()),
        required=False,
        help_text="Messages per field or query parameter at fault, when the error is about input.",
    )

    class Meta:
        ref_name = "Error"


ERROR_DESCRIPTIONS = {
    "400": "Invalid input: a field, a query parameter or the JSON itself. `errors` names what is at fault.",
    "401": "Not authenticated: writes need a token (`Authorization: Token <key>`) or a session.",
    "403": "Authenticated, but this user may not do this (e.g. an editor grading an outlet, approving one's own "
    "claim).",
    "404": "No object with this id, or not visible to this user (consumers see published and retracted claims).",
    "409": "Valid, but the object's current state does not allow it (e.g. approving a draft, editing a retracted "
    "claim, withdrawing twice).",
    "415": "The body is not in a media type this endpoint reads: `application/json`, or `multipart/form-data` for "
    "an upload.",
    "429": "Too many requests: wait for the number of seconds the detail gives, then retry.",
}


class AutoSchema(SpectacularAutoSchema):
    def _action(self) -> str | None:
        return getattr(self.view, "action", None)

    def get_request_serializer(self) -> object:
        input_serializer = getattr(self.view, "input_serializer_class", None)
        if input_serializer is not None and self._action() in WRITE_ACTIONS:
            return input_serializer
        return super().get_request_serializer()

    def get_response_serializers(self) -> object:
        written_serializer = getattr(self.view, "written_serializer_class", None)
        if written_serializer is not None and self._action() in (*WRITE_ACTIONS, "withdraw"):
            return written_serializer
        detail_serializer = getattr(self.view, "detail_serializer_class", None)
        if detail_serializer is not None and self._action() in DETAIL_ACTIONS:
            return detail_serializer
        return super().get_response_serializers()

    def error_codes(self) -> list[str]:
        unsafe = self.method not in SAFE_METHODS
        has_query = any(p.get("in") == "query" for p in self._get_parameters())
        codes = []
        if unsafe or has_query or self._is_list_view():
            codes.append("400")
        if unsafe:
            codes += ["401", "403"]
        if "{" in self.path:
            codes.append("404")
        if unsafe and self._action() in getattr(self.view, "conflict_actions", ()):
            codes.append("409")
        if self.method in ("POST", "PUT", "PATCH"):
            codes.append("415")
        return [*codes, "429"]

    def _get_response_bodies(self, direction: str = "response") -> dict:
        responses = super()._get_response_bodies(direction)
        for code in self.error_codes():
            if code not in responses:
                response = self._get_response_for_code(ErrorSerializer, code, direction=direction)
                responses[code] = {**response, "description": ERROR_DESCRIPTIONS[code]}
        return responses


def allow_empty_query_values(result: dict, generator: object, request: object, public: bool) -> dict:
    """An empty query parameter (`?status=`) means "no filter", as an HTML form sends it; say so."""
    for operations in result.get("paths", {}).values():
        for operation in operations.values():
            for parameter in operation.get("parameters", []) if isinstance(operation, dict) else []:
                if parameter.get("in") == "query":
                    parameter["allowEmptyValue"] = True
    return result
