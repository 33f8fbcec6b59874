"""Outlet track records kept, not counted at read (claims/models/track_record.py).

ClaimOrigin holds the (claim, outlet) pairs where the outlet originated the claim, each with
the review state and status it was counted under; TrackRecordEntry holds what moved, one row
per statement and key, summed at read. Every statement that writes appearances, citations or
claims recounts the pairs it touched: the recount reads the pair's current appearances and
their citations and the claim's row, so it is the same rule whatever wrote, in whatever order
(bulk writes insert appearances and citations before their claims; a claim's insert counts its
pairs then).

Concurrent writers on PostgreSQL: a recount first locks the claims of its pairs, in id order,
then reads in statements of their own. Whatever changes a pair's origin is a write to one of
that claim's rows whose trigger takes the same lock, and READ COMMITTED gives each later
statement of a trigger function a fresh snapshot: the second writer recounts after the first
has committed, seeing it. The entries are only ever inserted, so no writer waits on another's
counter row. SQLite has one writer at a time; its triggers run per row.

On SQLite, a later migration that remakes claims_claim, claims_appearance or claims_citation
drops their triggers with the old table and must install them again (`install`);
tests/models/test_track_records.py notices if not.
"""

from django.db import migrations, models
import django.db.models.deletion
from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.db.migrations.state import StateApps

# An appearance is an origin when it is current and cites nothing current (SPEC §5).
_ORIGIN = """EXISTS (
    SELECT 1 FROM claims_appearance a
    WHERE a.claim_id = p.claim_id AND a.outlet_id = p.outlet_id AND a.withdrawn_at IS NULL
      AND NOT EXISTS (SELECT 1 FROM claims_citation ci WHERE ci.citing_id = a.id AND ci.withdrawn_at IS NULL))"""


def recount(pairs: str) -> list[str]:
    """The statements that recount the (claim_id, outlet_id) pairs `pairs` selects: what moved
    into TrackRecordEntry (the stored pair taken out where it was counted, the pair as it is now
    put in), then the stored pairs replaced by the current ones."""
    touched = f"(SELECT DISTINCT claim_id, outlet_id FROM ({pairs}) AS touched)"
    now = f"""SELECT p.claim_id, p.outlet_id, c.review_state, c.status
        FROM {touched} AS p JOIN claims_claim c ON c.id = p.claim_id WHERE {_ORIGIN}"""
    return [
        f"""INSERT INTO claims_trackrecordentry (outlet_id, review_state, status, claims)
        SELECT outlet_id, review_state, status, sum(n) FROM (
            SELECT o.outlet_id, o.review_state, o.status, -1 AS n FROM claims_claimorigin o
            WHERE (o.claim_id, o.outlet_id) IN (SELECT claim_id, outlet_id FROM {touched} AS t)
            UNION ALL
            SELECT outlet_id, review_state, status, 1 AS n FROM ({now}) AS now
        ) AS moves GROUP BY outlet_id, review_state, status HAVING sum(n) <> 0""",
        f"""DELETE FROM claims_claimorigin
        WHERE (claim_id, outlet_id) IN (SELECT claim_id, outlet_id FROM {touched} AS t)""",
        f"INSERT INTO claims_claimorigin (claim_id, outlet_id, review_state, status) {now}",
    ]


# PostgreSQL: `gained` and `lost` are the statement's new and old rows (transition tables).
_APPEARANCES_MOVED = """
    SELECT g.claim_id, g.outlet_id FROM gained g JOIN lost l ON l.id = g.id
    WHERE (g.claim_id, g.outlet_id, g.withdrawn_at) IS DISTINCT FROM (l.claim_id, l.outlet_id, l.withdrawn_at)
    UNION ALL
    SELECT l.claim_id, l.outlet_id FROM gained g JOIN lost l ON l.id = g.id
    WHERE (g.claim_id, g.outlet_id, g.withdrawn_at) IS DISTINCT FROM (l.claim_id, l.outlet_id, l.withdrawn_at)"""
_CITATIONS_MOVED = """
    SELECT a.claim_id, a.outlet_id FROM claims_appearance a JOIN (
        SELECT g.citing_id FROM gained g JOIN lost l ON l.id = g.id
        WHERE (g.citing_id, g.withdrawn_at) IS DISTINCT FROM (l.citing_id, l.withdrawn_at)
        UNION ALL
        SELECT l.citing_id FROM gained g JOIN lost l ON l.id = g.id
        WHERE (g.citing_id, g.withdrawn_at) IS DISTINCT FROM (l.citing_id, l.withdrawn_at)
    ) AS moved ON a.id = moved.citing_id"""
