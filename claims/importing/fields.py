"""Typed reading of one JSON object of a record, with errors that name the field and the line."""

from dataclasses import fields as dataclass_fields
from datetime import date
from functools import cache

from claims.importing.records import RecordError


@cache
def _known(record_type: type) -> frozenset[str]:
    return frozenset(f.name for f in dataclass_fields(record_type)) - {"line"}


class Fields:
    """Reads the values of one object; `where` names it in errors, e.g. "appearances[2]"."""

    def __init__(self, values: object, *, line: int, where: str = "", allowed: type | None = None) -> None:
        self.line, self.where = line, where
        if not isinstance(values, dict):
            self.fail(f"{where or 'the record'} must be a JSON object, not {type(values).__name__}")
        self.values: dict = values
        if allowed is not None:
            unknown = sorted(set(values) - _known(allowed))
            if unknown:
                self.fail(f"unknown field(s) {', '.join(map(repr, unknown))} in {where or 'the record'}")

    def name(self, key: str) -> str:
        return f"{self.where}.{key}" if self.where else key

    def fail(self, message: str) -> None:
        raise RecordError(message, line=self.line)

    def text(self, key: str, *, required: bool = False, default: str = "") -> str:
        value = self.values.get(key)
        if value is None or value == "":
            if required:
                self.fail(f"{self.name(key)} is required")
            return default
        if not isinstance(value, str):
            self.fail(f"{self.name(key)} must be a string, not {type(value).__name__}")
        return value

    def day(self, key: str, *, required: bool = False) -> date | None:
        value = self.text(key, required=required)
        if not value:
            return None
        try:
            return date.fromisoformat(value)
        except ValueError:
            self.fail(f"{self.name(key)} {value!r} is not a date (YYYY-MM-DD)")
        return None

    def strings(self, key: str) -> list[str]:
        value = self.values.get(key) or []
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            self.fail(f"{self.name(key)} must be a list of strings")
        return list(value)

    def objects(self, key: str) -> list[object]:
        value = self.values.get(key) or []
        if not isinstance(value, list):
            self.fail(f"{self.name(key)} must be a list")
        return value

    def raw(self, key: str) -> object:
        return self.values.get(key)
