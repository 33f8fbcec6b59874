"""Events: what happened; claims attribute them to actors."""

from django.contrib import admin

from claims.admin.forms import EventForm
from claims.admin.saving import ServiceAdmin, Services
from claims.models import Event
from claims.services.events import event_create, event_update


@admin.register(Event)
class EventAdmin(ServiceAdmin):
    form = EventForm
    services = Services(noun="event", create=event_create, update=event_update)
    list_display = ["title", "date", "location", "updated_at"]
    list_filter = ["location"]
    date_hierarchy = "date"
    search_fields = ["title", "slug", "location", "description"]
    fields = ["title", "slug", "date", "location", "description", "created_at", "updated_at"]
    readonly_fields = ["created_at", "updated_at"]
