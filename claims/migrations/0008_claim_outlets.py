"""ClaimOutlet, and the triggers that keep it: one row per claim and outlet with current
appearances, counting them and carrying the claim's updated_at (claims/models/claim_outlet.py).

The database keeps the copy itself, on every write path alike. PostgreSQL's triggers run
once per statement over its changed rows (transition tables), so a bulk INSERT or COPY of
appearances costs one statement, not one call per row; SQLite's run per row.

Concurrent writers stay right on PostgreSQL because they meet on locks: a count changes
by `INSERT … ON CONFLICT DO UPDATE`, which locks the pair's row, so a withdrawal and an
addition of two appearances of one pair are applied one after the other; and a trigger
that copies a claim's updated_at first locks the claim's row, so the value it copies is
the one the claim keeps until this transaction ends. SQLite has one writer at a time.

On SQLite, a later migration that remakes claims_claim or claims_appearance (how SQLite
alters a table) drops their triggers with the old table and must install them again
(`install`); tests/models/test_claim_outlets.py notices if not.
"""

import django.db.models.deletion
from django.db import migrations, models
from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.db.migrations.state import StateApps


# PostgreSQL. `gained` and `lost` are the new and old appearances of the statement that fired
# a trigger, `added` and `changed` its new and changed claims (transition tables).
def _count(*sources: tuple[str, int]) -> str:
    """Each pair's change in current appearances, added to its row. A pair whose claim is not
    written yet is left out here and counted when the claim is (claims_claim_outlet_new_claim)."""
    changes = " UNION ALL ".join(
        f"SELECT claim_id, outlet_id, {sign} AS n FROM {table} WHERE withdrawn_at IS NULL" for table, sign in sources
    )
    return f"""
        INSERT INTO claims_claimoutlet (claim_id, outlet_id, appearances, claim_updated_at)
        SELECT d.claim_id, d.outlet_id, d.n, c.updated_at
        FROM (
            SELECT claim_id, outlet_id, sum(n) AS n FROM ({changes}) AS changes
            GROUP BY claim_id, outlet_id HAVING sum(n) <> 0
        ) AS d JOIN claims_claim c ON c.id = d.claim_id
        ON CONFLICT (claim_id, outlet_id)
        DO UPDATE SET appearances = claims_claimoutlet.appearances + excluded.appearances"""


_LOCK_CLAIMS = """
        PERFORM 1 FROM claims_claim WHERE id IN (SELECT claim_id FROM gained) ORDER BY id FOR NO KEY UPDATE"""
_EMPTIED = """
        DELETE FROM claims_claimoutlet p USING lost l
        WHERE p.claim_id = l.claim_id AND p.outlet_id = l.outlet_id AND p.appearances <= 0"""
_NEW_CLAIM = """
        INSERT INTO claims_claimoutlet (claim_id, outlet_id, appearances, claim_updated_at)
        SELECT a.claim_id, a.outlet_id, count(*), c.updated_at
        FROM added c JOIN claims_appearance a ON a.claim_id = c.id
        WHERE a.withdrawn_at IS NULL
        GROUP BY a.claim_id, a.outlet_id, c.updated_at
        ON CONFLICT DO NOTHING"""
_TOUCH = """
        UPDATE claims_claimoutlet p SET claim_updated_at = c.updated_at
        FROM changed c
        WHERE p.claim_id = c.id AND p.claim_updated_at <> c.updated_at"""


def _function(name: str, *statements: str) -> str:
    body = "".join(f"{statement};" for statement in statements)
    return f"CREATE OR REPLACE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN{body} RETURN NULL; END $$"


POSTGRES = [
    _function("claims_claim_outlet_gain", _LOCK_CLAIMS, _count(("gained", 1))),
    _function("claims_claim_outlet_loss", _count(("lost", -1)), _EMPTIED),
    _function("claims_claim_outlet_change", _LOCK_CLAIMS, _count(("gained", 1), ("lost", -1)), _EMPTIED),
    _function("claims_claim_outlet_new_claim", _NEW_CLAIM),
    _function("claims_claim_outlet_touch", _TOUCH),
    """
    CREATE TRIGGER claim_outlet_appearance_insert AFTER INSERT ON claims_appearance
    REFERENCING NEW TABLE AS gained FOR EACH STATEMENT EXECUTE FUNCTION claims_claim_outlet_gain()
    """,
    """
    CREATE TRIGGER claim_outlet_appearance_update AFTER UPDATE ON claims_appearance
    REFERENCING OLD TABLE AS lost NEW TABLE AS gained FOR EACH STATEMENT EXECUTE FUNCTION claims_claim_outlet_change()
    """,
    """
    CREATE TRIGGER claim_outlet_appearance_delete AFTER DELETE ON claims_appearance
    REFERENCING OLD TABLE AS lost FOR EACH STATEMENT EXECUTE FUNCTION claims_claim_outlet_loss()
    """,
    """
    CREATE TRIGGER claim_outlet_claim_insert AFTER INSERT ON claims_claim
    REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION claims_claim_outlet_new_claim()
    """,
    """
    CREATE TRIGGER claim_outlet_claim_update AFTER UPDATE ON claims_claim
    REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION claims_claim_outlet_touch()
    """,
]
POSTGRES_DROP = [
    "DROP TRIGGER IF EXISTS claim_outlet_appearance_insert ON claims_appearance",
    "DROP TRIGGER IF EXISTS claim_outlet_appearance_update ON claims_appearance",
    "DROP TRIGGER IF EXISTS claim_outlet_appearance_delete ON claims_appearance",
    "DROP TRIGGER IF EXISTS claim_outlet_claim_insert ON claims_claim",
    "DROP TRIGGER IF EXISTS claim_outlet_claim_update ON claims_claim",
    "DROP FUNCTION IF EXISTS claims_claim_outlet_gain(), claims_claim_outlet_loss(), "
    "claims_claim_outlet_change(), claims_claim_outlet_new_claim(), claims_claim_outlet_touch()",
]

