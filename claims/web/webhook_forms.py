"""Forms of the webhook pages: each calls one service of claims/services/webhooks.py in `save`.

The forms check only the shape of the input; the services check everything else (the URL
through the outbound guard, the filters as the claim list reads them) and their refusal is the
form's error, as the API would answer it.
"""

from django import forms
from django.contrib.auth.models import AbstractBaseUser
from django.utils.translation import gettext_lazy as _

from claims.choices import WebhookEventKind
from claims.models import Delivery, Subscription
from claims.models.fields import URL_LENGTH
from claims.models.webhooks import DEFAULT_MIN_CHANGE
from claims.selectors.pages import filter_choices
from claims.services.webhooks import (
    FILTERS,
    delivery_redeliver,
    subscription_create,
    subscription_pause,
    subscription_resume,
)
from claims.web.forms import ServiceForm

PICKERS = {
    "actor": ("actors", _("Any actor")),
    "outlet": ("outlets", _("Any outlet")),
    "event": ("events", _("Any event")),
}


class SubscriptionForm(ServiceForm):
    success_message = _("Subscribed. Keep the signing secret below: it is shown this once.")
    # The service names a bad filter `filters.actor`; the form's field is `actor`.
    field_aliases = {f"filters.{name}": name for name in FILTERS}

    url = forms.CharField(
        max_length=URL_LENGTH, label=_("Receiver URL"),
        help_text=_("Where each delivery is POSTed: http or https, a public address."),
    )  # fmt: skip
    events = forms.MultipleChoiceField(
        choices=WebhookEventKind.choices, widget=forms.CheckboxSelectMultiple, label=_("Tell me when"),
        initial=[WebhookEventKind.PUBLISHED],
    )  # fmt: skip
    actor = forms.CharField(required=False, label=_("Only claims naming"))
    event = forms.CharField(required=False, label=_("Only claims about"))
    outlet = forms.CharField(required=False, label=_("Only claims reported by"))
    min_confidence = forms.IntegerField(required=False, min_value=0, max_value=100, label=_("Only from confidence"))
    min_change = forms.IntegerField(
        min_value=1, max_value=100, initial=DEFAULT_MIN_CHANGE, label=_("Confidence moves of at least"),
        help_text=_("Points out of 100, for “confidence changed”."),
    )  # fmt: skip

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        choices = filter_choices()
        for name, (source, empty) in PICKERS.items():
            self.fields[name].widget = forms.Select(choices=[("", empty), *choices[source]], attrs={"dir": "auto"})

    def perform(self, *, by: AbstractBaseUser) -> Subscription:
        data = self.cleaned_data
        filters = {name: data[name] for name in FILTERS if data.get(name) not in (None, "")}
        return subscription_create(
            url=data["url"], events=list(data["events"]), filters=filters, min_change=data["min_change"], by=by
        )


class PauseForm(ServiceForm):
    success_message = _("Paused: nothing is delivered until you resume it.")

    reason = forms.CharField(
        required=False, max_length=500, label=_("Why (optional)"),
        widget=forms.TextInput(attrs={"placeholder": _("e.g. the receiver is being moved")}),
    )  # fmt: skip

    def __init__(self, *args: object, subscription: Subscription, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.subscription = subscription

    def perform(self, *, by: AbstractBaseUser) -> Subscription:
        return subscription_pause(subscription=self.subscription, by=by, reason=self.cleaned_data["reason"])


class ResumeForm(ServiceForm):
    success_message = _("Resumed: the deliveries that waited are being sent.")

    def __init__(self, *args: object, subscription: Subscription, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.subscription = subscription

    def perform(self, *, by: AbstractBaseUser) -> Subscription:
        return subscription_resume(subscription=self.subscription, by=by)


class RedeliverForm(ServiceForm):
    success_message = _("Sent again.")

    def __init__(self, *args: object, delivery: Delivery, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.delivery = delivery

    def perform(self, *, by: AbstractBaseUser) -> Delivery:
        return delivery_redeliver(delivery=self.delivery, by=by)
