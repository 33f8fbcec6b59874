"""Every admin save goes through a service; a refusal shows on the form and saves nothing.

Django's admin saves inside one transaction per request. When a service raises
a DomainError, the admin raises Refusal, which rolls that transaction back (the
parent object and every inline alike), then renders the same POST again with
the service's message on the form that caused it.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db import models
from django.forms.models import BaseInlineFormSet
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from simple_history.admin import SimpleHistoryAdmin

from claims.admin.forms import ServiceForm, with_refusals
from claims.errors import DomainError

# Form fields that are the formset's bookkeeping, not input for a service.
NOT_INPUT = {"id", "DELETE"}
# Links typed without a scheme are taken as https (Django 6's default, chosen now).
FORMFIELD_OVERRIDES = {models.URLField: {"assume_scheme": "https"}}


@dataclass(frozen=True)
class Services:
    """The write services of one model.

    `noun` is the keyword the update and withdraw services take the object by
    (`outlet_update(outlet=…)`); `parent` the keyword an inline passes its parent
    object by to the create service (`appearance_create(claim=…)`), if any.
    """

    noun: str
    create: Callable[..., models.Model]
    update: Callable[..., models.Model]
    withdraw: Callable[..., models.Model] | None = None
    parent: str | None = None


class Refusal(Exception):
    def __init__(self, error: DomainError, prefix: str | None) -> None:
        super().__init__(error.message)
        self.error = error
        self.prefix = prefix


def _refusals(request: HttpRequest) -> dict[str | None, DomainError] | None:
    return getattr(request, "service_refusals", None)


def service_input(form: forms.BaseForm, names: list[str], skip: set[str] = NOT_INPUT) -> dict[str, object]:
    return {name: form.cleaned_data[name] for name in names if name in form.cleaned_data and name not in skip}


def adopt(target: models.Model, saved: models.Model) -> None:
    """Make the admin's instance the row the service saved (its id, its derived fields)."""
    if target is saved:
        return
    for field in saved._meta.concrete_fields:
        setattr(target, field.attname, getattr(saved, field.attname))
    target._state.adding = False
    target._state.db = saved._state.db


def save_through(
    services: Services, *, instance: models.Model, form: forms.BaseForm, by: object, extra: dict, skip: set[str]
) -> tuple[models.Model, list[str]]:
    """Create or update through the services; returns the row and the fields that changed."""
    if instance.pk is None:
        saved = services.create(**extra, **service_input(form, list(form.cleaned_data), skip), by=by)
        return saved, []
    changed = [name for name in form.changed_data if name not in skip]
    saved = services.update(**{services.noun: instance}, **service_input(form, changed, skip), by=by)
    return saved, changed


class NoDeleteMixin:
    """Nothing is hard-deleted (SPEC §4): rows are withdrawn or claims retracted instead."""

    def has_delete_permission(self, request: HttpRequest, obj: models.Model | None = None) -> bool:
        return False


class ServiceInline(NoDeleteMixin, admin.TabularInline):
    form = ServiceForm
    services: Services
    formfield_overrides = FORMFIELD_OVERRIDES
    extra = 0
    show_change_link = True

    def get_formset(self, request: HttpRequest, obj: models.Model | None = None, **kwargs: object) -> type:
        formset = super().get_formset(request, obj, **kwargs)
        formset.form = with_refusals(formset.form, _refusals(request))
        formset.services = self.services
        return formset


class ServiceAdmin(NoDeleteMixin, SimpleHistoryAdmin):
    form = ServiceForm
    services: Services
    formfield_overrides = FORMFIELD_OVERRIDES

    def get_form(
        self, request: HttpRequest, obj: models.Model | None = None, change: bool = False, **kwargs: object
    ) -> type:
        return with_refusals(super().get_form(request, obj, change, **kwargs), _refusals(request))

    def get_actions(self, request: HttpRequest) -> dict:
        actions = super().get_actions(request)
        actions.pop("delete_selected", None)
        return actions

    def changeform_view(
        self, request: HttpRequest, object_id: str | None = None, form_url: str = "", extra_context: dict | None = None
    ) -> HttpResponse:
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except Refusal as refusal:
            # The admin's transaction has rolled back; show the same input with the message.
            request.service_refusals = {refusal.prefix: refusal.error}
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except Refusal as refusal:  # the message found no form to stand on: say it anyway
            self.message_user(request, refusal.error.message, messages.ERROR)
            return HttpResponseRedirect(request.get_full_path())

    def save_form(self, request: HttpRequest, form: forms.BaseForm, change: bool) -> models.Model:
        return form.instance  # left as loaded: save_model hands the input to a service

    def save_model(self, request: HttpRequest, obj: models.Model, form: forms.BaseForm, change: bool) -> None:
        try:
            saved, _ = save_through(self.services, instance=obj, form=form, by=request.user, extra={}, skip=NOT_INPUT)
        except DomainError as error:
            raise Refusal(error, prefix=form.prefix) from error
        adopt(obj, saved)

    def save_related(self, request: HttpRequest, form: forms.BaseForm, formsets: list, change: bool) -> None:
        for formset in formsets:
            self.save_formset(request, form, formset, change=change)

    def save_formset(
        self, request: HttpRequest, form: forms.BaseForm, formset: BaseInlineFormSet, change: bool
    ) -> None:
        services: Services = formset.services
        extra = {services.parent: formset.instance} if services.parent else {}
        skip = NOT_INPUT | {formset.fk.name}
        formset.new_objects, formset.changed_objects, formset.deleted_objects = [], [], []
        for row in formset.forms:
            if not row.has_changed():
                continue
            adding = row.instance.pk is None
            try:
                saved, changed = save_through(
                    services, instance=row.instance, form=row, by=request.user, extra=extra, skip=skip
                )
            except DomainError as error:
                raise Refusal(error, prefix=row.prefix) from error
            if adding:
                formset.new_objects.append(saved)
            else:
                formset.changed_objects.append((saved, changed))

    # simple_history's "revert" would save an old version past the services; history is read-only here.
    def revert_disabled(self, request: HttpRequest, obj: models.Model | None = None) -> bool:
        return True

    def history_form_view(
        self, request: HttpRequest, object_id: str, version_id: str, extra_context: dict | None = None
    ) -> HttpResponse:
        if request.method != "GET":
            raise PermissionDenied("Old versions can be read, not restored; edit the object instead.")
        return super().history_form_view(request, object_id, version_id, extra_context)
