"""A list of messages about seed files, each naming the file and the record at fault."""

from collections import Counter
from collections.abc import Iterable

from django.utils import timezone

from claims.seeding.files import parse_day


class Problems(list):
    """Messages about the seed files, each naming the file and the record."""

    def add(self, where: str, message: str) -> None:
        self.append(f"{where}: {message}")

    def check_date(self, where: str, name: str, value: object, *, required: bool = False) -> None:
        try:
            day = parse_day(value)
        except ValueError:
            self.add(where, f"{name} {value!r} is not a date (YYYY-MM-DD).")
            return
        if day is None and required:
            self.add(where, f"{name} is required.")
        elif day is not None and day > timezone.localdate():
            self.add(where, f"{name} {day} is in the future.")

    def check_choice(self, where: str, name: str, value: object, allowed: Iterable[str]) -> None:
        allowed = list(allowed)
        if value not in allowed:
            self.add(where, f"{name} {value!r} is not one of {', '.join(allowed)}.")

    def check_source(self, where: str, record: dict, documents: set[str]) -> None:
        """Every extracted record names its seed document and the words that support it."""
        if record.get("source_document") not in documents:
            self.add(where, f"source_document {record.get('source_document')!r} is not listed in documents.json.")
        if not str(record.get("quote") or "").strip():
            self.add(where, "quote is empty.")

    def check_unique(self, where: str, keys: list[str], name: str) -> None:
        for key, count in Counter(keys).items():
            if count > 1:
                self.add(where, f"{name} {key!r} is used {count} times.")
