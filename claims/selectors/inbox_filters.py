"""The inbox's filters, one filterset for the API (`GET /api/v1/inbox/`) and the web inbox (`/inbox/`).

`feed` keeps the items any of whose sightings is that feed's (an item carried by two feeds is
found under each); `outlet`, the items of that outlet's feeds; `q`, the words in the headline or
the summary, as given or folded; `since`, the items dated (or, undated, first seen) at or after;
`watched`, those that matched a watch of the reader's own.
"""

import django_filters
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils.translation import gettext_lazy as _

from claims.choices import InboxState
from claims.models import Feed, FeedSighting, InboxItem, Outlet, WatchMatch
from claims.selectors.filter_values import IdFilter, IdOrSlugFilter

Q_LENGTH = 200


class InboxFilter(django_filters.FilterSet):
    state = django_filters.ChoiceFilter(
        choices=InboxState.choices, label=_("State"), help_text="new, attached, dismissed or claimed."
    )
    feed = IdFilter(method="in_feed", model=Feed, label=_("Feed"), help_text="The feed's id.")
    outlet = IdOrSlugFilter(field_name="outlet_id", model=Outlet, label=_("Outlet"))
    language = django_filters.CharFilter(
        field_name="language", max_length=35, label=_("Language"), help_text="ISO 639-1, e.g. ar, fa, en."
    )
    q = django_filters.CharFilter(
        method="with_words", max_length=Q_LENGTH, label=_("Words"), help_text="Words in the headline or summary."
    )
    since = django_filters.IsoDateTimeFilter(
        field_name="listed_at", lookup_expr="gte", label=_("Since"),
        help_text="Dated (or, with no date, first seen) at or after this ISO 8601 time.",
    )  # fmt: skip
    watched = django_filters.BooleanFilter(
        method="by_watch", label=_("Matched my watches"), help_text="true: only items that matched a watch of yours."
    )

    class Meta:
        model = InboxItem
        fields: list[str] = []

    def in_feed(self, queryset: QuerySet, name: str, value: int | None) -> QuerySet:
        if value is None:
            return queryset
        return queryset.filter(Exists(FeedSighting.objects.filter(item=OuterRef("pk"), feed_id=value)))

    def with_words(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        words = value.split()
        for word in words:
            queryset = queryset.filter(Q(title__icontains=word) | Q(summary__icontains=word))
        return queryset

    def by_watch(self, queryset: QuerySet, name: str, value: bool | None) -> QuerySet:
        if value is None:
            return queryset
        user = getattr(self.request, "user", None)
        mine = Exists(WatchMatch.objects.filter(item=OuterRef("pk"), watch__owner_id=getattr(user, "pk", None)))
        return queryset.filter(mine) if value else queryset.exclude(mine)
