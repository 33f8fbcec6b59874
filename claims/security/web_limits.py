"""The web UI's rate limit: pages per client address, and searches on top (SPEC §10 pages only).

Every page of the web UI (the `web` URL namespace) counts against WEB_RATE_PAGES;
the claims list with a search or a filter also counts against WEB_RATE_SEARCH, the
expensive request a scraper would repeat. Over a limit, the page is a 429 saying how
long to wait, with Retry-After. The API has its own throttles (DRF), the admin the
login limit; static files are served before this middleware runs.
"""

from collections.abc import Callable, Iterator

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.urls import ResolverMatch

from claims.security.client_address import client_address
from claims.security.rates import Rate, over_rate
from claims.web.rendering import render_page

SEARCH_VIEWS = {"claim-list"}
NOT_A_SEARCH = {"page"}  # paging through the results of a search is browsing


def is_search(request: HttpRequest, match: ResolverMatch) -> bool:
    return match.url_name in SEARCH_VIEWS and any(
        value.strip() for name, value in request.GET.items() if name not in NOT_A_SEARCH
    )


def limits_for(request: HttpRequest, match: ResolverMatch) -> Iterator[tuple[str, Rate]]:
    if settings.WEB_RATE_PAGES:
        yield "pages", Rate.parse(settings.WEB_RATE_PAGES)
    if settings.WEB_RATE_SEARCH and is_search(request, match):
        yield "searches", Rate.parse(settings.WEB_RATE_SEARCH)


def too_many_requests(request: HttpRequest, *, what: str, wait: int) -> HttpResponse:
    response = render_page(request, "429.html", {"what": what, "wait": wait}, status=429)
    response["Retry-After"] = str(wait)
    return response


class WebRateLimitMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(self, request: HttpRequest, view: Callable, args: tuple, kwargs: dict) -> HttpResponse | None:
        match = request.resolver_match
        if match is None or match.namespace != "web":
            return None
        address = client_address(request)
        for what, rate in limits_for(request, match):
            wait = over_rate(f"web-{what}", address, rate)
            if wait is not None:
                return too_many_requests(request, what=what, wait=wait)
        return None
