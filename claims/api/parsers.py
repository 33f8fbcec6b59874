"""The API's one body parser: JSON, read by claims.json_input with its depth cap.

DRF's JSONParser hands the body to the standard library, whose decoder recurses
once per nesting level: `[[[[…]]]]` 3,000 deep raised RecursionError, a 500.
This parser refuses such a body, one that gives a key twice in an object, and any other it
cannot read, as a 400 (ParseError) whose detail says why; one over DATA_UPLOAD_MAX_MEMORY_SIZE is a 413,
as claims/request_limits.py answers it.
"""

import codecs

from django.conf import settings
from rest_framework.exceptions import ParseError
from rest_framework.parsers import BaseParser

from claims.api.errors import TooLarge
from claims.json_input import DuplicateKey, UnreadableJson, read_json
from claims.request_limits import too_large_message


def body_limit() -> int | None:
    """The most bytes a body may have: Django's own limit for request bodies (None: no limit)."""
    return settings.DATA_UPLOAD_MAX_MEMORY_SIZE


def is_utf8(charset: str) -> bool:
    try:
        return codecs.lookup(charset).name == "utf-8"
    except LookupError:
        return False


class JsonParser(BaseParser):
    media_type = "application/json"

    def parse(self, stream: object, media_type: str | None = None, parser_context: dict | None = None) -> object:
        limit = body_limit()
        body = stream.read() if limit is None else stream.read(limit + 1)
        if limit is not None and len(body) > limit:
            # A body without a declared length that the middleware could not refuse: the same 413.
            raise TooLarge(too_large_message(limit))
        # The Content-Type's charset as Django read it; DEFAULT_CHARSET (UTF-8) without one.
        charset = (parser_context or {}).get("encoding") or settings.DEFAULT_CHARSET
        if not is_utf8(charset):
            try:
                body = body.decode(charset)
            except (LookupError, UnicodeDecodeError) as exc:
                raise ParseError(f"The body could not be read as {charset}: {exc}") from None
        try:
            return read_json(body)
        except DuplicateKey as exc:
            # Parsers disagree on which of the two values counts; the API takes neither.
            raise ParseError(f"The body is refused: {exc}. Give each field once.") from None
        except UnreadableJson as exc:
            raise ParseError(f"The body is not valid JSON: {exc}") from None
