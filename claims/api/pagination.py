"""Keyset (cursor) pagination for every list of the API.

A page is "the next `limit` rows after the last row you saw", found with a
WHERE on the ordering's own columns, not with OFFSET. Rows inserted, changed or
withdrawn between two requests therefore never shift the rows after the cursor:
nothing is skipped and nothing is seen twice for an ordering whose values do not
change. A row whose sort value changes (a claim's `updated_at` when it is edited)
moves to its new place; with `ordering=updated_at` that is after the cursor, so a
pass sees it again with its latest state — what a sync wants.

Every ordering ends on `id`, so the key is unique and ties never straddle a page.
NULLs (a claim never reported has no `first_reported`) sort as the greatest value,
PostgreSQL's own convention, made explicit so SQLite sorts them the same way.
"""

import base64
import binascii
import json
import operator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from functools import reduce

from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.db.models import F, Field, Model, OrderBy, Q, QuerySet
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from rest_framework.pagination import BasePagination
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.utils.urls import replace_query_param
from rest_framework.views import APIView

from claims.errors import InvalidInput
from claims.json_input import read_json

DEFAULT_LIMIT = 50
MAX_LIMIT = 500


@dataclass(frozen=True)
class SortKey:
    name: str
    descending: bool
    field: Field

    @property
    def token(self) -> str:
        return f"-{self.name}" if self.descending else self.name

    def order_by(self) -> OrderBy:
        if not self.field.null:
            return F(self.name).desc() if self.descending else F(self.name).asc()
        # NULL is the greatest value: last going up, first going down.
        return F(self.name).desc(nulls_first=True) if self.descending else F(self.name).asc(nulls_last=True)

    def after(self, value: object) -> Q | None:
        """Rows strictly after `value` on this key alone (None: no row can be)."""
        if value is None:
            return Q(**{f"{self.name}__isnull": False}) if self.descending else None
        condition = Q(**{f"{self.name}__{'lt' if self.descending else 'gt'}": value})
        if self.field.null and not self.descending:
            condition |= Q(**{f"{self.name}__isnull": True})
        return condition

    def equal(self, value: object) -> Q:
        return Q(**{f"{self.name}__isnull": True}) if value is None else Q(**{self.name: value})

    def at_or_after(self, value: object) -> Q | None:
        """Rows at `value` or after it on this key alone: a range an index scan can start from."""
        if value is None:
            return None if self.descending else Q(**{f"{self.name}__isnull": True})
        condition = Q(**{f"{self.name}__{'lte' if self.descending else 'gte'}": value})
        if self.field.null and not self.descending:
            condition |= Q(**{f"{self.name}__isnull": True})
        return condition


def sort_keys(queryset: QuerySet) -> list[SortKey]:
    """The queryset's ordering as keys, ending on the primary key; a key may be a field or an
    annotation the queryset selects."""
    model: type[Model] = queryset.model
    names = list(queryset.query.order_by)
    if any(not isinstance(name, str) for name in names):
        raise ImproperlyConfigured("Keyset pagination needs an ordering given by field names.")
    if not names or names[-1].lstrip("-") not in ("id", "pk"):
        names.append("id")
    keys = []
    for name in names:
        bare, descending = name.lstrip("-"), name.startswith("-")
        if bare in queryset.query.annotation_select:
            keys.append(SortKey(bare, descending, queryset.query.annotation_select[bare].output_field))
            continue
        field = model._meta.pk if bare == "pk" else model._meta.get_field(bare)
        keys.append(SortKey(field.attname, descending, field))
    return keys


def after_position(keys: list[SortKey], values: list[object]) -> Q:
    """(k1, k2, …, id) > (v1, v2, …, vid) in the keys' directions, as a WHERE clause."""
    branches = []
    equal_so_far = Q()
    for key, value in zip(keys, values, strict=True):
        after = key.after(value)
        if after is not None:
            branches.append(equal_so_far & after)
        equal_so_far &= key.equal(value)
    if not branches:
        # The cursor sat on the greatest possible position, and nothing follows it.
        return Q(pk__in=[])
    after = reduce(operator.or_, branches)
    # The same rows, said again as a range of the first key: an index cannot start a scan
    # at an OR, so without it every page would walk past all the rows before the cursor.
    # (Going up a key that may be NULL, the range is an OR itself, "k >= v or k is null":
    # rows_after reads such a page as two ranges.)
    start = keys[0].at_or_after(values[0])
    return after if start is None else start & after


