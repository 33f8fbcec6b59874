"""Composed reads about claims, for the API, the web UI and the admin alike."""

import copy
from collections.abc import Mapping
from datetime import date

from django.db.models import QuerySet, Sum

from claims.choices import ResponsibilityStatus
from claims.errors import InvalidInput
from claims.models import Claim, Event, Outlet, TrackRecordEntry
from claims.models.claim import COMPUTED_FIELDS, PUBLIC_STATES
from claims.roles import User, is_newsroom
from claims.scoring.confidence import Score, score
from claims.scoring.derived import Scored, scored
from claims.selectors.claim_filters import DEFAULT_ORDERING, ClaimFilter
from claims.selectors.pending import with_scores_pending
from claims.selectors.scoring_inputs import claim_inputs

# What the API's claim list shows of each claim: the subject and event by id, and the derived
# fields but the search keys (long columns only filters read, as notes are).
SUMMARY_COLUMNS = (
    "id",
    "text",
    "language",
    "kind",
    "review_state",
    "subject_id",
    "event_id",
    "created_at",
    "updated_at",
    *(name for name in COMPUTED_FIELDS if name not in ("search_text", "text_key")),
)


def claim_queryset(user: User | None) -> QuerySet:
    return Claim.objects.visible_to(user).select_related("subject", "event")


def claims_readable(user: User | None) -> QuerySet:
    """`claims_shown` with the claims merged into others kept: for the few reads that name one (its
    history, its unmerge, the redirect of its address)."""
    return with_scores_pending(Claim.objects.readable_by(user).select_related("subject", "event"))


# A merge never leads to another merged claim (claims/services/merges.py); a bound all the same.
MAX_MERGE_HOPS = 5


def survivor_of(*, user: User | None, claim_id: object) -> Claim | None:
    """The claim a merged claim's address now leads to, if the user may read both; else None."""
    try:
        pk = int(str(claim_id))
    except ValueError:
        return None
    if not 0 < pk < 2**63:
        return None
    readable = Claim.objects.readable_by(user).only("pk", "merged_into")
    claim = readable.filter(pk=pk, merged_into__isnull=False).first()
    for _ in range(MAX_MERGE_HOPS):
        if claim is None or claim.merged_into_id is None:
            break
        claim = readable.filter(pk=claim.merged_into_id).first()
    return claim if claim is not None and claim.merged_into_id is None and claim.pk != pk else None


def claims_shown(user: User | None) -> QuerySet:
    """`claim_queryset` with what a claim's representation shows beyond its row: `scores_pending`."""
    return with_scores_pending(claim_queryset(user))


def claim_list(*, user: User | None, filters: Mapping | None = None) -> QuerySet:
    """Claims the user may see, filtered and ordered as SPEC §8 describes."""
    if not any(name in ClaimFilter.base_filters for name in filters or {}):
        # Nothing to filter (a first page, or a next page by cursor): building the filter
        # form would be most of the cost of such a request.
        return claim_queryset(user).order_by(*DEFAULT_ORDERING)
    return _valid(ClaimFilter.given(filters, claim_queryset(user))).qs


def _valid(filterset: ClaimFilter) -> ClaimFilter:
    if not filterset.is_valid():
        errors = {field: [str(e) for e in messages] for field, messages in filterset.errors.items()}
        raise InvalidInput(
            "Invalid filter: " + "; ".join(f"{f}: {' '.join(m)}" for f, m in errors.items()), errors=errors
        )
    return filterset


def claim_filter_values(*, user: User | None, filters: Mapping) -> dict:
    """The claim list's filters as `claim_list` reads them, checked the same way (a value that
    names nothing is an InvalidInput): each as the value it cleans to, an actor's slug as its id."""
    filterset = _valid(ClaimFilter.given(filters, claim_queryset(user)))
    return {name: filterset.form.cleaned_data[name] for name in filters}


def claim_filterset(*, user: User | None, filters: Mapping) -> ClaimFilter:
    """Every claim filter bound to `filters`, over the claims the user may see: for a page that shows
    the filter form and the list it gives (its `form` and its `qs`, one validation for both)."""
    return ClaimFilter(data=filters, queryset=claim_queryset(user))


def claim_summaries(*, user: User | None, filters: Mapping | None = None) -> QuerySet:
    """`claim_list` as rows of SUMMARY_COLUMNS (named tuples), with any value a filter orders by.

    The list is the API's hottest path: a model instance per claim cost more than the query
    that read it. ClaimSerializer represents a row as it represents a claim.
    """
    claims = with_scores_pending(claim_list(user=user, filters=filters).select_related(None))
    return claims.values_list(*SUMMARY_COLUMNS, *claims.query.annotation_select, named=True)


def claim_score_as_of(claim: Claim, as_of: date) -> Score:
    """Confidence, status and credibility from what was published by `as_of` (SPEC §6.7)."""
    return score(claim_inputs([claim.pk], as_of=as_of)[claim.pk])


def claim_as_of(claim: Claim, as_of: date) -> Claim:
    """A copy of the claim with its computed fields as they stood on `as_of`; never saved.

    Interfaces show it with the same representation as the claim today.
    """
    result = scored(claim_inputs([claim.pk], as_of=as_of)[claim.pk])
    then = copy.copy(claim)
    for name in Scored.__dataclass_fields__:
        setattr(then, name, getattr(result, name))
    return then


def event_attributions(event: Event, *, user: User | None) -> QuerySet:
    """An event's competing claims, most credible first (SPEC §6)."""
    return claim_queryset(user).filter(event=event).order_by("-confidence", "-independent_origin_count", "id")


def outlet_track_record(outlet: Outlet, *, user: User | None) -> dict[str, int]:
    """How many claims the outlet originated are now confirmed, denied or unclaimed, of those
    the user may see: the sum of the outlet's kept entries (claims/models/track_record.py),
    a handful of rows however many claims it originated."""
    entries = TrackRecordEntry.objects.filter(outlet=outlet)
    if not is_newsroom(user):
        entries = entries.filter(review_state__in=PUBLIC_STATES)
    counts = dict(entries.values_list("status").annotate(n=Sum("claims")).order_by().values_list("status", "n"))
    record = {status: counts.get(status, 0) for status in ResponsibilityStatus.values}
    record["originated"] = sum(record.values())
    return record
