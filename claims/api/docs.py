"""/api/docs/: Swagger UI, served from our own static files, under the Content-Security-Policy.

drf-spectacular's split view serves the script that starts Swagger UI from its own
address (`/api/docs/?script=`) instead of inline, so the page needs no inline
script; its stylesheet draws icons as `data:` images, which this page alone
allows.
"""

from drf_spectacular.utils import extend_schema
from drf_spectacular.views import SpectacularSwaggerSplitView
from rest_framework.request import Request
from rest_framework.response import Response

from claims.security.content_policy import header_name, policy

# Swagger UI's stylesheet inlines its icons as data: URIs (images only: they cannot run).
SWAGGER_UI_POLICY = {"img-src": ["'self'", "data:"]}


class SwaggerUiView(SpectacularSwaggerSplitView):
    template_name = "api/swagger_ui.html"

    @extend_schema(exclude=True)
    def get(self, request: Request, *args: object, **kwargs: object) -> Response:
        response = super().get(request, *args, **kwargs)
        if request.GET.get("script") is None:  # the page, not its script
            response[header_name()] = policy(SWAGGER_UI_POLICY)
        return response
