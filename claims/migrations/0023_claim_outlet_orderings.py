"""ClaimOutlet carries the claim's confidence and first_reported beside its updated_at, so that
the outlet filter reads `ordering=confidence` and `ordering=first_reported` (either way) in order
off an index, as it reads `updated_at` (docs/performance.md).

The trigger functions of 0008_claim_outlets are replaced by ones that copy the three columns
where they copied one; the locking is theirs unchanged. On SQLite, which remakes the table to
add a column and cannot while triggers name it, the triggers are dropped first and made again
with the new columns last.
"""

import importlib

from django.db import migrations, models
from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.db.migrations.state import StateApps

claim_outlets = importlib.import_module("claims.migrations.0008_claim_outlets")

_COPIED = "claim_updated_at, claim_confidence, claim_first_reported"


def _count(*sources: tuple[str, int]) -> str:
    changes = " UNION ALL ".join(
        f"SELECT claim_id, outlet_id, {sign} AS n FROM {table} WHERE withdrawn_at IS NULL" for table, sign in sources
    )
    return f"""
        INSERT INTO claims_claimoutlet (claim_id, outlet_id, appearances, {_COPIED})
        SELECT d.claim_id, d.outlet_id, d.n, c.updated_at, c.confidence, c.first_reported
        FROM (
            SELECT claim_id, outlet_id, sum(n) AS n FROM ({changes}) AS changes
            GROUP BY claim_id, outlet_id HAVING sum(n) <> 0
        ) AS d JOIN claims_claim c ON c.id = d.claim_id
        ON CONFLICT (claim_id, outlet_id)
        DO UPDATE SET appearances = claims_claimoutlet.appearances + excluded.appearances"""


_NEW_CLAIM = f"""
        INSERT INTO claims_claimoutlet (claim_id, outlet_id, appearances, {_COPIED})
        SELECT a.claim_id, a.outlet_id, count(*), c.updated_at, c.confidence, c.first_reported
        FROM added c JOIN claims_appearance a ON a.claim_id = c.id
        WHERE a.withdrawn_at IS NULL
        GROUP BY a.claim_id, a.outlet_id, c.updated_at, c.confidence, c.first_reported
        ON CONFLICT DO NOTHING"""
_TOUCH = """
        UPDATE claims_claimoutlet p
        SET claim_updated_at = c.updated_at, claim_confidence = c.confidence, claim_first_reported = c.first_reported
        FROM changed c
        WHERE p.claim_id = c.id AND (p.claim_updated_at, p.claim_confidence, p.claim_first_reported)
            IS DISTINCT FROM (c.updated_at, c.confidence, c.first_reported)"""
_function, _LOCK, _EMPTIED = claim_outlets._function, claim_outlets._LOCK_CLAIMS, claim_outlets._EMPTIED

POSTGRES = [
    _function("claims_claim_outlet_gain", _LOCK, _count(("gained", 1))),
    _function("claims_claim_outlet_loss", _count(("lost", -1)), _EMPTIED),
    _function("claims_claim_outlet_change", _LOCK, _count(("gained", 1), ("lost", -1)), _EMPTIED),
    _function("claims_claim_outlet_new_claim", _NEW_CLAIM),
    _function("claims_claim_outlet_touch", _TOUCH),
]

_SQLITE_GAIN = f"""
    INSERT INTO claims_claimoutlet (claim_id, outlet_id, appearances, {_COPIED})
    SELECT NEW.claim_id, NEW.outlet_id, 1, updated_at, confidence, first_reported FROM claims_claim
    WHERE id = NEW.claim_id AND NEW.withdrawn_at IS NULL
    ON CONFLICT (claim_id, outlet_id) DO UPDATE SET appearances = appearances + 1;
"""
_SQLITE_LOSS = claim_outlets._SQLITE_LOSS
SQLITE = [
    f"CREATE TRIGGER claim_outlet_appearance_insert AFTER INSERT ON claims_appearance BEGIN {_SQLITE_GAIN} END",
    "CREATE TRIGGER claim_outlet_appearance_update "
    f"AFTER UPDATE OF claim_id, outlet_id, withdrawn_at ON claims_appearance BEGIN {_SQLITE_LOSS} {_SQLITE_GAIN} END",
    f"CREATE TRIGGER claim_outlet_appearance_delete AFTER DELETE ON claims_appearance BEGIN {_SQLITE_LOSS} END",
    "CREATE TRIGGER claim_outlet_claim_insert AFTER INSERT ON claims_claim BEGIN "
    f"INSERT OR IGNORE INTO claims_claimoutlet (claim_id, outlet_id, appearances, {_COPIED}) "
    "SELECT NEW.id, outlet_id, count(*), NEW.updated_at, NEW.confidence, NEW.first_reported FROM claims_appearance "
    "WHERE claim_id = NEW.id AND withdrawn_at IS NULL GROUP BY outlet_id; END",
    "CREATE TRIGGER claim_outlet_claim_update AFTER UPDATE OF updated_at, confidence, first_reported ON claims_claim "
    "BEGIN UPDATE claims_claimoutlet SET claim_updated_at = NEW.updated_at, claim_confidence = NEW.confidence, "
    "claim_first_reported = NEW.first_reported WHERE claim_id = NEW.id; END",
]

BACKFILL = """
    UPDATE claims_claimoutlet SET claim_confidence = c.confidence, claim_first_reported = c.first_reported
    FROM claims_claim c WHERE c.id = claims_claimoutlet.claim_id
"""


def install(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    """The triggers as they are now (any left of the old ones replaced), and the copies filled."""
    postgres = schema_editor.connection.vendor == "postgresql"
    for statement in POSTGRES if postgres else [*claim_outlets.SQLITE_DROP, *SQLITE]:
        schema_editor.execute(statement)
    schema_editor.execute(BACKFILL)


def set_aside_on_sqlite(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    """SQLite remakes claims_claimoutlet to add a column, and cannot while triggers name it."""
    if schema_editor.connection.vendor != "postgresql":
        claim_outlets.uninstall(apps, schema_editor)


class Migration(migrations.Migration):

    dependencies = [
        ('claims', '0022_track_records'),
    ]

    operations = [
        migrations.RunPython(set_aside_on_sqlite, claim_outlets.install),
        migrations.AddField(
            model_name='claimoutlet',
            name='claim_confidence',
            field=models.PositiveSmallIntegerField(default=0),
        ),
        migrations.AddField(
            model_name='claimoutlet',
            name='claim_first_reported',
            field=models.DateField(null=True),
        ),
        migrations.AddIndex(
            model_name='claimoutlet',
            index=models.Index(fields=['outlet', 'claim_confidence', 'claim'], name='claim_outlet_confidence_idx'),
        ),
        migrations.AddIndex(
            model_name='claimoutlet',
            index=models.Index(fields=['outlet', 'claim_first_reported', 'claim'], name='claim_outlet_reported_idx'),
        ),
        migrations.RunPython(install, claim_outlets.uninstall),
    ]
