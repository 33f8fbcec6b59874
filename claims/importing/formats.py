"""The two formats `import_claims` and the import upload read: which one a file is, and its reader."""

import codecs
import csv
import io
from collections.abc import Callable, Iterable, Iterator
from pathlib import PurePath
from typing import BinaryIO

import orjson

from claims.errors import InvalidInput
from claims.importing.jsonl import read_jsonl
from claims.importing.records import ClaimRecord, RecordError
from claims.importing.table import read_csv

Reader = Callable[[Iterable[str]], Iterator[ClaimRecord | RecordError]]
READERS: dict[str, Reader] = {"jsonl": read_jsonl, "csv": read_csv}
EXTENSIONS = {"jsonl": "jsonl", "ndjson": "jsonl", "json": "jsonl", "csv": "csv"}
SNIFFED = 64 * 1024  # bytes read to tell the format: the first record, or the header row


def format_of_name(name: str) -> str | None:
    """The format a file's name says, if it says one."""
    return EXTENSIONS.get(PurePath(name).suffix.lower().lstrip("."))


def decoded(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        # A cut at the end of a sniffed prefix may split a character: only earlier bytes count.
        if exc.start < len(data) - 3:
            raise InvalidInput(
                f"The file is not UTF-8 text (byte {exc.start + 1} cannot be read).", field="file"
            ) from exc
        return data[: exc.start].decode("utf-8-sig")


def check_utf8(stream: BinaryIO, *, chunk_size: int = 1 << 20) -> None:
    """Refuse, with the first bad byte's position, a file that is not UTF-8 text to its end: the
    format is told from its start (SNIFFED), and a bad byte further on would stop its job half-way."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    read = 0
    for chunk in iter(lambda: stream.read(chunk_size), b""):
        held = len(decoder.getstate()[0])  # the start of a character cut by the chunk's end
        try:
            decoder.decode(chunk)
        except UnicodeDecodeError as exc:
            raise InvalidInput(
                f"The file is not UTF-8 text (byte {read - held + exc.start + 1:,} cannot be read).", field="file"
            ) from exc
        read += len(chunk)
    if decoder.getstate()[0]:
        raise InvalidInput(
            f"The file is not UTF-8 text: it ends in the middle of a character (byte {read:,}).", field="file"
        )


def _first_line(text: str) -> str:
    return next((line for line in text.splitlines() if line.strip()), "")


def looks_like(fmt: str, head: bytes) -> bool:
    """Whether the start of a file is that format: a JSON object on the first line, or a CSV
    header that names the `text` column."""
    first = _first_line(decoded(head))
    if fmt == "jsonl":
        try:
            return isinstance(orjson.loads(first), dict)
        except orjson.JSONDecodeError:
            return False
    header = next(csv.reader(io.StringIO(first)), [])
    return "text" in (name.strip() for name in header)


def detect_format(*, name: str, head: bytes, given: str | None = None) -> str:
    """The format of an uploaded file: the one asked for, else the name's, else what the content
    shows; refused with a reason when it is neither JSON Lines nor CSV."""
    if not head.strip():
        raise InvalidInput("The file is empty: there is nothing to import.", field="file")
    if given is not None and given not in READERS:
        raise InvalidInput(f"Unknown format {given!r}: jsonl or csv.", field="format")
    for fmt in [given] if given else [f for f in (format_of_name(name), "jsonl", "csv") if f]:
        if looks_like(fmt, head):
            return fmt
    named = given or format_of_name(name)
    expected = {"jsonl": "a JSON object on its first line", "csv": "a header row naming the text column"}
    if named:
        raise InvalidInput(f"The file is not {named.upper()}: it should start with {expected[named]}.", field="file")
    raise InvalidInput(
        "The file is neither JSON Lines (a JSON object per line) nor CSV (a header row naming the text column).",
        field="file",
    )
