"""The filters of the captures list, one filterset for the API (`GET /api/v1/captures/`) and the
web page (`/captures/`): by what a capture shows as (its own state, else its job's), by claim,
by outlet, and, for those who see everyone's, by who asked."""

import django_filters
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from claims.choices import CaptureStatus
from claims.models import Capture, Claim, Outlet
from claims.selectors.filter_values import IdFilter, IdOrSlugFilter


class CaptureFilter(django_filters.FilterSet):
    state = django_filters.ChoiceFilter(
        choices=CaptureStatus.choices, method="with_status", label=_("State"),
        help_text="queued, running, failed (its job's), needs_outlet, needs_claim or recorded (its own).",
    )  # fmt: skip
    claim = IdFilter(field_name="claim_id", model=Claim, visible=True, label=_("Claim"), help_text="The claim's id.")
    outlet = IdOrSlugFilter(field_name="outlet_id", model=Outlet, label=_("Outlet"))
    by = django_filters.CharFilter(
        field_name="job__created_by__username", label=_("Asked for by"), help_text="The username of who asked."
    )

    class Meta:
        model = Capture
        fields: list[str] = []

    def with_status(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset.with_status(value) if value else queryset
