"""Quotations as their sources mark them: the seed corpus and imports keep a quote's emphasis in the
light markdown of the documents it came from (`*al-Akhbar*`, `**denied**`). Shown as emphasis,
never as asterisks, and nothing else of the text is read as markup: it is escaped first."""

import re

from django import template
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

register = template.Library()

STRONG = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*")
EMPHASIS = re.compile(r"(?<![\w*])\*(?=\S)([^*]+?)(?<=\S)\*(?![\w*])")


@register.filter
def emphasis(text: object) -> SafeString:
    """`*word*` as <em>word</em>, `**word**` as <strong>word</strong>; line breaks kept; all else escaped."""
    escaped = escape(str(text or ""))
    marked = EMPHASIS.sub(r"<em>\1</em>", STRONG.sub(r"<strong>\1</strong>", escaped))
    return mark_safe(marked.replace("\r\n", "\n").replace("\n", "<br>"))
