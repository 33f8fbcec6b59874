"""Review transitions: the workflow's own record, read-only."""

from django.contrib import admin
from django.db import models
from django.db.models import QuerySet
from django.http import HttpRequest

from claims.models import ReviewTransition


@admin.register(ReviewTransition)
class ReviewTransitionAdmin(admin.ModelAdmin):
    list_display = ["at", "claim", "from_state", "to_state", "by", "comment"]
    list_filter = ["to_state", "from_state"]
    list_select_related = ["claim", "by"]
    date_hierarchy = "at"
    search_fields = ["claim__text", "comment", "by__username"]
    fields = ["claim", "from_state", "to_state", "by", "at", "comment"]
    readonly_fields = fields

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return super().get_queryset(request).visible_to(request.user)

    # Written only by the workflow service.
    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: models.Model | None = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: models.Model | None = None) -> bool:
        return False
