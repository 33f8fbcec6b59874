"""The claim list filters of SPEC §8, shared by the API, the web UI and exports."""

import operator
from datetime import UTC, datetime
from functools import reduce

import django_filters
from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db.models import Exists, ExpressionWrapper, F, OuterRef, Q, QuerySet

from claims.choices import ClaimKind, ResponsibilityStatus, ReviewState
from claims.language import LANGUAGE_CODE
from claims.models import Actor, Affiliation, Appearance, Claim, Event, Outlet
from claims.models.affiliation import in_force_on
from claims.selectors.filter_values import IdOrSlugFilter
from claims.selectors.pending import filter_scores_pending
from claims.transliteration import ARTICLES, fold, fold_arabic_script, skeleton

ORDERINGS = ("confidence", "first_reported", "updated_at")
DEFAULT_ORDERING = ("-updated_at", "-id")
# Claims by one outlet carry the columns the list orders by as the outlet's indexes hold them
# (ClaimOutlet): ordered, paged and compared on those copies, a page is read off an index in
# order, whichever the ordering.
OUTLET_COPIES = {
    "updated_at": "outlet_updated_at",
    "confidence": "outlet_confidence",
    "first_reported": "outlet_first_reported",
}


def ordering_column(queryset: QuerySet, name: str) -> str:
    """Where this list reads an ordering's column: the claim, or its outlet's copy of it."""
    copy = OUTLET_COPIES.get(name)
    return copy if copy in queryset.query.annotations else name


def updated_at_column(queryset: QuerySet) -> str:
    """Where this list reads each claim's updated_at: the claim, or its outlet's copy of it."""
    return ordering_column(queryset, "updated_at")


def search_patterns(word: str) -> list[str]:
    """What `q` looks for of one query word in the search text: the word folded, or its
    phonetic key at a word start.

    The search text holds every word as given and folded (search_document), and folding goes
    character by character: wherever the words as given occur, their folded form occurs too
    (a property test holds it). So the word as given is asked only when nothing folds (a
    symbol Unidecode has no letters for): each pattern is a LIKE over every claim a scan reads.
    """
    key = skeleton(word)
    folded = fold(word) or fold_arabic_script(word.lower()).strip()
    return [folded, *([f" {key}"] if key else [])] if folded else []


def search_words(text: str) -> list[str]:
    """The query's words that must each match. An article on its own ("al Tanf", "the") is
    left out when other words remain: at-Tanf is al-Tanf, and the key of Tanf finds both."""
    words = [word for word in text.split() if search_patterns(word)]  # a vowel mark alone asks for nothing
    kept = [word for word in words if fold(word) not in ARTICLES]
    return kept or words


def search(queryset: QuerySet, text: str) -> QuerySet:
    """Every word of the query must match, folded (أحمد finds احمد, Hizbullah ≈ Hezbollah)."""
    for word in search_words(text.strip()):
        queryset = queryset.filter(reduce(operator.or_, (Q(search_text__contains=p) for p in search_patterns(word))))
    return queryset


class WholeNumberFilter(django_filters.NumberFilter):
    """Confidence is a whole number from 0 to 100: 50.5 is refused, not compared."""

    field_class = forms.IntegerField


class UpdatedSinceFilter(django_filters.IsoDateTimeFilter):
    """Changed at or after the instant, compared in UTC: ISO 8601 allows offsets up to ±23:59,
    PostgreSQL only up to ±15:59."""

    def filter(self, qs: QuerySet, value: datetime | None) -> QuerySet:
        if value is None:
            return qs
        try:
            value = value.astimezone(UTC)
        except OverflowError:  # year 1 or 9999 pushed past the calendar's end by its offset
            value = datetime.min.replace(tzinfo=UTC) if value.year == 1 else datetime.max.replace(tzinfo=UTC)
        return qs.filter(**{f"{updated_at_column(qs)}__gte": value})


class OutletAppearanceFilter(IdOrSlugFilter):
    """Claims with a current appearance by the outlet: its ClaimOutlet rows, one per claim."""

    def filter(self, qs: QuerySet, value: int | None) -> QuerySet:
        if value is None:
            return qs
        carried = qs.filter(outlet_links__outlet_id=value)
        # Typed as the claim's own columns: the copies are never NULL where the claim's are not.
        copies = {
            copy: ExpressionWrapper(F(f"outlet_links__claim_{name}"), output_field=Claim._meta.get_field(name))
            for name, copy in OUTLET_COPIES.items()
        }
        return carried.annotate(**copies)


