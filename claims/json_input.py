"""Reading JSON that comes from outside: request bodies, import lines, cursors.

Parsed by orjson, which never recurses in Python and refuses more than 1,024
levels itself; then the nesting is measured without recursion and refused past
MAX_DEPTH. Nothing the project accepts nests deeper than a few levels (an import
record: record → outlets → affiliations), and code that walks a parsed document
(serializers, error formatting) recurses once per level: a body of 3,000 nested
arrays must be a clear 400, never a RecursionError and a 500.

An object that gives a key twice is refused too (DuplicateKey): JSON parsers keep the last
value without a word, so `{"review_state": "draft", …, "review_state": "published"}` would
mean whatever the last one says, whatever the writer saw first. orjson cannot tell, so the
keys are counted: the same walk that measures the nesting counts the keys the parsed objects
hold, and a pattern counts where the text could have written one (a quote, then a colon). With
no key lost the counts agree, and that is the answer for almost every text; only when the text
may hold more (a key given twice, or a string containing `":`) is it parsed again, with the
standard library and a pairs hook, which names the key. That parse is safe from deep
recursion: the nesting is already known to be at most MAX_DEPTH.
"""

import json
import re

import orjson

# Levels of arrays and objects, the outermost counting as 1: `[]` is 1 deep, `{"a": [1]}` 2.
MAX_DEPTH = 64
# Where a text may end a key: a quote, then (after blanks) a colon. Every key ends so; a string
# value may contain the same characters (`\":`), which only makes the count an over-estimate.
# Without a blank after any quote (JSON Lines as programs write it) a plain count does.
_KEY_ENDS = {str: (re.compile(r'"[ \t\r\n]*:'), '":', ('" ', '"\t', '"\r', '"\n'))}
_KEY_ENDS[bytes] = (re.compile(rb'"[ \t\r\n]*:'), b'":', (b'" ', b'"\t', b'"\r', b'"\n'))
KEY_SHOWN = 100  # characters of a repeated key quoted in the message


class UnreadableJson(ValueError):
    """The text is not JSON, is JSON nested deeper than MAX_DEPTH, or gives a key twice."""


class DuplicateKey(UnreadableJson):
    """An object of the text gives `key` twice. `value` is the text as parsed anyway (the last value
    of each key), for a caller that wants to name the record it was refused in."""

    def __init__(self, key: str, value: object = None) -> None:
        shown = key if len(key) <= KEY_SHOWN else key[: KEY_SHOWN - 1] + "…"
        super().__init__(f'the key "{shown}" is given twice in one object')
        self.key, self.value = key, value


def too_deep_message(limit: int = MAX_DEPTH) -> str:
    return f"JSON nested deeper than {limit} levels of arrays and objects is refused."


def _measure(value: object, limit: int) -> tuple[bool, int]:
    """Whether arrays and objects nest more than `limit` levels, and how many keys the objects
    hold; an explicit stack, no recursion. (Exact type tests: orjson makes plain dicts and lists,
    and this runs on every import line.)"""
    stack: list[tuple[object, int]] = [(value, 1)]
    keys = 0
    while stack:
        item, depth = stack.pop()
        if depth > limit:
            return True, keys
        if type(item) is dict:
            keys += len(item)
            children = item.values()
        else:
            children = item
        depth += 1
        for child in children:
            if type(child) is dict or type(child) is list:
                stack.append((child, depth))
    return False, keys


def nesting_depth_exceeds(value: object, limit: int) -> bool:
    """Whether arrays and objects in `value` nest more than `limit` levels; an explicit stack, no recursion."""
    return _measure(value, limit)[0]


def _keys_written(text: bytes | str) -> int:
    """At least as many as the keys the text writes (an upper bound: see the module's docstring)."""
    pattern, quote_colon, blank_after_quote = _KEY_ENDS[str if isinstance(text, str) else bytes]
    if any(blank in text for blank in blank_after_quote):
        return len(pattern.findall(text))
    return text.count(quote_colon)


def _unique_pairs(pairs: list[tuple[str, object]]) -> dict:
    found: dict = {}
    for key, item in pairs:
        if key in found:
            raise DuplicateKey(key)
        found[key] = item
    return found


def _refuse_duplicate_keys(text: bytes | str, value: object) -> None:
    try:
        json.loads(text, object_pairs_hook=_unique_pairs)
    except DuplicateKey as exc:
        raise DuplicateKey(exc.key, value) from None
    except ValueError:
        return  # orjson read it; where the two parsers differ on anything else, orjson's reading stands


def read_json(text: bytes | str, *, max_depth: int = MAX_DEPTH) -> object:
    """The value of a JSON text; UnreadableJson, with a message a person can act on, if there is none."""
    if isinstance(text, memoryview):
        text = text.tobytes()
    try:
        value = orjson.loads(text)
    except orjson.JSONDecodeError as exc:
        if str(exc).startswith("depth limit exceeded"):  # orjson's own cap, at 1,024 levels
            raise UnreadableJson(too_deep_message(max_depth)) from None
        raise UnreadableJson(str(exc)) from None
    if not isinstance(value, (dict, list)):
        return value
    too_deep, keys = _measure(value, max_depth)
    if too_deep:
        raise UnreadableJson(too_deep_message(max_depth))
    if _keys_written(text) > keys:
        _refuse_duplicate_keys(text, value)
    return value
