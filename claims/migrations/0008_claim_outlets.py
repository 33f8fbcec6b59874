"""ClaimOutlet, and the triggers that keep it: one row per claim and outlet with a current
appearance, carrying the claim's updated_at (see claims/models/claim_outlet.py).

The database keeps the copy itself, on every write path alike. PostgreSQL's
triggers run once per statement over its changed rows (transition tables), so a
bulk INSERT or COPY of appearances costs one INSERT … SELECT, not one call per
row; SQLite's run per row. The backfill fills the table from what is stored.

On SQLite, a later migration that remakes claims_claim or claims_appearance
(how SQLite alters a table) drops their triggers with the old table and must
install them again (`install`); tests/models/test_claim_outlets.py notices if not.
"""

import django.db.models.deletion
from django.db import migrations, models

# What the triggers do, statement by statement. `gained` and `lost` are the new and old
# appearances of the statement that fired them, `added` and `changed` its new and changed
# claims (transition tables).
_GAIN = """
        INSERT INTO claims_claimoutlet (claim_id, outlet_id, claim_updated_at)
        SELECT DISTINCT a.claim_id, a.outlet_id, c.updated_at
        FROM gained a JOIN claims_claim c ON c.id = a.claim_id
        WHERE a.withdrawn_at IS NULL
        ON CONFLICT DO NOTHING"""
_LOSS = """
        DELETE FROM claims_claimoutlet p
        USING (SELECT DISTINCT claim_id, outlet_id FROM lost) l
        WHERE p.claim_id = l.claim_id AND p.outlet_id = l.outlet_id
          AND NOT EXISTS (
            SELECT 1 FROM claims_appearance a
            WHERE a.outlet_id = l.outlet_id AND a.claim_id = l.claim_id AND a.withdrawn_at IS NULL
          )"""
_NEW_CLAIM = """
        INSERT INTO claims_claimoutlet (claim_id, outlet_id, claim_updated_at)
        SELECT DISTINCT a.claim_id, a.outlet_id, c.updated_at
        FROM added c JOIN claims_appearance a ON a.claim_id = c.id
        WHERE a.withdrawn_at IS NULL
        ON CONFLICT DO NOTHING"""
_TOUCH = """
        UPDATE claims_claimoutlet p SET claim_updated_at = c.updated_at
        FROM changed c
        WHERE p.claim_id = c.id AND p.claim_updated_at <> c.updated_at"""


def _function(name: str, *statements: str) -> str:
    body = "".join(f"{statement};" for statement in statements)
    return f"CREATE OR REPLACE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN{body} RETURN NULL; END $$"


POSTGRES = [
    _function("claims_claim_outlet_gain", _GAIN),
    _function("claims_claim_outlet_loss", _LOSS),
    _function("claims_claim_outlet_change", _LOSS, _GAIN),
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

# The pair loses its row when no current appearance of it is left.
_SQLITE_LOSS = """
    DELETE FROM claims_claimoutlet WHERE claim_id = OLD.claim_id AND outlet_id = OLD.outlet_id
      AND NOT EXISTS (
        SELECT 1 FROM claims_appearance
        WHERE outlet_id = OLD.outlet_id AND claim_id = OLD.claim_id AND withdrawn_at IS NULL
      );
"""
_SQLITE_GAIN = """
    INSERT OR IGNORE INTO claims_claimoutlet (claim_id, outlet_id, claim_updated_at)
    SELECT NEW.claim_id, NEW.outlet_id, updated_at FROM claims_claim
    WHERE id = NEW.claim_id AND NEW.withdrawn_at IS NULL;
"""
SQLITE = [
    f"CREATE TRIGGER claim_outlet_appearance_insert AFTER INSERT ON claims_appearance BEGIN {_SQLITE_GAIN} END",
    "CREATE TRIGGER claim_outlet_appearance_update "
    f"AFTER UPDATE OF claim_id, outlet_id, withdrawn_at ON claims_appearance BEGIN {_SQLITE_LOSS} {_SQLITE_GAIN} END",
    f"CREATE TRIGGER claim_outlet_appearance_delete AFTER DELETE ON claims_appearance BEGIN {_SQLITE_LOSS} END",
    # Rows may arrive in either order (foreign keys are checked at commit): a claim inserted
    # after its appearances pairs them too.
    "CREATE TRIGGER claim_outlet_claim_insert AFTER INSERT ON claims_claim BEGIN "
    "INSERT OR IGNORE INTO claims_claimoutlet (claim_id, outlet_id, claim_updated_at) "
    "SELECT DISTINCT NEW.id, outlet_id, NEW.updated_at FROM claims_appearance "
    "WHERE claim_id = NEW.id AND withdrawn_at IS NULL; END",
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

BACKFILL = """
    INSERT INTO claims_claimoutlet (claim_id, outlet_id, claim_updated_at)
    SELECT DISTINCT a.claim_id, a.outlet_id, c.updated_at
    FROM claims_appearance a JOIN claims_claim c ON c.id = a.claim_id
    WHERE a.withdrawn_at IS NULL
"""


def install(apps, schema_editor) -> None:
    postgres = schema_editor.connection.vendor == "postgresql"
    for statement in [*(POSTGRES_DROP if postgres else SQLITE_DROP), *(POSTGRES if postgres else SQLITE)]:
        schema_editor.execute(statement)


def uninstall(apps, schema_editor) -> None:
    postgres = schema_editor.connection.vendor == "postgresql"
    for statement in POSTGRES_DROP if postgres else SQLITE_DROP:
        schema_editor.execute(statement)


def backfill(apps, schema_editor) -> None:
    schema_editor.execute(BACKFILL)


class Migration(migrations.Migration):

    dependencies = [('claims', '0007_lighter_indexes')]

    operations = [
        migrations.CreateModel(
            name='ClaimOutlet',
            fields=[
                ('pk', models.CompositePrimaryKey('claim_id', 'outlet_id', blank=True, editable=False, primary_key=True, serialize=False)),
                ('claim_updated_at', models.DateTimeField()),
                ('claim', models.ForeignKey(db_constraint=False, db_index=False, on_delete=django.db.models.deletion.DO_NOTHING, related_name='outlet_links', to='claims.claim')),
                ('outlet', models.ForeignKey(db_constraint=False, db_index=False, on_delete=django.db.models.deletion.DO_NOTHING, related_name='claim_links', to='claims.outlet')),
            ],
            options={
                'indexes': [models.Index(fields=['outlet', 'claim_updated_at', 'claim'], name='claim_outlet_sync_idx')],
            },
        ),
        migrations.RunPython(install, uninstall),
        migrations.RunPython(backfill, migrations.RunPython.noop),
    ]
