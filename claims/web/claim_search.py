"""The claims list's filter form: the form of ClaimFilter itself, with friendlier widgets.

The form is the filterset's own (claims.selectors.claims.claim_filterset), so it is
validated once, and the rows listed are the ones that same validation allowed.

The fields, their validation and their meaning come from the one claim filterset
the API uses too; here only the widgets change (pickers instead of id-or-slug
text boxes, date pickers, words for the orderings).
"""

from django import forms

from claims.models.claim import PUBLIC_STATES
from claims.roles import User, is_newsroom
from claims.selectors.pages import filter_choices

ORDERING_LABELS = [
    ("", "Recently updated"),
    ("-confidence", "Confidence, highest first"),
    ("confidence", "Confidence, lowest first"),
    ("-first_reported", "First reported, newest first"),
    ("first_reported", "First reported, oldest first"),
    ("updated_at", "Least recently updated"),
]
PICKERS = {"actor": "actors", "affiliated_with": "actors", "outlet": "outlets", "event": "events"}
ANY = {"actor": "Any actor", "affiliated_with": "Any actor", "outlet": "Any outlet", "event": "Any event"}
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
    for name, empty in (("status", "Any status"), ("review_state", "Any review state"), ("kind", "Any kind")):
        _relabel_choices(form.fields[name], empty)
    if not is_newsroom(user):
        # Consumers see published and retracted claims only: offer just those. The field still
        # accepts every state, as the API does; the others simply list nothing.
        review_state = form.fields["review_state"]
        review_state.widget.choices = [(v, label) for v, label in review_state.choices if v in ("", *PUBLIC_STATES)]
    choices = filter_choices()
    for name, source in PICKERS.items():
        form.fields[name].widget = forms.Select(choices=[("", ANY[name]), *choices[source]])
    form.fields["ordering"].widget.choices = ORDERING_LABELS
    form.fields["affiliated_with"].label = "An origin affiliated with"
    form.fields["outlet"].label = "Reported by"
    form.fields["q"].label = "Search"
    form.fields["scores_pending"].label = "Confidence being recomputed"
    form.fields["scores_pending"].widget = forms.Select(choices=[("", "Either"), ("true", "Yes"), ("false", "No")])
    form.fields["q"].widget = forms.TextInput(
        attrs={"type": "search", "placeholder": "Claim, actor or outlet, in any spelling", "dir": "auto"}
    )
    for name, label in (("min_confidence", "Confidence from"), ("max_confidence", "to")):
        form.fields[name].label = label
        form.fields[name].widget = forms.NumberInput(attrs={"min": 0, "max": 100, "step": 1, "inputmode": "numeric"})
    for name, label in (("reported_after", "First reported from"), ("reported_before", "until")):
        form.fields[name].label = label
        form.fields[name].widget = DateInput()
    return form


def active_filter_count(form: forms.Form) -> int:
    """How many panel filters are set, so the panel opens when it matters."""
    return sum(1 for name in PANEL_FIELDS if name != "ordering" and form.data.get(name) not in (None, ""))
