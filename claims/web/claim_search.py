"""The claims list's filter form: the form of ClaimFilter itself, with friendlier widgets.

The form is the filterset's own (claims.selectors.claims.claim_filterset), so it is
validated once, and the rows listed are the ones that same validation allowed.

The fields, their validation and their meaning come from the one claim filterset
the API uses too; here only the widgets change (pickers instead of id-or-slug
text boxes, date pickers, words for the orderings).
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from claims.models.claim import PUBLIC_STATES
from claims.roles import User, is_newsroom
from claims.selectors.pages import filter_choices

ORDERING_LABELS = [
    ("", _("Recently updated")),
    ("-confidence", _("Confidence, highest first")),
    ("confidence", _("Confidence, lowest first")),
    ("-first_reported", _("First reported, newest first")),
    ("first_reported", _("First reported, oldest first")),
    ("updated_at", _("Least recently updated")),
]
PICKERS = {"actor": "actors", "affiliated_with": "actors", "outlet": "outlets", "event": "events"}
ANY = {"actor": _("Any actor"), "affiliated_with": _("Any actor"), "outlet": _("Any outlet"), "event": _("Any event")}
# Every field's label as a reader sees it (the filterset's own are written for API readers).
LABELS = {
    "q": _("Search"),
    "status": _("Responsibility"),
    "review_state": _("Review state"),
    "kind": _("Kind"),
    "language": _("Language"),
    "actor": _("Subject actor"),
    "affiliated_with": _("An origin affiliated with"),
    "outlet": _("Reported by"),
    "event": _("Event"),
    "min_confidence": _("Confidence from"),
    "max_confidence": _("to"),
    "reported_after": _("First reported from"),
    "reported_before": _("until"),
    "scores_pending": _("Confidence being recomputed"),
    "ordering": _("Order"),
}
# Fields of the filterset that serve API synchronisation, not a person browsing.
NOT_SHOWN = ("updated_since",)
# Everything but the search box sits in the collapsible panel.
PANEL_FIELDS = (
    "status",
    "review_state",
    "kind",
    "actor",
    "affiliated_with",
    "outlet",
    "event",
    "min_confidence",
    "max_confidence",
    "reported_after",
    "reported_before",
    "scores_pending",
    "ordering",
)


class DateInput(forms.DateInput):
    input_type = "date"


def _relabel_choices(field: forms.ChoiceField, empty: str) -> None:
    """django-filter's choice fields add their empty choice themselves, labelled "---------";
    setting the choices again rebinds the field's widget to the new label."""
    values = [(value, label) for value, label in field.choices if value != ""]
    field.empty_label = empty
    field.choices = values


def claim_search_form(form: forms.Form, *, user: User | None) -> forms.Form:
    """ClaimFilter's own form (bound to the query string), dressed to render."""
    for name in NOT_SHOWN:
        # Kept, hidden: the filter still applies, and a search sent again keeps it.
        form.fields[name].widget = forms.HiddenInput()
    for field in form.fields.values():
        field.help_text = ""  # Written for API readers; the labels below speak for themselves.
    for name, empty in (("status", _("Any status")), ("review_state", _("Any review state")), ("kind", _("Any kind"))):
        _relabel_choices(form.fields[name], empty)
    if not is_newsroom(user):
        # Consumers see published and retracted claims only: offer just those. The field still
        # accepts every state, as the API does; the others simply list nothing.
        review_state = form.fields["review_state"]
        review_state.widget.choices = [(v, label) for v, label in review_state.choices if v in ("", *PUBLIC_STATES)]
    choices = filter_choices()
    for name, source in PICKERS.items():
        # The names listed are user text: each read in its own direction.
        form.fields[name].widget = forms.Select(choices=[("", ANY[name]), *choices[source]], attrs={"dir": "auto"})
    form.fields["ordering"].widget.choices = ORDERING_LABELS
    for name, label in LABELS.items():
        form.fields[name].label = label
    form.fields["scores_pending"].widget = forms.Select(
        choices=[("", _("Either")), ("true", _("Yes")), ("false", _("No"))]
    )
    form.fields["q"].widget = forms.TextInput(
        attrs={"type": "search", "placeholder": _("Claim, actor or outlet, in any spelling"), "dir": "auto"}
    )
    for name in ("min_confidence", "max_confidence"):
        form.fields[name].widget = forms.NumberInput(attrs={"min": 0, "max": 100, "step": 1, "inputmode": "numeric"})
    for name in ("reported_after", "reported_before"):
        form.fields[name].widget = DateInput()
    return form


def active_filter_count(form: forms.Form) -> int:
    """How many panel filters are set, so the panel opens when it matters."""
    return sum(1 for name in PANEL_FIELDS if name != "ordering" and form.data.get(name) not in (None, ""))
