"""List filters shared by several admin pages."""

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest

CURRENT = "current"
WITHDRAWN = "withdrawn"


class WithdrawnFilter(admin.SimpleListFilter):
    title = "withdrawn"
    parameter_name = "withdrawn"

    def lookups(self, request: HttpRequest, model_admin: admin.ModelAdmin) -> list[tuple[str, str]]:
        return [(CURRENT, "Current"), (WITHDRAWN, "Withdrawn")]

    def queryset(self, request: HttpRequest, queryset: QuerySet) -> QuerySet:
        if self.value() == CURRENT:
            return queryset.filter(withdrawn_at__isnull=True)
        if self.value() == WITHDRAWN:
            return queryset.filter(withdrawn_at__isnull=False)
        return queryset
