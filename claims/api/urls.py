"""REST API routes (SPEC §8): /api/v1/…, the OpenAPI schema and its Swagger UI."""

from django.urls import URLPattern, URLResolver, include, path, re_path
from drf_spectacular.views import SpectacularAPIView
from rest_framework.routers import DefaultRouter

from claims.api.docs import SwaggerUiView
from claims.api.errors import not_found
from claims.api.exports import (
    ClaimCsvExportView,
    ClaimJsonLinesExportView,
    ClaimReviewView,
    ProvView,
    StixView,
)
from claims.api.similar import SimilarClaimsView
from claims.api.views.captures import CaptureViewSet, SnapshotDownloadView, SuggestionViewSet
from claims.api.views.claims import ClaimViewSet
from claims.api.views.dependence import OutletDependenceViewSet
from claims.api.views.inbox import FeedViewSet, InboxViewSet, WatchViewSet
from claims.api.views.jobs import ImportView, JobViewSet
from claims.api.views.outlets import ActorViewSet, EventViewSet, OutletViewSet
from claims.api.views.rows import (
    ActorAffiliationViewSet,
    AffiliationViewSet,
    AppearanceViewSet,
    CitationViewSet,
    EvidenceViewSet,
)
from claims.api.views.webhooks import SubscriptionViewSet

app_name = "api"


class Router(DefaultRouter):
    include_format_suffixes = False  # One representation, JSON: no `claims.json`-style routes.


router = Router()
# Before outlets: the outlet routes would read "dependence" as an outlet id.
router.register("outlets/dependence", OutletDependenceViewSet, basename="outlet-dependence")
router.register("outlets", OutletViewSet, basename="outlet")
router.register("actors", ActorViewSet, basename="actor")
router.register("affiliations", AffiliationViewSet, basename="affiliation")
router.register("actor-affiliations", ActorAffiliationViewSet, basename="actor-affiliation")
router.register("events", EventViewSet, basename="event")
router.register("claims", ClaimViewSet, basename="claim")
router.register("appearances", AppearanceViewSet, basename="appearance")
router.register("citations", CitationViewSet, basename="citation")
router.register("evidence", EvidenceViewSet, basename="evidence")
router.register("jobs", JobViewSet, basename="job")
router.register("captures", CaptureViewSet, basename="capture")
router.register("suggestions", SuggestionViewSet, basename="suggestion")
router.register("webhooks", SubscriptionViewSet, basename="webhook")
router.register("feeds", FeedViewSet, basename="feed")
router.register("inbox", InboxViewSet, basename="inbox")
router.register("watches", WatchViewSet, basename="watch")

# Explicit routes under claims/ go here, BEFORE the router: the router would read
# "similar" or "export.csv" as a claim id. The exports (claims/api/exports.py:
# claims/export.csv, claims/<id>/claimreview|stix|prov/) and the near-duplicate
# search (claims/api/similar.py: claims/similar/) add their path()s to this list.
before_router: list[URLPattern | URLResolver] = [
    path("claims/export.csv", ClaimCsvExportView.as_view(), name="claim-export-csv"),
    path("claims/export.jsonl", ClaimJsonLinesExportView.as_view(), name="claim-export-jsonl"),
    path("claims/similar/", SimilarClaimsView.as_view(), name="claim-similar"),
    path("claims/<int:pk>/claimreview/", ClaimReviewView.as_view(), name="claim-claimreview"),
    path("claims/<int:pk>/stix/", StixView.as_view(), name="claim-stix"),
    path("claims/<int:pk>/prov/", ProvView.as_view(), name="claim-prov"),
    path("imports/", ImportView.as_view(), name="import-create"),
    path("snapshots/<int:pk>/download/", SnapshotDownloadView.as_view(), name="snapshot-download"),
]

urlpatterns = [
    path("v1/", include([*before_router, *router.urls])),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", SwaggerUiView.as_view(url_name="api:schema"), name="docs"),
    # Last: any other address under /api/ answers a JSON 404, not an HTML page.
    re_path(r"^.*$", not_found),
]
