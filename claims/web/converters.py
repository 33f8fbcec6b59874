"""URL converters. Ids are 64-bit integers: a longer number is no id, so it is a 404, not
an overflow in the database driver."""

ID_PATTERN = "[0-9]{1,18}"


class IdConverter:
    regex = ID_PATTERN

    def to_python(self, value: str) -> int:
        return int(value)

    def to_url(self, value: int) -> str:
        return str(value)
