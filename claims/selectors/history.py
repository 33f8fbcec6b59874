"""The combined history of one claim (SPEC §4, §7): who changed what, and when.

Two sources, merged newest first: the review transitions (ReviewTransition, with
their comments) and the field history simple_history keeps for the claim and for
its appearances, citations and evidence. Each change is diffed against the
previous version of the same row with `diff_against`. Review-state moves show
only as transitions: the field history repeats them without the comment.

The number of queries is constant: one per source, plus at most one per kind of
related row named in a change (outlets, actors, events, appearances, users).
"""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from django.db import models
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from claims.choices import CitationKind, ReviewState
from claims.models import Appearance, Citation, Claim, Outlet, ReviewTransition, StatusEvidence

TRANSITION = "transition"
CHANGE = "change"

# Per tracked model: the name a person knows it by, and what is filtered on to find the claim's rows.
SOURCES: list[tuple[type[models.Model], str, str]] = [
    (Claim, "claim", "id"),
    (Appearance, "appearance", "claim_id"),
    (Citation, "citation", "claim_id"),
    (StatusEvidence, "evidence", "claim_id"),
]
NOT_DIFFED = {"id", "review_state"}
TRANSITION_VERBS = {
    ReviewState.IN_REVIEW: gettext_lazy("Submitted for review"),
    ReviewState.PUBLISHED: gettext_lazy("Approved and published"),
    ReviewState.REJECTED: gettext_lazy("Rejected"),
    ReviewState.RETRACTED: gettext_lazy("Retracted"),
}


@dataclass(frozen=True)
class FieldChange:
    field: str
    old: object
    new: object
    old_label: str
    new_label: str


@dataclass(frozen=True)
class HistoryEntry:
    kind: str
    at: datetime
    user: models.Model | None
    summary: str
    object_type: str
    object_id: int
    from_state: str = ""
    to_state: str = ""
    comment: str = ""
    changes: tuple[FieldChange, ...] = ()

    @property
    def user_name(self) -> str:
        return self.user.get_username() if self.user is not None else _("the system")


class Labels:
    """Human names of the rows that changed fields point to, fetched one query per model."""

    def __init__(self) -> None:
        self.wanted: dict[type[models.Model], set[int]] = defaultdict(set)
        self.names: dict[tuple[type[models.Model], int], str] = {}

    def want(self, model: type[models.Model], pk: object) -> None:
        if pk is not None:
            self.wanted[model].add(int(pk))

    def fetch(self) -> None:
        for model, pks in self.wanted.items():
            rows = model.objects.filter(pk__in=pks)
            if model is Appearance:
                rows = rows.select_related("outlet")
            for row in rows:
                self.names[(model, row.pk)] = str(row)

    def name(self, model: type[models.Model], pk: object) -> str:
        if pk is None:
            return ""
        return self.names.get((model, int(pk)), f"{model._meta.verbose_name} {pk} (not found)")


def _records(model: type[models.Model], column: str, claim_id: int) -> list[models.Model]:
    return list(
        model.history.filter(**{column: claim_id})
        .select_related("history_user")
        .order_by("id", "history_date", "history_id")
    )


def _value_label(record: models.Model, field_name: str, value: object, labels: Labels) -> str:
    field = record.instance_type._meta.get_field(field_name)
    if value is None or value == "":
        return ""
    if field.is_relation:
        return labels.name(field.related_model, value)
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


def _object_label(object_type: str, record: models.Model, labels: Labels) -> str:
    if object_type == "appearance":
        return f"{labels.name(Outlet, record.outlet_id)}, {record.published_on:%Y-%m-%d}"
    if object_type == "citation":
        kind = str(CitationKind(record.kind).label).lower() if record.kind in CitationKind.values else record.kind
        return f"{labels.name(Appearance, record.citing_id)} {kind} {labels.name(Appearance, record.cited_id)}"
    if object_type == "evidence":
        return _("%(stance)s on %(day)s") % {
            "stance": record.get_stance_display().lower(),
            "day": f"{record.date:%Y-%m-%d}",
        }
    return ""


