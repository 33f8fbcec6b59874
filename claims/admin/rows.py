"""Shared shape of the admin pages of withdrawable rows: no delete, withdraw with a reason."""

from django.contrib import admin
from django.db import models
from django.db.models import QuerySet
from django.http import HttpRequest

from claims.admin.filters import WithdrawnFilter
from claims.admin.saving import ServiceAdmin
from claims.admin.withdrawal import withdraw_selected, withdrawn_note

WITHDRAWAL = ["withdrawn_at", "withdrawn_by", "withdrawn_reason"]


class WithdrawableAdmin(ServiceAdmin):
    actions = [withdraw_selected]
    list_filter = [WithdrawnFilter]
    # Fields fixed once the row exists: changing them means withdrawing and recording anew.
    fixed_after_create: tuple[str, ...] = ()

    def get_readonly_fields(self, request: HttpRequest, obj: models.Model | None = None) -> list[str]:
        readonly = [*super().get_readonly_fields(request, obj), *WITHDRAWAL]
        if obj is not None and obj.withdrawn_at is not None:
            # The services refuse to change a withdrawn row; say so by showing it read-only.
            return [*readonly, *(name for name in self.get_fields(request, obj) if name not in readonly)]
        return readonly + list(self.fixed_after_create) if obj is not None else readonly

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        queryset = super().get_queryset(request)
        visible_to = getattr(queryset, "visible_to", None)
        return visible_to(request.user) if visible_to else queryset

    @admin.display(description="state")
    def withdrawal(self, row: models.Model) -> str:
        return withdrawn_note(row)
