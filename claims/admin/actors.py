"""Actors: the parties claims name, with every spelling of their names."""

from django.contrib import admin

from claims.admin.forms import ActorForm
from claims.admin.saving import ServiceAdmin, Services
from claims.admin.search import FoldedSearchMixin
from claims.models import Actor
from claims.services.actors import actor_create, actor_update


@admin.register(Actor)
class ActorAdmin(FoldedSearchMixin, ServiceAdmin):
    form = ActorForm
    services = Services(noun="actor", create=actor_create, update=actor_update)
    list_display = ["name", "kind", "slug", "alias_list", "updated_at"]
    list_filter = ["kind"]
    search_fields = ["name", "slug", "aliases", "search_names"]
    fields = ["name", "slug", "aliases", "kind", "description", "created_at", "updated_at"]
    readonly_fields = ["created_at", "updated_at"]

    @admin.display(description="aliases")
    def alias_list(self, actor: Actor) -> str:
        return ", ".join(actor.aliases)
