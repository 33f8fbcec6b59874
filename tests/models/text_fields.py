"""The domain's free-text fields, for the tests of their limits."""

from django.apps import apps
from django.db import models


def free_text_fields() -> list[tuple[type[models.Model], models.Field]]:
    """Text a person or a client types: editable text columns without a list of choices."""
    return [
        (model, field)
        for model in apps.get_app_config("claims").get_models()
        if not model.__name__.startswith("Historical")
        for field in model._meta.concrete_fields
        if isinstance(field, models.CharField | models.TextField) and field.editable and not field.choices
    ]