class AffiliatedOriginFilter(IdOrSlugFilter):
    """Claims with an origin whose outlet was tied to the actor on the day it published."""

    def filter(self, qs: QuerySet, value: int | None) -> QuerySet:
        if value is None:
            return qs
        ties = Affiliation.objects.current().filter(
            in_force_on(OuterRef("published_on")), actor_id=value, outlet=OuterRef("outlet")
        )
        origins = Appearance.objects.current().origins().filter(Exists(ties), claim=OuterRef("pk"))
        return qs.filter(Exists(origins))


class ClaimFilter(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(choices=ResponsibilityStatus.choices)
    review_state = django_filters.ChoiceFilter(choices=ReviewState.choices)
    kind = django_filters.ChoiceFilter(choices=ClaimKind.choices)
    language = django_filters.CharFilter(
        field_name="language",
        validators=[RegexValidator(LANGUAGE_CODE, "An ISO 639-1 code, e.g. ar, fa, en.")],
        help_text="ISO 639-1 code of the claim's language, e.g. ar.",
    )
    # A value that names no actor, event or outlet is a 400, not an empty list (filter_values.py).
    actor = IdOrSlugFilter(field_name="subject_id", model=Actor, help_text="Subject actor's id or slug.")
    event = IdOrSlugFilter(field_name="event_id", model=Event)
    outlet = OutletAppearanceFilter(model=Outlet, help_text="Some appearance is by this outlet (id or slug).")
    affiliated_with = AffiliatedOriginFilter(
        model=Actor, help_text="Some origin's outlet was affiliated with this actor (id or slug) when it published."
    )
    min_confidence = WholeNumberFilter(
        field_name="confidence", lookup_expr="gte", validators=[MinValueValidator(0), MaxValueValidator(100)]
    )
    max_confidence = WholeNumberFilter(
        field_name="confidence", lookup_expr="lte", validators=[MinValueValidator(0), MaxValueValidator(100)]
    )
    reported_after = django_filters.DateFilter(
        field_name="first_reported", lookup_expr="gte", help_text="First reported on or after (YYYY-MM-DD)."
    )
    reported_before = django_filters.DateFilter(
        field_name="first_reported", lookup_expr="lte", help_text="First reported on or before (YYYY-MM-DD)."
    )
    # After `outlet`: filters apply in the order declared, and this one reads what that one adds.
    updated_since = UpdatedSinceFilter(
        field_name="updated_at", help_text="Changed at or after this ISO 8601 timestamp."
    )
    q = django_filters.CharFilter(method="filter_q", help_text="Words in the claim, its actor or its outlets.")
    scores_pending = django_filters.BooleanFilter(
        method="filter_scores_pending",
        help_text="true: claims whose confidence is being recomputed in the background; false: the others.",
    )
    ordering = django_filters.OrderingFilter(
        fields=ORDERINGS, help_text="confidence, first_reported, updated_at; - for descending."
    )

    class Meta:
        model = Claim
        fields: list[str] = []

    @classmethod
    def given(cls, data: dict, queryset: QuerySet) -> "ClaimFilter":
        """A filterset of the filters `data` names only: a request names one or two, and the
        form fields of all sixteen cost more to build than the query takes to run."""
        filterset = cls.__new__(cls)
        filterset.base_filters = {name: f for name, f in cls.base_filters.items() if name in data}
        filterset.__init__(data=data, queryset=queryset)
        return filterset

    def filter_q(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return search(queryset, value)

    def filter_scores_pending(self, queryset: QuerySet, name: str, value: bool | None) -> QuerySet:
        if value is None:
            return queryset
        return filter_scores_pending(queryset, value)

    def filter_queryset(self, queryset: QuerySet) -> QuerySet:
        queryset = super().filter_queryset(queryset)
        # Every ordering ends on id, so pages are stable when values tie.
        ordering = [str(o) for o in queryset.query.order_by] or list(DEFAULT_ORDERING)
        ordering = [("-" if o.startswith("-") else "") + ordering_column(queryset, o.lstrip("-")) for o in ordering]
        last = ordering[-1].lstrip("-")
        if last != "id":
            ordering.append("-id" if ordering[-1].startswith("-") else "id")
        return queryset.order_by(*ordering)
