"""Trigram indexes for search and near-duplicate lookup, on PostgreSQL only.

SQLite has no pg_trgm; there the same queries run as plain scans (see
docs/performance.md), so this migration does nothing on it.
"""

from django.db import migrations

INDEXES = [
    ("claim_search_trgm", "claims_claim", "search_text"),
    ("claim_text_key_trgm", "claims_claim", "text_key"),
    ("outlet_search_trgm", "claims_outlet", "search_names"),
    ("actor_search_trgm", "claims_actor", "search_names"),
]


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for name, table, column in INDEXES:
        schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {table} USING gin ({column} gin_trgm_ops)")


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, _, _ in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("claims", "0001_initial")]
    operations = [migrations.RunPython(create, drop)]
