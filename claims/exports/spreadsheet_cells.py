"""CSV cells a spreadsheet will not run as formulas (OWASP's "CSV injection" rule), and back.

A spreadsheet reads a cell that begins with `=`, `+`, `-` or `@` (or a tab or
carriage return before one) as a formula: a claim text such as
`=HYPERLINK("http://evil.example","click")` would become a live link, or worse.
Every CSV the project writes passes each cell through `spreadsheet_safe`, which
puts a `'` in front of such a cell; spreadsheets show the text as written.

A cell that already begins with `'` before one of those characters gets one more,
so `spreadsheet_value`, which takes exactly one away, restores every cell exactly:
`import_claims` reads its own export back as it was written.
"""

import re

# A cell that begins with a formula character, after any number of `'`.
FORMULA_START = re.compile(r"'*[=+\-@\t\r]")
ESCAPED_FORMULA_START = re.compile(r"'+[=+\-@\t\r]")


def spreadsheet_safe(cell: str) -> str:
    """The cell as written to a CSV file: with a leading `'` if a spreadsheet would read a formula."""
    return f"'{cell}" if FORMULA_START.match(cell) else cell


def spreadsheet_value(cell: str) -> str:
    """The value of a cell `spreadsheet_safe` wrote: its leading `'` taken off again."""
    return cell[1:] if ESCAPED_FORMULA_START.match(cell) else cell
