"""Forms of the web UI. Each write form calls one service in `save`; the service decides.

A form checks only that the input has the right shape (a date is a date, a
choice is offered). Every domain rule — a cycle, a future date, who may approve —
is the service's, and its refusal comes back here as a form error, with the
HTTP status the API would answer (400, 409 or 403).
"""

from datetime import date

from django import forms
from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Model
from django.utils.functional import lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from claims.choices import CitationKind, ClaimKind, Reliability, Stance
from claims.errors import DomainError, Forbidden, InvalidInput, NotAllowed
from claims.importing.formats import READERS
from claims.models import Actor, Appearance, Citation, Claim, Event, Job, Outlet, ReviewTransition, StatusEvidence
from claims.models.fields import max_length_of
from claims.selectors.as_of import parse_as_of
from claims.selectors.similar import likely_duplicates
from claims.services.appearances import appearance_create
from claims.services.citations import citation_create
from claims.services.claims import claim_create
from claims.services.evidence import evidence_create
from claims.services.imports import import_upload
from claims.services.outlets import outlet_update
from claims.services.workflow import STEPS, Step, claim_transition


class DateInput(forms.DateInput):
    input_type = "date"


def limit(model: type[Model], name: str) -> int | None:
    """A field's length limit, as the model sets it (the one place it is set)."""
    return max_length_of(model._meta.get_field(name))


def _says_limit(model: type[Model], name: str, help_text: str = "") -> str:
    at_most = gettext("At most %(count)s characters.") % {"count": f"{limit(model, name):,}"}
    return " ".join(part for part in (str(help_text), at_most) if part)


# Help text that states the limit. Text areas state it rather than enforce it in the page:
# a browser cuts a pasted text at `maxlength` without a word, where the service says why.
# Lazy: the form classes are built once, the words in each reader's language.
says_limit = lazy(_says_limit, str)


def appearance_label(appearance: Appearance) -> str:
    return f"#{appearance.pk} {appearance.outlet.name}, {appearance.published_on:%Y-%m-%d}"


