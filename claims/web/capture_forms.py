"""Forms of URL capture in the web UI: each calls one capture or suggestion service in `save`."""

from django import forms
from django.contrib.auth.models import AbstractBaseUser
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from claims.models import Capture, Claim, Outlet, SuggestedCitation
from claims.outbound import MAX_URL_LENGTH
from claims.services.capture_answers import capture_attach_claim, capture_choose_outlet
from claims.services.captures import capture_request
from claims.services.suggestions import suggestion_accept, suggestion_dismiss
from claims.web.forms import NameChoiceField, ServiceForm


class CaptureForm(ServiceForm):
    """A URL to capture, for the claim of the page (or, from the new-claim form, for none yet)."""

    prefix = "capture"
    success_message = _("Capturing the page: this page shows what it finds.")

    # Not a URLField: the service's refusal (a scheme, a private address) is the message to see.
    url = forms.CharField(
        max_length=MAX_URL_LENGTH, label=_("URL"), help_text=_("The article's address; its page is fetched and kept.")
    )

    def __init__(self, *args: object, claim: Claim | None = None, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.claim = claim

    def next_url(self, saved: Capture) -> str:
        return reverse("web:capture-detail", args=[saved.pk])

    def perform(self, *, by: AbstractBaseUser) -> Capture:
        return capture_request(url=self.cleaned_data["url"], claim=self.claim, by=by)


class CaptureOutletForm(ServiceForm):
    success_message = _("Outlet set: the appearance is being recorded.")

    outlet = NameChoiceField(
        queryset=Outlet.objects.order_by("name"), required=False, label=_("An outlet we hold"),
        help_text=_("Or leave empty to create the outlet proposed from the page."),
    )  # fmt: skip
    name = forms.CharField(max_length=200, required=False, label=_("Name of the new outlet"))

    def __init__(self, *args: object, capture: Capture, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.capture = capture
        self.fields["name"].initial = capture.proposed_outlet.get("name", "")

    def perform(self, *, by: AbstractBaseUser) -> Capture:
        return capture_choose_outlet(
            capture=self.capture, by=by, outlet=self.cleaned_data["outlet"], name=self.cleaned_data["name"]
        )


class CaptureClaimForm(ServiceForm):
    success_message = _("Claim set: the appearance is recorded.")

    claim = forms.IntegerField(
        min_value=1, label=_("Claim number"), help_text=_("The id of the claim this page reports.")
    )

    def __init__(self, *args: object, capture: Capture, claims: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.capture, self.claims = capture, claims

    def clean_claim(self) -> Claim:
        claim = self.claims.filter(pk=self.cleaned_data["claim"]).first()
        if claim is None:
            raise forms.ValidationError(_("No claim has this number."))
        return claim

    def perform(self, *, by: AbstractBaseUser) -> Capture:
        return capture_attach_claim(capture=self.capture, claim=self.cleaned_data["claim"], by=by)


DECISIONS = {
    "accept": (suggestion_accept, _("Citation added.")),
    "dismiss": (suggestion_dismiss, _("Suggestion dismissed.")),
}


class SuggestionForm(ServiceForm):
    """Accept or dismiss a suggested citation: nothing but the button."""

    def __init__(self, *args: object, suggestion: SuggestedCitation, decision: str, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.suggestion, (self.decide, self.success_message) = suggestion, DECISIONS[decision]

    def perform(self, *, by: AbstractBaseUser) -> SuggestedCitation:
        return self.decide(suggestion=self.suggestion, by=by)
