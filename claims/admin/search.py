"""Search that also matches folded and transliterated names (Hizbullah finds Hezbollah)."""

from django.db.models import QuerySet
from django.http import HttpRequest

from claims.transliteration import fold


class FoldedSearchMixin:
    """Adds a match on a column the services keep folded (`search_names`, `search_text`).

    Django's own search covers names and aliases as typed; the folded column
    catches other spellings and scripts.
    """

    folded_search_field: str = "search_names"

    def get_search_results(self, request: HttpRequest, queryset: QuerySet, search_term: str) -> tuple[QuerySet, bool]:
        results, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        folded = fold(search_term)
        if folded:
            results = results | queryset.filter(**{f"{self.folded_search_field}__icontains": folded})
        return results, may_have_duplicates
