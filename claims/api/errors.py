"""Every error of the API has one JSON shape: `{"detail": "...", "errors": {field: [messages]}}`.

`detail` is a sentence a person can act on; `errors`, when present, names the
fields or query parameters at fault. Domain errors keep the status SPEC §7 and
§8 give them: InvalidInput 400, Forbidden 403, NotAllowed 409.
"""

import logging

from django.core.exceptions import RequestDataTooBig, SuspiciousOperation
from django.http import Http404, HttpRequest, JsonResponse
from django.urls import Resolver404, resolve
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.csrf import csrf_exempt
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from claims.errors import DomainError, Forbidden, InvalidInput, NotAllowed
from claims.request_limits import too_large_fields_message

logger = logging.getLogger(__name__)

DOMAIN_STATUS: dict[type[DomainError], int] = {
    InvalidInput: status.HTTP_400_BAD_REQUEST,
    Forbidden: status.HTTP_403_FORBIDDEN,
    NotAllowed: status.HTTP_409_CONFLICT,
}

# In the language the request asks for (Accept-Language, through LocaleMiddleware: docs/i18n.md).
NOT_AUTHENTICATED = gettext_lazy(
    "Authentication credentials were not provided. Send `Authorization: Token <key>` "
    "(an administrator creates keys with `manage.py create_api_token USER`) or log in first."
)
NOT_FOUND = gettext_lazy(
    "Not found: no object has this id, or it is not visible to you (consumers see published claims only)."
)
NO_DELETE = gettext_lazy(
    "Nothing is deleted through the API. Withdraw an appearance, citation, piece of evidence, affiliation "
    "or actor affiliation "
    'with POST …/{id}/withdraw/ {"reason": "…"}; retract a published claim with POST '
    '/api/v1/claims/{id}/retract/ {"reason": "…"}.'
)
SERVER_ERROR = gettext_lazy("Something went wrong on our side; the error has been logged. Please try again later.")


class TooLarge(exceptions.APIException):
    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_code = "too_large"


def field_errors(data: object, prefix: str = "") -> dict[str, list[str]]:
    """DRF's nested error structure as flat `{"field.sub": [messages]}`."""
    if isinstance(data, dict):
        flat: dict[str, list[str]] = {}
        for key, value in data.items():
            for name, messages in field_errors(value, f"{prefix}.{key}" if prefix else str(key)).items():
                flat.setdefault(name, []).extend(messages)
        return flat
    if isinstance(data, list) and not all(isinstance(item, str) for item in data):
        flat = {}
        for index, item in enumerate(data):
            for name, messages in field_errors(item, f"{prefix}.{index}" if prefix else str(index)).items():
                flat.setdefault(name, []).extend(messages)
        return flat
    messages = data if isinstance(data, list) else [data]
    return {prefix or "non_field_errors": [str(message) for message in messages]}


def summary(errors: dict[str, list[str]]) -> str:
    parts = [f"{name}: {' '.join(messages)}" for name, messages in errors.items()]
    return _("Invalid input.") + " " + "; ".join(parts)


def domain_error_response(exc: DomainError) -> Response:
    code = next((code for kind, code in DOMAIN_STATUS.items() if isinstance(exc, kind)), 400)
    return Response(exc.as_dict(), status=code)


def exception_handler(exc: Exception, context: dict) -> Response:
    if isinstance(exc, DomainError):
        return domain_error_response(exc)
    if isinstance(exc, Http404):
        exc = exceptions.NotFound()
    elif isinstance(exc, RequestDataTooBig):
        # Form fields of a multipart body over DATA_UPLOAD_MAX_MEMORY_SIZE (a larger body is
        # refused before it reaches a view: claims/request_limits.py).
        exc = TooLarge(too_large_fields_message(context["request"]))
    elif isinstance(exc, SuspiciousOperation):
        # e.g. a body over DATA_UPLOAD_MAX_MEMORY_SIZE: the client's fault, said as such.
        exc = exceptions.ParseError(_("The request was refused: %(reason)s") % {"reason": exc})
    response = drf_exception_handler(exc, context)
    if response is None:
        logger.exception("Unhandled error in %s", context.get("view").__class__.__name__, exc_info=exc)
        return Response({"detail": str(SERVER_ERROR)}, status=status.HTTP_500_INTERNAL_SERVER_ERROR)
    request, view = context.get("request"), context.get("view")
    response.data = error_body(
        exc,
        response,
        method=request.method if request is not None else "",
        allowed=", ".join(getattr(view, "allowed_methods", [])),
    )
    return response


def error_body(exc: Exception, response: Response, *, method: str, allowed: str) -> dict:
    if isinstance(exc, exceptions.ValidationError):
        errors = field_errors(response.data)
        return {"detail": summary(errors), "errors": errors}
    detail = str(response.data.get("detail", "")) if isinstance(response.data, dict) else str(response.data)
    if isinstance(exc, exceptions.NotAuthenticated):
        detail = str(NOT_AUTHENTICATED)
    elif isinstance(exc, exceptions.NotFound):
        detail = str(NOT_FOUND)
    elif isinstance(exc, exceptions.MethodNotAllowed):
        detail = (
            str(NO_DELETE)
            if method == "DELETE"
            else _("%(detail)s Allowed here: %(allowed)s.")
            % {
                "detail": detail,
                "allowed": allowed,
            }
        )
    return {"detail": detail}


@csrf_exempt  # Answers 404 to every method; a CSRF 403 in HTML would hide that.
def not_found(request: HttpRequest) -> JsonResponse:
    """Any address under /api/ that matches no endpoint: JSON, with a hint when a slash is missing."""
    detail = _("No endpoint at %(path)s. The API's endpoints are listed at /api/docs/.") % {"path": request.path}
    if not request.path.endswith("/"):
        try:
            match = resolve(request.path + "/")
        except Resolver404:
            match = None
        if match is not None and match.func is not not_found:
            detail = _("No endpoint at %(path)s; every address ends with a slash: %(path)s/") % {"path": request.path}
    return JsonResponse({"detail": detail}, status=404)
