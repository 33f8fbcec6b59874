"""The Django admin: one module per model or concern. It translates; the services decide."""

from django.contrib import admin

from claims.admin import (  # noqa: F401  (each module registers its admin)
    actor_affiliations,
    actors,
    affiliations,
    appearances,
    citations,
    claims,
    events,
    evidence,
    feeds,
    login,
    outlets,
    transitions,
)

admin.site.site_header = "Provenance"
admin.site.site_title = "Provenance admin"
admin.site.index_title = "Claims, outlets and their review"
