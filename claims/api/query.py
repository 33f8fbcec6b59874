"""Every list of the API refuses a query parameter it does not take (claims/query_parameters.py).

What a list takes is read off the view itself: its filter backends' filterset (or what
the backend documents), its paginator's parameters, `format` where content
negotiation reads it, and `extra_query_parameters` for anything else the view
documents. The schema is built from the same backends and paginator, so what it
lists is what is accepted.
"""

from rest_framework.request import Request
from rest_framework.settings import api_settings

from claims.query_parameters import filterset_parameters, unknown_parameters_error


class KnownQueryParameters:
    """For a viewset (its `list`) or an APIView that is a list (every GET)."""

    extra_query_parameters: tuple[str, ...] = ()
    takes_format = True  # False where the response has one format whatever is asked (the exports)

    def initial(self, request: Request, *args: object, **kwargs: object) -> None:
        super().initial(request, *args, **kwargs)
        if getattr(self, "action", "list") == "list" and request.method == "GET":
            error = unknown_parameters_error(request.query_params, self.query_parameter_names())
            if error is not None:
                raise error

    def query_parameter_names(self) -> set[str]:
        names = set(self.extra_query_parameters)
        if self.takes_format and api_settings.URL_FORMAT_OVERRIDE:
            names.add(api_settings.URL_FORMAT_OVERRIDE)
        for backend_class in getattr(self, "filter_backends", ()):
            if hasattr(backend_class, "get_filterset_class"):  # django-filter's backend and ours
                filterset_class = getattr(self, "filterset_class", None)
                names |= filterset_parameters(filterset_class) if filterset_class is not None else set()
            elif hasattr(backend_class, "get_schema_operation_parameters"):  # DRF's search, ordering, …
                names |= {p["name"] for p in backend_class().get_schema_operation_parameters(self)}
        paginator = getattr(self, "paginator", None)
        if paginator is not None:
            names |= {p["name"] for p in paginator.get_schema_operation_parameters(self)}
        return names
