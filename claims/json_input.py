"""Reading JSON that comes from outside: request bodies, import lines, cursors.

Parsed by orjson, which never recurses in Python and refuses more than 1,024
levels itself; then the nesting is measured without recursion and refused past
MAX_DEPTH. Nothing the project accepts nests deeper than a few levels (an import
record: record → outlets → affiliations), and code that walks a parsed document
(serializers, error formatting) recurses once per level: a body of 3,000 nested
arrays must be a clear 400, never a RecursionError and a 500.
"""

import orjson

# Levels of arrays and objects, the outermost counting as 1: `[]` is 1 deep, `{"a": [1]}` 2.
MAX_DEPTH = 64


class UnreadableJson(ValueError):
    """The text is not JSON, or is JSON nested deeper than MAX_DEPTH."""


def too_deep_message(limit: int = MAX_DEPTH) -> str:
    return f"JSON nested deeper than {limit} levels of arrays and objects is refused."


def nesting_depth_exceeds(value: object, limit: int) -> bool:
    """Whether arrays and objects in `value` nest more than `limit` levels; an explicit stack, no recursion."""
    stack = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        children = item.values() if isinstance(item, dict) else item
        if depth > limit:
            return True
        stack.extend((child, depth + 1) for child in children if isinstance(child, (dict, list)))
    return False


def read_json(text: bytes | str, *, max_depth: int = MAX_DEPTH) -> object:
    """The value of a JSON text; UnreadableJson, with a message a person can act on, if there is none."""
    try:
        value = orjson.loads(text)
    except orjson.JSONDecodeError as exc:
        if str(exc).startswith("depth limit exceeded"):  # orjson's own cap, at 1,024 levels
            raise UnreadableJson(too_deep_message(max_depth)) from None
        raise UnreadableJson(str(exc)) from None
    if isinstance(value, (dict, list)) and nesting_depth_exceeds(value, max_depth):
        raise UnreadableJson(too_deep_message(max_depth))
    return value
