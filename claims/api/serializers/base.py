"""What every input serializer shares: types and shapes only, never a rule.

Rules — uniqueness, dates in the future, cycles, who may do what — belong to the
services, which say why in their errors. The input serializers only turn JSON
into the Python values the services take, and refuse what is not even of the
right type (a string where an id goes, a malformed date, an unknown choice).
"""

from django.core.validators import MaxLengthValidator
from django.db import models
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from rest_framework.validators import UniqueValidator

from claims.models.fields import ALIASES


class StrictText:
    """JSON has strings: a number or a boolean where text goes is refused, not turned into "0".

    Text is passed on as sent: the services strip what they store stripped (names,
    titles, claim text), so a length is checked on what was sent.
    """

    def __init__(self, **kwargs: object) -> None:
        kwargs.setdefault("trim_whitespace", False)
        super().__init__(**kwargs)

    def to_internal_value(self, data: object) -> str:
        if not isinstance(data, str):
            self.fail("invalid")
        return super().to_internal_value(data)


class TextField(StrictText, serializers.CharField):
    pass


class SlugTextField(StrictText, serializers.SlugField):
    pass


class URLTextField(StrictText, serializers.URLField):
    pass


class RelatedIdField(serializers.PrimaryKeyRelatedField):
    """An integer id of a row the requesting user may see; any other id reads as nonexistent.

    Strict about type: 1.9 or true are not ids (the database would read them as 1).
    """

    def to_internal_value(self, data: object) -> models.Model:
        is_int = isinstance(data, int) and not isinstance(data, bool)
        if not (is_int or (isinstance(data, str) and data.isdecimal())):
            self.fail("incorrect_type", data_type=type(data).__name__)
        return super().to_internal_value(data)

    def get_queryset(self) -> models.QuerySet:
        queryset = super().get_queryset()
        request = self.context.get("request")
        # Claims and their rows follow the one visibility rule of the models.
        if hasattr(queryset, "visible_to"):
            queryset = queryset.visible_to(request.user if request is not None else None)
        return queryset


class InputSerializer(serializers.ModelSerializer):
    """A write's body, typed from the model; the service it is handed to decides the rest."""

    serializer_related_field = RelatedIdField
    serializer_field_mapping = {
        **serializers.ModelSerializer.serializer_field_mapping,
        models.CharField: TextField,
        models.TextField: TextField,
        models.SlugField: SlugTextField,
        models.URLField: URLTextField,
    }

    def build_standard_field(self, field_name: str, model_field: models.Field) -> tuple[type, dict]:
        field_class, kwargs = super().build_standard_field(field_name, model_field)
        # A taken slug is the service's to refuse, with a message naming the slug.
        kwargs["validators"] = [v for v in kwargs.get("validators", []) if not isinstance(v, UniqueValidator)]
        # The model's length limit, refused in the model's words (DRF's own differ): the API,
        # the forms and the services say the same thing about the same text. A TextField's
        # limit is a validator already (claims.models.fields.at_most), carried over as it is.
        if kwargs.get("max_length") is not None:
            kwargs["validators"].append(MaxLengthValidator(kwargs.pop("max_length")))
        return field_class, kwargs

    def get_validators(self) -> list:
        return []  # No unique-together checks either: same reason.


class OutputSerializer(serializers.ModelSerializer):
    """A representation. URLs are plain strings here: an unknown one is stored as empty text."""

    serializer_field_mapping = {
        **serializers.ModelSerializer.serializer_field_mapping,
        models.URLField: serializers.CharField,
    }


@extend_schema_field(
    {"type": "array", "items": {"type": "string", "maxLength": ALIASES.length}, "maxItems": ALIASES.count}
)
class AliasesField(serializers.ListField):
    """Other spellings and transliterations, e.g. ["al-Akhbar", "Akhbar", "الأخبار"].

    Their count and length are the service's to judge, after it has dropped blanks and repeats.
    """

    def __init__(self, **kwargs: object) -> None:
        super().__init__(child=TextField(allow_blank=True), **kwargs)