# What a history line calls each kind of row, in the reader's language.
OBJECT_WORDS = {
    "claim": gettext_lazy("Claim"),
    "appearance": gettext_lazy("Appearance"),
    "citation": gettext_lazy("Citation"),
    "evidence": gettext_lazy("Evidence"),
}


def _summary(object_type: str, label: str, record: models.Model, changes: list[FieldChange]) -> str:
    noun = str(OBJECT_WORDS.get(object_type, object_type.capitalize()))
    named = f"{noun} {label}".strip() if label else noun
    if record.history_type == "+":
        return _("%(what)s recorded") % {"what": named}
    if record.history_type == "-":
        return _("%(what)s deleted") % {"what": named}
    withdrawal = next((c for c in changes if c.field == "withdrawn_at" and c.old is None), None)
    if withdrawal is not None:
        return _("%(what)s withdrawn: %(reason)s") % {"what": named, "reason": record.withdrawn_reason}
    return _("%(what)s changed: %(fields)s") % {"what": named, "fields": ", ".join(change.field for change in changes)}


def _pairs(records: list[models.Model]) -> Iterable[tuple[models.Model, models.Model | None]]:
    """Each version with the version of the same row before it (None for the first)."""
    previous = None
    for record in records:
        yield record, (previous if previous is not None and previous.id == record.id else None)
        previous = record


def _want_labels(object_type: str, record: models.Model, changed: Iterable[str], labels: Labels) -> None:
    """Ask for the names of the rows that the changed fields and the object's own label point to."""
    fields = record.instance_type._meta
    for name in changed:
        field = fields.get_field(name)
        if field.is_relation:
            labels.want(field.related_model, getattr(record, field.attname))
    if object_type == "appearance":
        labels.want(Outlet, record.outlet_id)
    if object_type == "citation":
        labels.want(Appearance, record.citing_id)
        labels.want(Appearance, record.cited_id)


def _change_entries(claim_id: int) -> list[HistoryEntry]:
    labels = Labels()
    diffs = []
    for model, object_type, column in SOURCES:
        for record, before in _pairs(_records(model, column, claim_id)):
            delta = record.diff_against(before, excluded_fields=NOT_DIFFED) if before is not None else None
            if delta is not None and not delta.changes:
                continue  # e.g. a review-state move, shown as its transition
            changes = delta.changes if delta else []
            diffs.append((object_type, record, changes))
            for when in (record, before):
                if when is not None:
                    _want_labels(object_type, when, [c.field for c in changes], labels)
    labels.fetch()
    entries = []
    for object_type, record, raw_changes in diffs:
        changes = [
            FieldChange(
                field=c.field,
                old=c.old,
                new=c.new,
                old_label=_value_label(record, c.field, c.old, labels),
                new_label=_value_label(record, c.field, c.new, labels),
            )
            for c in raw_changes
        ]
        label = _object_label(object_type, record, labels)
        entries.append(
            HistoryEntry(
                kind=CHANGE,
                at=record.history_date,
                user=record.history_user,
                summary=_summary(object_type, label, record, changes),
                object_type=object_type,
                object_id=record.id,
                comment=record.history_change_reason or "",
                changes=tuple(changes),
            )
        )
    return entries


def _transition_entries(claim_id: int) -> list[HistoryEntry]:
    transitions = ReviewTransition.objects.filter(claim_id=claim_id).select_related("by").order_by("at", "id")
    return [
        HistoryEntry(
            kind=TRANSITION,
            at=t.at,
            user=t.by,
            summary=f"{TRANSITION_VERBS.get(t.to_state, t.to_state)}: "
            f"{str(ReviewState(t.from_state).label).lower()} → {str(ReviewState(t.to_state).label).lower()}",
            object_type="claim",
            object_id=claim_id,
            from_state=t.from_state,
            to_state=t.to_state,
            comment=t.comment,
        )
        for t in transitions
    ]


def claim_history(claim: Claim) -> list[HistoryEntry]:
    """Every transition and every recorded change of the claim and its rows, newest first."""
    entries = _transition_entries(claim.pk) + _change_entries(claim.pk)
    # Python's sort is stable: entries at the same instant keep the order they were gathered in.
    return sorted(entries, key=lambda entry: entry.at, reverse=True)
