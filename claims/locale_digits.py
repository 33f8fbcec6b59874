"""Digits as the reader's locale writes them: Persian digits in Persian, Arabic-Indic digits in
Arabic as written in the Levant, Iraq and the Gulf, Latin digits in English.

Which digits a language uses is the locale's (CLDR, through Babel): `fa` writes ۰-۹
(numbering system "arabext"); `ar` alone is Latin in CLDR, so the Arabic interface takes the
digits of the region set in settings.NUMBER_LOCALES (ar_LB by default: ٠-٩). Only what
the interface writes is changed (dates, counts, page numbers); URLs, ids, codes and the
text of claims keep the digits they were given (docs/i18n.md).
"""

from functools import cache

from babel import Locale
from django.conf import settings
from django.utils.translation import get_language

# The numbering systems the interface's languages use (CLDR numberingSystems.xml).
DIGITS = {"latn": "0123456789", "arab": "٠١٢٣٤٥٦٧٨٩", "arabext": "۰۱۲۳۴۵۶۷۸۹"}


@cache
def _table(language: str) -> dict[int, str] | None:
    locale = settings.NUMBER_LOCALES.get(language, language)
    system = Locale.parse(locale.replace("-", "_")).default_numbering_system
    digits = DIGITS.get(system, DIGITS["latn"])
    return None if digits == DIGITS["latn"] else str.maketrans(DIGITS["latn"], digits)


def locale_digits(text: str, language: str | None = None) -> str:
    """The text with its Latin digits written in the language's own (the active one if not given)."""
    table = _table((language or get_language() or settings.LANGUAGE_CODE).split("-")[0])
    return text.translate(table) if table else text