_STATEMENT_PAIRS = {
    "appearance_insert": "SELECT claim_id, outlet_id FROM gained",
    "appearance_update": _APPEARANCES_MOVED,
    "appearance_delete": "SELECT claim_id, outlet_id FROM lost",
    "citation_insert": "SELECT a.claim_id, a.outlet_id FROM claims_appearance a JOIN gained g ON a.id = g.citing_id",
    "citation_update": _CITATIONS_MOVED,
    "citation_delete": "SELECT a.claim_id, a.outlet_id FROM claims_appearance a JOIN lost l ON a.id = l.citing_id",
    "claim_insert": "SELECT a.claim_id, a.outlet_id FROM claims_appearance a JOIN gained g ON a.claim_id = g.id",
    # A claim's pairs are read from its appearances, which the recount does not write (its
    # stored origins would be gone by the recount's last statement).
    "claim_update": """
        SELECT a.claim_id, a.outlet_id FROM claims_appearance a JOIN gained g ON g.id = a.claim_id
        JOIN lost l ON l.id = g.id
        WHERE (g.review_state, g.status) IS DISTINCT FROM (l.review_state, l.status)""",
    "claim_delete": "SELECT a.claim_id, a.outlet_id FROM claims_appearance a JOIN lost l ON l.id = a.claim_id",
}
_TABLES = {"appearance": "claims_appearance", "citation": "claims_citation", "claim": "claims_claim"}
_REFERENCING = {
    "insert": "NEW TABLE AS gained",
    "update": "OLD TABLE AS lost NEW TABLE AS gained",
    "delete": "OLD TABLE AS lost",
}


def _postgres_function(name: str, pairs: str) -> str:
    # Locked first, read after: see the module's docstring.
    lock = f"""PERFORM 1 FROM claims_claim WHERE id IN (SELECT claim_id FROM ({pairs}) AS p)
        ORDER BY id FOR NO KEY UPDATE"""
    body = "".join(f"{statement};\n" for statement in [lock, *recount(pairs)])
    return f"CREATE OR REPLACE FUNCTION claims_track_record_{name}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN\n{body} RETURN NULL; END $$"


def _postgres_trigger(name: str) -> str:
    table, event = name.split("_")
    return (
        f"CREATE TRIGGER track_record_{name} AFTER {event.upper()} ON {_TABLES[table]} "
        f"REFERENCING {_REFERENCING[event]} FOR EACH STATEMENT EXECUTE FUNCTION claims_track_record_{name}()"
    )


POSTGRES = [
    *(_postgres_function(name, pairs) for name, pairs in _STATEMENT_PAIRS.items()),
    *(_postgres_trigger(name) for name in _STATEMENT_PAIRS),
]
POSTGRES_DROP = [
    *(f"DROP TRIGGER IF EXISTS track_record_{name} ON {_TABLES[name.split('_')[0]]}" for name in _STATEMENT_PAIRS),
    *(f"DROP FUNCTION IF EXISTS claims_track_record_{name}()" for name in _STATEMENT_PAIRS),
]

# SQLite, per row: the pairs of the row before and after.
_CITING = "SELECT claim_id, outlet_id FROM claims_appearance WHERE id = {}.citing_id"
_ROW_PAIRS = {
    "appearance_insert": ("", "SELECT NEW.claim_id AS claim_id, NEW.outlet_id AS outlet_id"),
    "appearance_update": (
        "OF claim_id, outlet_id, withdrawn_at",
        "SELECT NEW.claim_id AS claim_id, NEW.outlet_id AS outlet_id UNION ALL SELECT OLD.claim_id, OLD.outlet_id",
    ),
    "appearance_delete": ("", "SELECT OLD.claim_id AS claim_id, OLD.outlet_id AS outlet_id"),
    "citation_insert": ("", _CITING.format("NEW")),
    "citation_update": ("OF citing_id, withdrawn_at", f"{_CITING.format('NEW')} UNION ALL {_CITING.format('OLD')}"),
    "citation_delete": ("", _CITING.format("OLD")),
    "claim_insert": ("", "SELECT claim_id, outlet_id FROM claims_appearance WHERE claim_id = NEW.id"),
    "claim_update": (
        "OF review_state, status",
        "SELECT claim_id, outlet_id FROM claims_appearance WHERE claim_id = NEW.id",
    ),
    "claim_delete": ("", "SELECT claim_id, outlet_id FROM claims_appearance WHERE claim_id = OLD.id"),
}


