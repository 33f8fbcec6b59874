"""The columns a generated row fills, in order, checked against the models.

Rows are plain tuples because the corpus runs to millions of them. Columns a
synthetic row never varies (nobody created or withdrew it) are appended as
constants by the writers. If a model gains a column, building its table fails
at once with the column's name, instead of a load that leaves it empty.
"""

from dataclasses import dataclass

from django.core.exceptions import ImproperlyConfigured
from django.db import models

from claims.models import Actor, Affiliation, Appearance, Citation, Claim, Event, Outlet, StatusEvidence

# Every generated row says where it came from, so synthetic data can be told apart from real records.
SOURCE_DOCUMENT = "synthetic"

NOT_WITHDRAWN = {"withdrawn_at": None, "withdrawn_reason": "", "withdrawn_by_id": None}
NOBODY = {"created_by_id": None}


@dataclass(frozen=True)
class Table:
    model: type[models.Model]
    columns: tuple[str, ...]
    constant_columns: tuple[str, ...]
    constants: tuple[object, ...]

    @property
    def name(self) -> str:
        return self.model._meta.db_table

    @property
    def all_columns(self) -> tuple[str, ...]:
        return self.columns + self.constant_columns

    def __post_init__(self) -> None:
        wanted = {field.column for field in self.model._meta.concrete_fields}
        given = set(self.all_columns)
        if wanted != given or len(given) != len(self.all_columns):
            raise ImproperlyConfigured(
                f"Synthetic rows for {self.name} do not match the model: "
                f"missing {sorted(wanted - given)}, unknown {sorted(given - wanted)}."
            )


def table(model: type[models.Model], columns: str, **constants: object) -> Table:
    return Table(model, tuple(columns.split()), tuple(constants), tuple(constants.values()))


OUTLETS = table(
    Outlet,
    "id created_at updated_at name slug aliases kind country language url domain reliability reliability_note "
    "search_names",
)
ACTORS = table(Actor, "id created_at updated_at name slug aliases kind description search_names")
AFFILIATIONS = table(
    Affiliation,
    "id created_at updated_at outlet_id actor_id relation stated_by_outlet_id stated_by_url quote valid_from valid_to",
    **NOT_WITHDRAWN,
    **NOBODY,
    source_document=SOURCE_DOCUMENT,
    external_ref=None,
)
EVENTS = table(Event, "id created_at updated_at title slug date location description")
CLAIMS = table(
    Claim,
    "id created_at updated_at text kind subject_id event_id review_state external_ref status confidence credibility "
    "admiralty_code confidence_factors independent_origin_count appearance_count first_reported search_text text_key",
    **NOBODY,
    notes="",
    source_document=SOURCE_DOCUMENT,
    language="en",  # the generator writes its claims in English (claims/fastpath/synthetic/claims.py)
    merged_into_id=None,
)
APPEARANCES = table(
    Appearance,
    "id created_at updated_at claim_id outlet_id published_on url headline language excerpt attributed_source",
    **NOT_WITHDRAWN,
    **NOBODY,
    author="",
    source_document=SOURCE_DOCUMENT,
    external_ref=None,
)
CITATIONS = table(Citation, "id created_at claim_id citing_id cited_id kind", **NOT_WITHDRAWN, **NOBODY, note="")
EVIDENCE = table(
    StatusEvidence,
    "id created_at updated_at claim_id stance actor_id date appearance_id url note",
    **NOT_WITHDRAWN,
    **NOBODY,
    source_document=SOURCE_DOCUMENT,
    external_ref=None,
)

BULK_TABLES = (CLAIMS, APPEARANCES, CITATIONS, EVIDENCE)
DIRECTORY_TABLES = (OUTLETS, ACTORS, AFFILIATIONS, EVENTS)
