"""`as_of=YYYY-MM-DD` (SPEC §6.7): the one rule for reading it, on the API and the claim page alike.

A calendar day written as YYYY-MM-DD, today or earlier: the record holds nothing
from the future, so a later day would show today's record under a date it does not
have. "Today" is the server's date in TIME_ZONE, as for the dates the services refuse.
"""

import re
from datetime import date

from django.utils import timezone
from django.utils.translation import gettext_lazy

from claims.errors import InvalidInput

ISO_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
NOT_A_DAY = gettext_lazy("as_of must be a day written YYYY-MM-DD, e.g. 2021-10-25.")
IN_THE_FUTURE = gettext_lazy(
    "as_of %s is in the future. Pick today or an earlier day: the record holds nothing from the future."
)


def parse_as_of(raw: str | None) -> date | None:
    """The day `raw` names; None for none (or an empty value); InvalidInput naming `as_of` otherwise."""
    text = (raw or "").strip()
    if not text:
        return None
    try:
        if not ISO_DAY.fullmatch(text):
            raise ValueError(text)
        day = date.fromisoformat(text)
    except ValueError:
        raise InvalidInput(str(NOT_A_DAY), field="as_of") from None
    if day > timezone.localdate():
        raise InvalidInput(IN_THE_FUTURE % day.isoformat(), field="as_of")
    return day
