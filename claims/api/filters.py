"""Query filters of the list endpoints.

The claim list uses ClaimFilter, the one filterset it shares with the web UI and
the exports, through the claim_list selector; the other lists have small
filtersets of their own, by the ids of what they belong to. An id that names no
row (or, for a claim, none the reader may see) is a 400, as in ClaimFilter.
"""

import django_filters
from django.db.models import QuerySet
from django_filters.rest_framework import DjangoFilterBackend
from rest_framework.request import Request
from rest_framework.views import APIView

from claims.choices import (
    ActorKind,
    ActorRelation,
    AffiliationRelation,
    CitationKind,
    DependenceState,
    JobKind,
    JobState,
    OutletKind,
    Reliability,
    Stance,
    SuggestionState,
)
from claims.models import (
    Actor,
    ActorAffiliation,
    Affiliation,
    Appearance,
    Citation,
    Claim,
    Job,
    Outlet,
    OutletDependence,
    StatusEvidence,
    SuggestedCitation,
)
from claims.selectors.dependence import of_outlet
from claims.selectors.filter_values import IdFilter, IdOrSlugFilter


class ClaimFilterDescription(DjangoFilterBackend):
    """Describes ClaimFilter's parameters in the schema; it filters nothing itself.

    The claim list calls claims.selectors.claims.claim_list, which applies the same
    ClaimFilter, so the API, the web UI and the exports filter claims one way.
    """

    def filter_queryset(self, request: Request, queryset: QuerySet, view: APIView) -> QuerySet:
        return queryset


class OutletFilter(django_filters.FilterSet):
    kind = django_filters.ChoiceFilter(choices=OutletKind.choices)
    reliability = django_filters.ChoiceFilter(choices=Reliability.choices)

    class Meta:
        model = Outlet
        fields: list[str] = []


class ActorFilter(django_filters.FilterSet):
    kind = django_filters.ChoiceFilter(choices=ActorKind.choices)

    class Meta:
        model = Actor
        fields: list[str] = []


class AffiliationFilter(django_filters.FilterSet):
    outlet = IdFilter(field_name="outlet_id", model=Outlet, help_text="The tied outlet's id.")
    actor = IdFilter(field_name="actor_id", model=Actor, help_text="The actor's id.")
    relation = django_filters.ChoiceFilter(choices=AffiliationRelation.choices)

    class Meta:
        model = Affiliation
        fields: list[str] = []


class ActorAffiliationFilter(django_filters.FilterSet):
    actor = IdFilter(field_name="actor_id", model=Actor, help_text="The id of the actor who speaks for the body.")
    body = IdFilter(field_name="body_id", model=Actor, help_text="The id of the body spoken for.")
    relation = django_filters.ChoiceFilter(choices=ActorRelation.choices)

    class Meta:
        model = ActorAffiliation
        fields: list[str] = []


class AppearanceFilter(django_filters.FilterSet):
    claim = IdFilter(field_name="claim_id", model=Claim, visible=True, help_text="The claim's id.")
    outlet = IdFilter(field_name="outlet_id", model=Outlet, help_text="The outlet's id.")

    class Meta:
        model = Appearance
        fields: list[str] = []


class CitationFilter(django_filters.FilterSet):
    claim = IdFilter(field_name="claim_id", model=Claim, visible=True, help_text="The claim's id.")

    class Meta:
        model = Citation
        fields: list[str] = []


class EvidenceFilter(django_filters.FilterSet):
    claim = IdFilter(field_name="claim_id", model=Claim, visible=True, help_text="The claim's id.")
    stance = django_filters.ChoiceFilter(choices=Stance.choices)

    class Meta:
        model = StatusEvidence
        fields: list[str] = []


class JobFilter(django_filters.FilterSet):
    kind = django_filters.ChoiceFilter(choices=JobKind.choices)
    state = django_filters.ChoiceFilter(choices=JobState.choices)

    class Meta:
        model = Job
        fields: list[str] = []


class SuggestionFilter(django_filters.FilterSet):
    claim = IdFilter(field_name="claim_id", model=Claim, visible=True, help_text="The claim's id.")
    state = django_filters.ChoiceFilter(choices=SuggestionState.choices)
    kind = django_filters.ChoiceFilter(choices=CitationKind.choices)

    class Meta:
        model = SuggestedCitation
        fields: list[str] = []


class DependenceFilter(django_filters.FilterSet):
    outlet = IdOrSlugFilter(
        method="either_outlet", model=Outlet, help_text="An outlet's id or slug: pairs it is either side of."
    )
    min_score = django_filters.NumberFilter(
        field_name="score", lookup_expr="gte", min_value=0, max_value=1, help_text="Pairs scoring at least this (0-1)."
    )
    state = django_filters.ChoiceFilter(choices=DependenceState.choices)

    class Meta:
        model = OutletDependence
        fields: list[str] = []

    def either_outlet(self, queryset: QuerySet, name: str, value: int | None) -> QuerySet:
        return queryset if value is None else of_outlet(queryset, value)
