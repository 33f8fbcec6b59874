"""How large a request body may be, and the answer when it is larger (docs/operations.md).

Two settings, from the environment: DATA_UPLOAD_MAX_MEMORY_SIZE for every body (a JSON write,
a form), and IMPORT_MAX_UPLOAD_BYTES for a file upload (a multipart body, file and fields
together). Django checks the first only when a view reads the body, and answers with a bare
400; so the declared length is checked here first, for every address alike, before anything
reads the body: 413 with a message, in JSON under /api/ and as a page elsewhere. A multipart
body within its limit whose form fields alone pass DATA_UPLOAD_MAX_MEMORY_SIZE is refused by
Django as it parses them; `bad_request` gives that the same answer.
"""

from django.conf import settings
from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.template.defaultfilters import filesizeformat

API_PREFIX = "/api/"
MULTIPART = "multipart/form-data"
BODY, UPLOAD, FIELDS = "a request body", "an upload (file and form together)", "form fields (files aside)"


def is_multipart(request: HttpRequest) -> bool:
    """A form with files. Read from the header, so that DRF's request answers alike."""
    return request.META.get("CONTENT_TYPE", "").lower().startswith(MULTIPART)


def body_limit(request: HttpRequest) -> tuple[int | None, str]:
    """The most bytes this request's body may hold (None: no limit), and what is limited."""
    if is_multipart(request):
        return settings.IMPORT_MAX_UPLOAD_BYTES, UPLOAD
    return settings.DATA_UPLOAD_MAX_MEMORY_SIZE, BODY


def too_large_message(limit: int, what: str = BODY) -> str:
    size = filesizeformat(limit).replace("\xa0", " ")  # a plain space: the message is read as JSON too
    return f"The request is too large: this server takes {what} of at most {size} ({limit:,} bytes). Nothing was saved."


def too_large_fields_message(request: HttpRequest) -> str:
    """Django refused to read the body: over DATA_UPLOAD_MAX_MEMORY_SIZE, counting no files."""
    what = FIELDS if is_multipart(request) else BODY
    return too_large_message(settings.DATA_UPLOAD_MAX_MEMORY_SIZE, what)


def too_large(request: HttpRequest, message: str) -> HttpResponse:
    if request.path_info.startswith(API_PREFIX):
        return JsonResponse({"detail": message}, status=413)
    return render(request, "413.html", {"message": message}, status=413)


def declared_length(request: HttpRequest) -> int:
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return 0  # as Django reads it: an unreadable length is no body


class RequestBodyLimit:
    """Refuse a body over its limit by its Content-Length, before any view or form reads it."""

    def __init__(self, get_response: object) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        limit, what = body_limit(request)
        if limit is not None and declared_length(request) > limit:
            return too_large(request, too_large_message(limit, what))
        return self.get_response(request)


def not_read_message(exception: Exception) -> str:
    if isinstance(exception, TooManyFieldsSent):
        limit = f"at most {settings.DATA_UPLOAD_MAX_NUMBER_FIELDS:,} fields"
    elif isinstance(exception, TooManyFilesSent):
        limit = f"at most {settings.DATA_UPLOAD_MAX_NUMBER_FILES:,} files"
    else:
        return "The request could not be read: it is malformed, or larger than this server accepts. Nothing was saved."
    return f"The request could not be read: this server takes a form of {limit}. Nothing was saved."


def bad_request(request: HttpRequest, exception: Exception) -> HttpResponse:
    """handler400: Django's answer to a request it will not read (too large, too many fields, a bad host)."""
    if isinstance(exception, RequestDataTooBig):
        return too_large(request, too_large_fields_message(request))
    message = not_read_message(exception)
    if request.path_info.startswith(API_PREFIX):
        return JsonResponse({"detail": message}, status=400)
    return render(request, "400.html", {"message": message}, status=400)
