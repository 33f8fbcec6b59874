"""The forms of the web inbox: attach an item to a claim, dismiss it, make a claim of it; and a feed."""

from django import forms
from django.contrib.auth.models import AbstractBaseUser
from django.utils.translation import gettext_lazy as _

from claims.models import Claim, Feed, InboxItem, Outlet
from claims.services.feeds import feed_create
from claims.services.inbox_triage import REASON_LENGTH, inbox_attach, inbox_dismiss, inbox_new_claim
from claims.web.forms import ClaimCreateForm, ServiceForm


class AttachForm(ServiceForm):
    success_message = _("Attached: the page is being captured into an appearance of the claim.")
    claim = forms.ModelChoiceField(queryset=Claim.objects.all(), widget=forms.HiddenInput)

    def __init__(self, *args: object, item: InboxItem, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.item = item

    def perform(self, *, by: AbstractBaseUser) -> InboxItem:
        return inbox_attach(item=self.item, claim=self.cleaned_data["claim"], by=by)


class DismissForm(ServiceForm):
    success_message = _("Dismissed.")
    reason = forms.CharField(required=False, max_length=REASON_LENGTH, label=_("Reason"))

    def __init__(self, *args: object, item: InboxItem, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.item = item

    def perform(self, *, by: AbstractBaseUser) -> InboxItem:
        return inbox_dismiss(item=self.item, reason=self.cleaned_data["reason"], by=by)


class ItemClaimForm(ClaimCreateForm):
    """The new-claim form, prefilled from an inbox item; saving it makes the item the claim's first
    appearance (its page captured)."""

    success_message = _("Claim recorded as a draft; the item's page is being captured into its first appearance.")

    def __init__(self, *args: object, item: InboxItem, **kwargs: object) -> None:
        kwargs.setdefault("initial", {"text": item.title or item.summary[:500]})
        super().__init__(*args, **kwargs)
        self.item = item

    def perform(self, *, by: AbstractBaseUser) -> Claim | None:
        values = self.claim_values(by=by)
        return None if values is None else inbox_new_claim(item=self.item, by=by, **values).claim


class FeedForm(ServiceForm):
    success_message = _("Feed added: it is polled from now on.")
    url = forms.CharField(max_length=2000, label=_("Feed address"), help_text=_("RSS, Atom or JSON Feed."))

    def __init__(self, *args: object, outlet: Outlet, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.outlet = outlet

    def perform(self, *, by: AbstractBaseUser) -> Feed:
        return feed_create(outlet=self.outlet, url=self.cleaned_data["url"], by=by)