class NameChoiceField(forms.ModelChoiceField):
    """A pick of outlets, actors, events or appearances: the names it lists are user text, each
    read in its own direction (an Arabic outlet's name in an English page, and the reverse)."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.widget.attrs.setdefault("dir", "auto")


class AppearanceChoiceField(NameChoiceField):
    def label_from_instance(self, obj: Model) -> str:
        return appearance_label(obj)


class ServiceForm(forms.Form):
    """A form whose `save` calls a service and turns its refusal into form errors."""

    success_message = _("Saved.")
    status_code = 200
    # A service's field name that this form calls differently.
    field_aliases: dict[str, str] = {}

    def perform(self, *, by: AbstractBaseUser) -> object:
        raise NotImplementedError

    def next_url(self, saved: object) -> str | None:
        """Where the browser goes once the form is saved, if not back to the page it came from."""
        return None

    def save(self, *, by: AbstractBaseUser) -> object | None:
        """The saved object, or None when the input or the service refused it."""
        if not self.is_valid():
            self.status_code = 400
            return None
        try:
            return self.perform(by=by)
        except DomainError as error:
            self.add_domain_error(error)
            return None

    def add_domain_error(self, error: DomainError) -> None:
        self.status_code = 403 if isinstance(error, Forbidden) else 409 if isinstance(error, NotAllowed) else 400
        placed = False
        for name, messages in error.errors.items():
            field = self.field_aliases.get(name, name)
            if field in self.fields:
                for message in messages:
                    self.add_error(field, message)
                placed = True
        # The whole message also goes on top, so it is seen even when the field is hidden.
        if not placed or self.field_aliases.get(error.field, error.field) not in self.fields:
            self.add_error(None, error.message)


class AppearanceForm(ServiceForm):
    prefix = "appearance"
    success_message = _("Appearance added.")

    outlet = NameChoiceField(queryset=Outlet.objects.order_by("name"), label=_("Outlet"))
    published_on = forms.DateField(widget=DateInput, label=_("Published on"))
    url = forms.URLField(required=False, label=_("URL"), assume_scheme="https")
    headline = forms.CharField(required=False, max_length=limit(Appearance, "headline"), label=_("Headline"))
    author = forms.CharField(
        required=False,
        max_length=limit(Appearance, "author"),
        label=_("Byline"),
        help_text=_("Who wrote it, as signed."),
    )
    language = forms.CharField(
        required=False, max_length=limit(Appearance, "language"), label=_("Language"), help_text=_("e.g. ar, en, fa")
    )
    excerpt = forms.CharField(
        required=False,
        label=_("Excerpt"),
        widget=forms.Textarea(attrs={"rows": 3, "dir": "auto"}),
        help_text=says_limit(Appearance, "excerpt", _("The words that carry the claim: a quotation, not the article.")),
    )
    attributed_source = forms.CharField(
        required=False,
        label=_("Attributed source"),
        max_length=limit(Appearance, "attributed_source"),
        help_text=_('Who the outlet says told it, e.g. "an anonymous US official".'),
    )

    def __init__(self, *args: object, claim: Claim, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.claim = claim

    def perform(self, *, by: AbstractBaseUser) -> Appearance:
        return appearance_create(claim=self.claim, by=by, **self.cleaned_data)


class CitationForm(ServiceForm):
    prefix = "citation"
    success_message = _("Citation added.")

    citing = AppearanceChoiceField(queryset=Appearance.objects.none(), label=_("This appearance"))
    kind = forms.ChoiceField(choices=CitationKind.choices, initial=CitationKind.CITED, label=_("Kind"))
    cited = AppearanceChoiceField(queryset=Appearance.objects.none(), label=_("took the claim from"))
    note = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        label=_("Note"),
        help_text=says_limit(Citation, "note"),
    )

    def __init__(self, *args: object, claim: Claim, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.claim = claim
        # Any appearance of this claim may be picked; which pairs are acceptable is the service's call.
        appearances = Appearance.objects.current().filter(claim=claim).select_related("outlet")
        self.fields["citing"].queryset = appearances
        self.fields["cited"].queryset = appearances

    def perform(self, *, by: AbstractBaseUser) -> object:
        return citation_create(by=by, **self.cleaned_data)


class EvidenceForm(ServiceForm):
    prefix = "evidence"
    success_message = _("Evidence added; the responsibility status follows the latest evidence.")

    stance = forms.ChoiceField(choices=Stance.choices, label=_("Stance"))
    date = forms.DateField(widget=DateInput, label=_("Date"))
    actor = NameChoiceField(queryset=Actor.objects.order_by("name"), required=False, label=_("By actor"))
    appearance = AppearanceChoiceField(queryset=Appearance.objects.none(), required=False, label=_("Appearance"))
    url = forms.URLField(required=False, label=_("URL"), assume_scheme="https")
    note = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 2, "dir": "auto"}),
        label=_("Note"),
        help_text=says_limit(StatusEvidence, "note"),
    )

    def __init__(self, *args: object, claim: Claim, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.claim = claim
        self.fields["appearance"].queryset = Appearance.objects.current().filter(claim=claim).select_related("outlet")

    def perform(self, *, by: AbstractBaseUser) -> object:
        return evidence_create(claim=self.claim, by=by, **self.cleaned_data)


# The label of the comment a step cannot go without (Step.needs_comment).
REQUIRED_COMMENT = {"comment": _("Comment (required)"), "reason": _("Reason (required)")}


class TransitionForm(ServiceForm):
    """One review step (submit, approve, reject, retract) with its comment or reason."""

    field_aliases = {"reason": "comment"}

    step = forms.ChoiceField(choices=[(name, name) for name in STEPS], widget=forms.HiddenInput)
    comment = forms.CharField(
        required=False,
        label=_("Comment"),
        widget=forms.Textarea(attrs={"rows": 2, "dir": "auto"}),
        help_text=says_limit(ReviewTransition, "comment"),
    )

    def __init__(self, *args: object, claim: Claim, step: Step | None = None, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.claim = claim
        self.step_obj = step or STEPS.get(str(self.data.get("step", "")))
        # Several of these forms share a page (steps, claims in the queue): ids must not collide.
        name = self.step_obj.name if self.step_obj else "step"
        self.auto_id = f"id_review_{claim.pk}_{name}_%s"
        if self.step_obj is not None:
            self.fields["step"].initial = self.step_obj.name
            self._describe_comment(self.step_obj)

    def _describe_comment(self, step: Step) -> None:
        # The step says whether a comment is needed; the label and the browser hint follow it.
        field = self.fields["comment"]
        if step.needs_comment:
            field.label = REQUIRED_COMMENT.get(step.needs_comment, _("Comment (required)"))
            field.widget.attrs["required"] = True
        else:
            field.label = _("Comment (optional)")

    @property
    def success_message(self) -> str:
        return gettext("%(step)s: done.") % {"step": self.step_obj.label} if self.step_obj else gettext("Done.")

    def perform(self, *, by: AbstractBaseUser) -> Claim:
        return claim_transition(
            claim=self.claim, step=self.cleaned_data["step"], by=by, comment=self.cleaned_data["comment"]
        )


class ReliabilityForm(ServiceForm):
    prefix = "grade"
    success_message = _("Reliability grade saved.")

    reliability = forms.ChoiceField(choices=Reliability.choices, label=_("Reliability"))
    reliability_note = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        label=_("Why"),
        help_text=says_limit(Outlet, "reliability_note"),
    )

    def __init__(self, *args: object, outlet: Outlet, **kwargs: object) -> None:
        kwargs.setdefault("initial", {"reliability": outlet.reliability, "reliability_note": outlet.reliability_note})
        super().__init__(*args, **kwargs)
        self.outlet = outlet

    def perform(self, *, by: AbstractBaseUser) -> Outlet:
        return outlet_update(outlet=self.outlet, by=by, **self.cleaned_data)


class ImportForm(ServiceForm):
    success_message = _("File received: it is being imported. This page shows how far it has got.")

    file = forms.FileField(label=_("File"), help_text=_("JSON Lines or CSV, in the format below."))
    format = forms.ChoiceField(
        choices=[("", _("From the file")), *((name, name.upper()) for name in sorted(READERS))],
        required=False,
        label=_("Format"),
    )

    def perform(self, *, by: AbstractBaseUser) -> Job:
        upload = self.cleaned_data["file"]
        return import_upload(upload=upload, name=upload.name, by=by, fmt=self.cleaned_data["format"] or None)


class ClaimCreateForm(ServiceForm):
    success_message = _("Claim recorded as a draft. Add where it appeared, then submit it for review.")

    text = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3, "dir": "auto"}),
        label=_("Text"),
        help_text=says_limit(Claim, "text", _("One assertion: a sentence or a paragraph.")),
    )
    language = forms.CharField(
        required=False,
        max_length=8,
        label=_("Language"),
        help_text=_("ISO 639-1 (ar, fa, en …); left blank, it is detected from the text."),
    )
    kind = forms.ChoiceField(choices=ClaimKind.choices, initial=ClaimKind.ATTRIBUTION, label=_("Kind"))
    subject = NameChoiceField(queryset=Actor.objects.order_by("name"), required=False, label=_("Subject actor"))
    event = NameChoiceField(queryset=Event.objects.order_by("-date", "title"), required=False, label=_("Event"))
    notes = forms.CharField(
        required=False, widget=forms.Textarea(attrs={"rows": 2}), label=_("Notes"), help_text=says_limit(Claim, "notes")
    )
    record_anyway = forms.BooleanField(
        required=False, label=_("Record it anyway: it is not one of the claims listed above")
    )

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.duplicates: list = []

    def claim_values(self, *, by: AbstractBaseUser) -> dict | None:
        """The claim's fields, or None while the editor is to see its likely duplicates first."""
        values = dict(self.cleaned_data)
        if not values.pop("record_anyway"):
            # Warned of once: the editor decides with the likely duplicates in view.
            self.duplicates = likely_duplicates(text=values["text"], user=by)
            if self.duplicates:
                return None
        return values

    def perform(self, *, by: AbstractBaseUser) -> Claim | None:
        values = self.claim_values(by=by)
        return None if values is None else claim_create(by=by, **values)


class AsOfForm(forms.Form):
    """The claim page's "as of" date: what was known on that day (SPEC §6.7), read by the API's rule."""

    as_of = forms.CharField(required=False, widget=DateInput, label=_("As of"))

    def clean_as_of(self) -> date | None:
        try:
            return parse_as_of(self.cleaned_data["as_of"])
        except InvalidInput as error:
            raise forms.ValidationError(error.message) from None