# An UPDATE that writes a column without changing it (rescoring writes every score column)
# recounts nothing.
_ROW_CHANGED = {
    "appearance_update": ("claim_id", "outlet_id", "withdrawn_at"),
    "citation_update": ("citing_id", "withdrawn_at"),
    "claim_update": ("review_state", "status"),
}


def _sqlite_trigger(name: str, columns: str, pairs: str) -> str:
    table, event = name.split("_")
    body = "".join(f"{statement};\n" for statement in recount(pairs))
    changed = " OR ".join(f"OLD.{column} IS NOT NEW.{column}" for column in _ROW_CHANGED.get(name, ()))
    when = f"WHEN {changed} " if changed else ""
    return (
        f"CREATE TRIGGER track_record_{name} AFTER {event.upper()} {columns} ON {_TABLES[table]} "
        f"FOR EACH ROW {when}BEGIN\n{body} END"
    )


SQLITE = [_sqlite_trigger(name, columns, pairs) for name, (columns, pairs) in _ROW_PAIRS.items()]
SQLITE_DROP = [f"DROP TRIGGER IF EXISTS track_record_{name}" for name in _ROW_PAIRS]

# What is stored already, counted once.
BACKFILL = [
    f"""INSERT INTO claims_claimorigin (claim_id, outlet_id, review_state, status)
    SELECT p.claim_id, p.outlet_id, c.review_state, c.status
    FROM (SELECT DISTINCT claim_id, outlet_id FROM claims_appearance WHERE withdrawn_at IS NULL) AS p
    JOIN claims_claim c ON c.id = p.claim_id WHERE {_ORIGIN}""",
    """INSERT INTO claims_trackrecordentry (outlet_id, review_state, status, claims)
    SELECT outlet_id, review_state, status, count(*) FROM claims_claimorigin GROUP BY outlet_id, review_state, status""",
]


def install(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    postgres = schema_editor.connection.vendor == "postgresql"
    for statement in [*(POSTGRES_DROP if postgres else SQLITE_DROP), *(POSTGRES if postgres else SQLITE)]:
        schema_editor.execute(statement)


def uninstall(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    postgres = schema_editor.connection.vendor == "postgresql"
    for statement in POSTGRES_DROP if postgres else SQLITE_DROP:
        schema_editor.execute(statement)


def backfill(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    for statement in BACKFILL:
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [
        ("claims", "0021_webhook_merge_events"),
    ]

    operations = [
        migrations.CreateModel(
            name="ClaimOrigin",
            fields=[
                (
                    "pk",
                    models.CompositePrimaryKey(
                        "claim_id", "outlet_id", blank=True, editable=False, primary_key=True, serialize=False
                    ),
                ),
                (
                    "review_state",
                    models.CharField(
                        choices=[
                            ("draft", "Draft"),
                            ("in_review", "In review"),
                            ("published", "Published"),
                            ("rejected", "Rejected"),
                            ("retracted", "Retracted"),
                        ],
                        editable=False,
                        max_length=20,
                    ),
                ),
                (
                    "status",
                    models.CharField(
                        choices=[("unclaimed", "Unclaimed"), ("confirmed", "Confirmed"), ("denied", "Denied")],
                        editable=False,
                        max_length=20,
                    ),
                ),
                (
                    "claim",
                    models.ForeignKey(
                        db_constraint=False,
                        db_index=False,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="origin_links",
                        to="claims.claim",
                    ),
                ),
                (
                    "outlet",
                    models.ForeignKey(
                        db_constraint=False,
                        db_index=False,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="origin_links",
                        to="claims.outlet",
                    ),
                ),
            ],
        ),
        migrations.CreateModel(
            name="TrackRecordEntry",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                (
                    "review_state",
                    models.CharField(
                        choices=[
                            ("draft", "Draft"),
                            ("in_review", "In review"),
                            ("published", "Published"),
                            ("rejected", "Rejected"),
                            ("retracted", "Retracted"),
                        ],
                        editable=False,
                        max_length=20,
                    ),
                ),
                (
                    "status",
                    models.CharField(
                        choices=[("unclaimed", "Unclaimed"), ("confirmed", "Confirmed"), ("denied", "Denied")],
                        editable=False,
                        max_length=20,
                    ),
                ),
                ("claims", models.IntegerField()),
                (
                    "outlet",
                    models.ForeignKey(
                        db_constraint=False,
                        db_index=False,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="claims.outlet",
                    ),
                ),
            ],
            options={
                "indexes": [models.Index(fields=["outlet", "review_state", "status"], name="track_record_outlet_idx")],
            },
        ),
        migrations.RunPython(install, uninstall),
        migrations.RunPython(backfill, migrations.RunPython.noop),
    ]
