from django.db import models
from django.utils.text import slugify
from django.utils.translation import gettext as _
from unidecode import unidecode

from claims.errors import InvalidInput
from claims.services.persistence import noun_of


def slug_for(model: type[models.Model], name: str, slug: str | None, *, instance_pk: int | None = None) -> str:
    """A given slug must be free; a derived one gets -2, -3 … until it is."""
    others = model.objects.exclude(pk=instance_pk) if instance_pk else model.objects.all()
    if slug:
        if others.filter(slug=slug).exists():
            raise InvalidInput(
                _('The slug "%(slug)s" is already used by another %(noun)s.') % {"slug": slug, "noun": noun_of(model)},
                field="slug",
            )
        return slug
    base = slugify(unidecode(name or ""))[:200] or model._meta.model_name
    candidate, n = base, 1
    while others.filter(slug=candidate).exists():
        n += 1
        candidate = f"{base}-{n}"
    return candidate
