"""Trigram indexes for the inbox's `q` (words in the headline or summary), on PostgreSQL only.

`q` filters with icontains, which PostgreSQL writes as `UPPER(column) LIKE UPPER(%word%)`: an
index of trigrams of the upper-cased column serves it. SQLite scans, as it does for the claims'
`q` (docs/performance.md).
"""

from django.db import migrations

INDEXES = [
    ("inbox_title_trgm", "claims_inboxitem", 'UPPER("title"::text)'),
    ("inbox_summary_trgm", "claims_inboxitem", 'UPPER("summary"::text)'),
]


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for name, table, expression in INDEXES:
        schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {table} USING gin (({expression}) gin_trgm_ops)")


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, _, _ in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("claims", "0026_intake_roles")]
    operations = [migrations.RunPython(create, drop)]
