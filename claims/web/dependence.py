"""An outlet page's learned dependence, and the form of a reviewer's confirm or dismiss (SPEC §17)."""

from django import forms
from django.contrib.auth.models import AbstractBaseUser
from django.utils.translation import gettext_lazy as _

from claims.dependence.evidence import summary
from claims.models import Outlet, OutletDependence
from claims.roles import User, may
from claims.selectors.dependence import outlet_dependence
from claims.services.dependence_review import REVIEW_DEPENDENCE, dependence_confirm, dependence_dismiss
from claims.web.forms import ServiceForm

DECISIONS = {"confirm": dependence_confirm, "dismiss": dependence_dismiss}


class DependenceDecisionForm(ServiceForm):
    decision = forms.ChoiceField(choices=[("confirm", _("Confirm")), ("dismiss", _("Dismiss"))], label=_("Decision"))
    reason = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 2, "dir": "auto"}), label=_("Why"))

    def __init__(self, *args: object, pair: OutletDependence, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.pair = pair

    def perform(self, *, by: AbstractBaseUser) -> OutletDependence:
        decide = DECISIONS[self.cleaned_data["decision"]]
        return decide(pair=self.pair, reason=self.cleaned_data["reason"], by=by)


def dependence_rows(outlet: Outlet, user: User | None) -> list[dict]:
    """The pairs an outlet page lists, each with its words from this outlet's side."""
    rows = []
    for pair in outlet_dependence(outlet, user=user):
        rows.append(
            {
                "pair": pair,
                "other": pair.depends_on if pair.outlet_id == outlet.pk else pair.outlet,
                "copies": pair.outlet_id == outlet.pk,
                "words": summary(pair.outlet.name, pair.depends_on.name, pair.evidence) if pair.evidence else "",
            }
        )
    return rows


def may_review_dependence(user: User | None) -> bool:
    return may(user, REVIEW_DEPENDENCE)
