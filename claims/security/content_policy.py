"""The Content-Security-Policy of every HTML response: scripts, styles, images, fonts and
connections from our own origin only, no plugins, no framing, forms posted only to us.

The pages load nothing from elsewhere and carry no inline script or style (the
confidence bars are SVG rects, the chain graph's script is static/web/graph.js), so
the policy costs them nothing and turns an injected `<script>` or `style=` into a
refused one. A view whose page needs more sets its own header first (Swagger UI:
claims/api/docs.py); this middleware leaves such a header alone.
"""

from collections.abc import Callable, Mapping, Sequence

from django.conf import settings
from django.http import HttpRequest, HttpResponse

ENFORCED, REPORT_ONLY = "Content-Security-Policy", "Content-Security-Policy-Report-Only"


def header_name() -> str:
    return REPORT_ONLY if settings.CSP_REPORT_ONLY else ENFORCED


def policy(extra: Mapping[str, Sequence[str]] | None = None) -> str:
    """The header's value: CONTENT_SECURITY_POLICY's directives, with `extra` in place of any it names."""
    directives = {**settings.CONTENT_SECURITY_POLICY, **(extra or {})}
    return "; ".join(f"{name} {' '.join(sources)}".strip() for name, sources in directives.items())


def is_html(response: HttpResponse) -> bool:
    return response.get("Content-Type", "").split(";")[0].strip().lower() == "text/html"


class ContentSecurityPolicyMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if is_html(response) and ENFORCED not in response and REPORT_ONLY not in response:
            response[header_name()] = policy()
        return response
