"""Read-only renderings of derived data for the admin pages."""

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

from claims.selectors.history import TRANSITION, HistoryEntry


def factors_table(factors: list[dict]) -> SafeString:
    """The confidence factors as a person reads them: what, by how much, why."""
    if not factors:
        return format_html("<p>{}</p>", "Not scored yet.")
    rows = format_html_join(
        "",
        "<tr><td>{}</td><td class='effect'>{}</td><td>{}</td></tr>",
        (
            (str(f.get("factor", "")).replace("_", " "), f"{f.get('effect', 0):+d}", f.get("detail", ""))
            for f in factors
        ),
    )
    return format_html(
        "<table class='confidence-factors'><thead><tr><th>Factor</th><th>Effect</th><th>Why</th></tr></thead>"
        "<tbody>{}</tbody></table>",
        rows,
    )


def _changes(entry: HistoryEntry) -> SafeString:
    if entry.changes:
        return format_html_join(
            "",
            "<div><b>{}</b>: {} → {}</div>",
            ((c.field, c.old_label or "—", c.new_label or "—") for c in entry.changes),
        )
    if entry.from_state:
        return format_html("{} → {}", entry.from_state, entry.to_state)
    return SafeString("")


def history_table(entries: list[HistoryEntry]) -> SafeString:
    """The claim's combined history (transitions and changes), newest first."""
    if not entries:
        return format_html("<p>{}</p>", "No history recorded.")
    rows = format_html_join(
        "",
        "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
        (
            (f"{e.at:%Y-%m-%d %H:%M}", e.user_name, e.summary, _changes(e), e.comment if e.kind == TRANSITION else "")
            for e in entries
        ),
    )
    return format_html(
        "<table class='claim-history'><thead><tr><th>When</th><th>Who</th><th>What</th><th>Changes</th>"
        "<th>Comment</th></tr></thead><tbody>{}</tbody></table>",
        rows,
    )