# SQLite, per row. The pair's count goes down by a current appearance lost, and its row goes
# when none is left; it goes up by one gained, the row written if it is the first.
_SQLITE_LOSS = """
    UPDATE claims_claimoutlet SET appearances = appearances - 1
    WHERE claim_id = OLD.claim_id AND outlet_id = OLD.outlet_id AND OLD.withdrawn_at IS NULL;
    DELETE FROM claims_claimoutlet
    WHERE claim_id = OLD.claim_id AND outlet_id = OLD.outlet_id AND appearances <= 0;
"""
_SQLITE_GAIN = """
    INSERT INTO claims_claimoutlet (claim_id, outlet_id, appearances, claim_updated_at)
    SELECT NEW.claim_id, NEW.outlet_id, 1, updated_at FROM claims_claim
    WHERE id = NEW.claim_id AND NEW.withdrawn_at IS NULL
    ON CONFLICT (claim_id, outlet_id) DO UPDATE SET appearances = appearances + 1;
"""
SQLITE = [
    f"CREATE TRIGGER claim_outlet_appearance_insert AFTER INSERT ON claims_appearance BEGIN {_SQLITE_GAIN} END",
    "CREATE TRIGGER claim_outlet_appearance_update "
    f"AFTER UPDATE OF claim_id, outlet_id, withdrawn_at ON claims_appearance BEGIN {_SQLITE_LOSS} {_SQLITE_GAIN} END",
    f"CREATE TRIGGER claim_outlet_appearance_delete AFTER DELETE ON claims_appearance BEGIN {_SQLITE_LOSS} END",
    # Rows may arrive in either order (foreign keys are checked at commit): a claim inserted
    # after its appearances counts them.
    "CREATE TRIGGER claim_outlet_claim_insert AFTER INSERT ON claims_claim BEGIN "
    "INSERT OR IGNORE INTO claims_claimoutlet (claim_id, outlet_id, appearances, claim_updated_at) "
    "SELECT NEW.id, outlet_id, count(*), NEW.updated_at FROM claims_appearance "
    "WHERE claim_id = NEW.id AND withdrawn_at IS NULL GROUP BY outlet_id; END",
    "CREATE TRIGGER claim_outlet_claim_update AFTER UPDATE OF updated_at ON claims_claim BEGIN "
    "UPDATE claims_claimoutlet SET claim_updated_at = NEW.updated_at WHERE claim_id = NEW.id; END",
]
SQLITE_DROP = [
    f"DROP TRIGGER IF EXISTS {name}"
    for name in (
        "claim_outlet_appearance_insert",
        "claim_outlet_appearance_update",
        "claim_outlet_appearance_delete",
        "claim_outlet_claim_insert",
        "claim_outlet_claim_update",
    )
]

# What is stored already (the same as claims.fastpath.claim_outlets fills after a load).
BACKFILL = """
    INSERT INTO claims_claimoutlet (claim_id, outlet_id, appearances, claim_updated_at)
    SELECT a.claim_id, a.outlet_id, count(*), c.updated_at
    FROM claims_appearance a JOIN claims_claim c ON c.id = a.claim_id
    WHERE a.withdrawn_at IS NULL
    GROUP BY a.claim_id, a.outlet_id, c.updated_at
"""


def install(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    postgres = schema_editor.connection.vendor == "postgresql"
    for statement in [*(POSTGRES_DROP if postgres else SQLITE_DROP), *(POSTGRES if postgres else SQLITE)]:
        schema_editor.execute(statement)


def uninstall(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    postgres = schema_editor.connection.vendor == "postgresql"
    for statement in POSTGRES_DROP if postgres else SQLITE_DROP:
        schema_editor.execute(statement)


def backfill(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    schema_editor.execute(BACKFILL)


class Migration(migrations.Migration):
    dependencies = [("claims", "0007_lighter_indexes")]

    operations = [
        migrations.CreateModel(
            name="ClaimOutlet",
            fields=[
                (
                    "pk",
                    models.CompositePrimaryKey(
                        "claim_id", "outlet_id", blank=True, editable=False, primary_key=True, serialize=False
                    ),
                ),
                ("appearances", models.IntegerField()),
                ("claim_updated_at", models.DateTimeField()),
                (
                    "claim",
                    models.ForeignKey(
                        db_constraint=False,
                        db_index=False,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="outlet_links",
                        to="claims.claim",
                    ),
                ),
                (
                    "outlet",
                    models.ForeignKey(
                        db_constraint=False,
                        db_index=False,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="claim_links",
                        to="claims.outlet",
                    ),
                ),
            ],
            options={
                "indexes": [models.Index(fields=["outlet", "claim_updated_at", "claim"], name="claim_outlet_sync_idx")],
            },
        ),
        migrations.RunPython(install, uninstall),
        migrations.RunPython(backfill, migrations.RunPython.noop),
    ]