def rows_after(queryset: QuerySet, keys: list[SortKey], values: list[object], count: int) -> list[object]:
    """The first `count` rows after the position, each part read as a range of an index.

    Going up a key that may be NULL from a value, what follows is the rest of the values and
    then every NULL: two ranges, asked one after the other (the second only when the first
    runs out), where one query with "k >= v or k is null" would walk from the start."""
    first = keys[0]
    after = queryset.filter(after_position(keys, values))
    if not (first.field.null and not first.descending and values[0] is not None):
        return list(after[:count])
    rows = list(after.filter(**{f"{first.name}__gte": values[0]})[:count])
    if len(rows) < count:
        rows += list(queryset.filter(**{f"{first.name}__isnull": True})[: count - len(rows)])
    return rows


def _plain(value: object) -> object:
    return value.isoformat() if isinstance(value, (date, datetime)) else value


def encode_cursor(keys: list[SortKey], row: object) -> str:
    """The position of `row` (a model instance or a row of named values) on the keys."""
    position = {"o": [key.token for key in keys], "v": [_plain(getattr(row, key.name)) for key in keys]}
    raw = json.dumps(position, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


BAD_CURSOR = gettext_lazy(
    "The cursor is not one this list gave out; start again from the first page, without `cursor`."
)


def decode_cursor(keys: list[SortKey], cursor: str) -> list[object]:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        position = read_json(raw)
        tokens, values = position["o"], position["v"]
    except (ValueError, TypeError, KeyError, binascii.Error, UnicodeDecodeError):
        raise InvalidInput(str(BAD_CURSOR), field="cursor") from None
    if tokens != [key.token for key in keys] or not isinstance(values, list) or len(values) != len(keys):
        raise InvalidInput(
            _(
                "This cursor belongs to another ordering; keep the same `ordering` while paging, "
                "or start again without `cursor`."
            ),
            field="cursor",
        )
    try:
        return [_position_value(key, value) for key, value in zip(keys, values, strict=True)]
    except (ValidationError, TypeError, ValueError, OverflowError):
        raise InvalidInput(str(BAD_CURSOR), field="cursor") from None


def _position_value(key: SortKey, raw: object) -> object:
    value = None if raw is None else key.field.to_python(raw)
    if isinstance(value, datetime):
        # As the database compares it: in UTC (PostgreSQL refuses offsets past ±15:59).
        value = value.astimezone(UTC) if value.tzinfo else value.replace(tzinfo=UTC)
    return value


def parse_limit(raw: str | None) -> int:
    if raw in (None, ""):
        return DEFAULT_LIMIT
    if not raw.isdecimal() or not 1 <= int(raw) <= MAX_LIMIT:
        raise InvalidInput(_("limit must be a whole number from 1 to %(max)s.") % {"max": MAX_LIMIT}, field="limit")
    return int(raw)


class KeysetPagination(BasePagination):
    """`?limit=` (default 50, at most 500) and an opaque `?cursor=` taken from `next`."""

    limit_query_param = "limit"
    cursor_query_param = "cursor"

    def paginate_queryset(self, queryset: QuerySet, request: Request, view: APIView | None = None) -> list[object]:
        self.request = request
        limit = parse_limit(request.query_params.get(self.limit_query_param))
        keys = sort_keys(queryset)
        queryset = queryset.order_by(*(key.order_by() for key in keys))
        cursor = request.query_params.get(self.cursor_query_param)
        # One row more than asked tells whether there is a next page, without a COUNT.
        if cursor:
            rows = rows_after(queryset, keys, decode_cursor(keys, cursor), limit + 1)
        else:
            rows = list(queryset[: limit + 1])
        self.next_cursor = encode_cursor(keys, rows[limit - 1]) if len(rows) > limit else None
        return rows[:limit]

    def get_next_link(self) -> str | None:
        if self.next_cursor is None:
            return None
        return replace_query_param(self.request.build_absolute_uri(), self.cursor_query_param, self.next_cursor)

    def get_paginated_response(self, data: list) -> Response:
        return Response({"next": self.get_next_link(), "results": data})

    def get_paginated_response_schema(self, schema: dict) -> dict:
        return {
            "type": "object",
            "required": ["next", "results"],
            "properties": {
                "next": {
                    "type": "string",
                    "format": "uri",
                    "nullable": True,
                    "description": "The next page, or null on the last one. Follow it as given.",
                },
                "results": schema,
            },
        }

    def get_schema_operation_parameters(self, view: APIView) -> list[dict]:
        return [
            {
                "name": self.limit_query_param,
                "in": "query",
                "required": False,
                "description": f"Rows per page, 1 to {MAX_LIMIT} (default {DEFAULT_LIMIT}).",
                "schema": {"type": "integer", "minimum": 1, "maximum": MAX_LIMIT, "default": DEFAULT_LIMIT},
            },
            {
                "name": self.cursor_query_param,
                "in": "query",
                "required": False,
                "description": "Opaque position taken from the `next` link of the previous page.",
                "schema": {"type": "string"},
            },
        ]
