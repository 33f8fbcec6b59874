"""Exports: one claim as ClaimReview, STIX 2.1 or PROV-JSON; the claim list as CSV or JSON Lines.

The views only translate: the claim comes from the visibility rule (a claim a
consumer may not see is a 404), the documents from claims/exports/, the list
from claims.selectors.claims.claim_list with the request's own query (the same
filters as GET /api/v1/claims/). Errors are raised and rendered as JSON by
claims/api/errors.py, whatever format the endpoint serves.
"""

from collections.abc import Iterator

import orjson
from django.db.models import QuerySet
from django.http import StreamingHttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiExample, OpenApiResponse, extend_schema
from rest_framework.negotiation import BaseContentNegotiation
from rest_framework.renderers import BaseRenderer
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from claims.api.filters import ClaimFilterDescription
from claims.api.pagination import sort_keys
from claims.api.query import KnownQueryParameters
from claims.api.renderers import OrjsonRenderer
from claims.api.schema import ERROR_DESCRIPTIONS, AutoSchema, ErrorSerializer
from claims.exports.claimreview import claimreview_document
from claims.exports.prov import prov_document
from claims.exports.records import claim_records
from claims.exports.stix import stix_bundle
from claims.exports.table import claim_rows, csv_lines
from claims.importing.records import record_to_json
from claims.models import Claim
from claims.roles import is_newsroom
from claims.selectors.chains import claim_chain
from claims.selectors.claim_filters import ClaimFilter
from claims.selectors.claims import claim_list, claim_queryset
from claims.selectors.exports import chain_details


class JsonLdRenderer(OrjsonRenderer):
    media_type = "application/ld+json"
    format = "jsonld"


# The media type STIX 2.1 registers, version parameter included. The renderer is negotiated without the
# parameter (DRF matches no */* to a type with parameters) and the response then says it in full.
STIX_CONTENT_TYPE = "application/stix+json;version=2.1"


class StixRenderer(OrjsonRenderer):
    media_type = "application/stix+json"
    format = "stix"


class StreamRenderer(BaseRenderer):
    """Stands for a streamed format in content negotiation; the view writes the body itself."""

    charset = "utf-8"

    def render(
        self, data: object, accepted_media_type: str | None = None, renderer_context: dict | None = None
    ) -> bytes:
        return data if isinstance(data, bytes) else str(data or "").encode()


class CsvRenderer(StreamRenderer):
    media_type = "text/csv"
    format = "csv"


class JsonLinesRenderer(StreamRenderer):
    media_type = "application/jsonl"
    format = "jsonl"


class OnlyFormat(BaseContentNegotiation):
    """A download has one format: serve it whatever Accept or ?format= says (errors are JSON anyway)."""

    def select_parser(self, request: Request, parsers: list) -> object:
        return parsers[0] if parsers else None

    def select_renderer(self, request: Request, renderers: list, format_suffix: str | None = None) -> tuple:
        return renderers[0], renderers[0].media_type


def error_responses(*codes: int) -> dict:
    """Errors of a streamed export, documented as what they are: JSON, not the export's format."""
    return {
        (code, OrjsonRenderer.media_type): OpenApiResponse(ErrorSerializer, description=ERROR_DESCRIPTIONS[str(code)])
        for code in codes
    }


class ExportView(APIView):
    """Errors are JSON whichever format was asked for: a client parsing STIX or CSV still reads why."""

    def finalize_response(self, request: Request, response: object, *args: object, **kwargs: object) -> object:
        if isinstance(response, Response) and response.status_code >= 400:
            request.accepted_renderer, request.accepted_media_type = OrjsonRenderer(), OrjsonRenderer.media_type
        return super().finalize_response(request, response, *args, **kwargs)


def site_url(request: Request) -> str:
    return request.build_absolute_uri("/")


def claim_page_url(request: Request, claim: Claim) -> str:
    return request.build_absolute_uri(reverse("web:claim-detail", args=[claim.pk]))


class OneClaimExport(ExportView):
    def claim_with_chain(self, request: Request, pk: int) -> tuple:
        claim = get_object_or_404(claim_queryset(request.user), pk=pk)
        chain = claim_chain(claim)
        return claim, chain, chain_details(claim, chain)


CLAIMREVIEW_EXAMPLE = {
    "@context": "https://schema.org",
    "@type": "ClaimReview",
    "url": "https://provenance.example.org/claims/12/",
    "claimReviewed": "The Allies of Syria Operations Room was behind the drone attack on the al-Tanf base.",
    "itemReviewed": {
        "@type": "Claim",
        "author": [{"@type": "Organization", "name": "Al-Akhbar"}],
        "datePublished": "2021-10-21",
        "appearance": [
            {
                "@type": "CreativeWork",
                "headline": "The Allies of Syria operations room kept its promise",
                "inLanguage": "ar",
                "datePublished": "2021-10-21",
                "publisher": {"@type": "Organization", "name": "Al-Akhbar"},
            }
        ],
        "firstAppearance": {"@type": "CreativeWork", "datePublished": "2021-10-21"},
    },
    "author": {"@type": "Organization", "name": "Provenance", "url": "https://provenance.example.org/"},
    "datePublished": "2021-11-02",
    "creativeWorkStatus": "Published",
    "reviewRating": {
        "@type": "Rating",
        "ratingValue": 31,
        "bestRating": 100,
        "worstRating": 0,
        "alternateName": "unlikely",
        "ratingExplanation": "Admiralty code D3. Al-Akhbar (D: not usually reliable) …",
    },
}


class ClaimReviewView(OneClaimExport):
    renderer_classes = [JsonLdRenderer, OrjsonRenderer]

    @extend_schema(
        operation_id="claims_claimreview",
        summary="The claim as schema.org ClaimReview (JSON-LD)",
        description="claimReviewed, itemReviewed (a Claim with its author outlets, every appearance and the first "
        "one), reviewRating (confidence 0-100 with its ICD 203 words) and datePublished (when it was approved).",
        responses={
            (200, "application/ld+json"): OpenApiResponse(
                OpenApiTypes.OBJECT, examples=[OpenApiExample("ClaimReview", value=CLAIMREVIEW_EXAMPLE)]
            ),
            (200, "application/json"): OpenApiTypes.OBJECT,
        },
        tags=["exports"],
    )
    def get(self, request: Request, pk: int) -> Response:
        claim, chain, details = self.claim_with_chain(request, pk)
        return Response(claimreview_document(claim, chain, claim_url=claim_page_url(request, claim), details=details))


class StixView(OneClaimExport):
    renderer_classes = [StixRenderer, OrjsonRenderer]

    @extend_schema(
        operation_id="claims_stix",
        summary="The claim as a STIX 2.1 bundle",
        description="Identities for Provenance and the outlets, a threat-actor (or identity) for the subject, a "
        "campaign for the event, the attribution as a relationship carrying the confidence, a report per appearance, "
        "derived-from relationships for citations, opinions for evidence, and a report (a grouping before "
        "publication) for the claim. Ids are stable across exports. Validates with the OASIS stix2-validator.",
        responses={
            (200, STIX_CONTENT_TYPE): OpenApiTypes.OBJECT,
            (200, "application/json"): OpenApiTypes.OBJECT,
        },
        tags=["exports"],
    )
    def get(self, request: Request, pk: int) -> Response:
        claim, chain, details = self.claim_with_chain(request, pk)
        bundle = stix_bundle(
            claim, chain, base_url=site_url(request), claim_url=claim_page_url(request, claim), details=details
        )
        as_stix = isinstance(request.accepted_renderer, StixRenderer)
        return Response(bundle, content_type=STIX_CONTENT_TYPE if as_stix else None)


class ProvView(OneClaimExport):
    renderer_classes = [OrjsonRenderer]

    @extend_schema(
        operation_id="claims_prov",
        summary="The claim's chain as W3C PROV-JSON",
        description="Outlets as agents (prov:Organization), appearances as entities attributed to them, citations "
        "as derivations (quoted and republished: prov:Quotation), and prov:PrimarySource derivations from every "
        "appearance (and the claim) to the origins it rests on.",
        responses={200: OpenApiTypes.OBJECT},
        tags=["exports"],
    )
    def get(self, request: Request, pk: int) -> Response:
        claim, chain, details = self.claim_with_chain(request, pk)
        return Response(prov_document(claim, chain, base_url=site_url(request), details=details))


def filtered_claims(request: Request) -> QuerySet:
    """The claim list's own filters and ordering, checked before the first byte is sent (a bad filter is a 400).

    The rows come in the order the paged list gives them, where a claim never reported
    (no first_reported) sorts as the greatest value on SQLite as on PostgreSQL.
    """
    claims = claim_list(user=request.user, filters=request.query_params)
    return claims.order_by(*(key.order_by() for key in sort_keys(claims)))


def streamed(lines: Iterator[str | bytes], *, content_type: str, filename: str) -> StreamingHttpResponse:
    response = StreamingHttpResponse(lines, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


class ListExportSchema(AutoSchema):
    """Documents the claim list's filters on the list exports, whose 200 is a file, not a JSON list."""

    def _is_list_view(self, serializer: object = None) -> bool:
        return serializer is None or super()._is_list_view(serializer)


class ListExportView(KnownQueryParameters, ExportView):
    # The claim list's filters, described for the schema; claim_list applies them. Nothing else
    # applies: an export has no pages (`limit`, `cursor`) and one format, so neither is taken.
    takes_format = False
    filter_backends = [ClaimFilterDescription]
    filterset_class = ClaimFilter
    schema = ListExportSchema()

    def get_queryset(self) -> QuerySet:
        return claim_queryset(self.request.user)


class ClaimCsvExportView(ListExportView):
    renderer_classes = [CsvRenderer]
    content_negotiation_class = OnlyFormat

    @extend_schema(
        operation_id="claims_export_csv",
        summary="The filtered claim list as CSV, streamed",
        description="Takes every filter and ordering of GET /api/v1/claims/; pagination parameters are ignored "
        "(every matching claim is written). One row per claim; `import_claims --format csv` reads it back.",
        responses={(200, "text/csv"): OpenApiTypes.STR, **error_responses(400, 429)},
        tags=["exports"],
    )
    def get(self, request: Request) -> StreamingHttpResponse:
        rows = claim_rows(filtered_claims(request))
        return streamed(csv_lines(rows), content_type="text/csv; charset=utf-8", filename="claims.csv")


class ClaimJsonLinesExportView(ListExportView):
    renderer_classes = [JsonLinesRenderer]
    content_negotiation_class = OnlyFormat

    @extend_schema(
        operation_id="claims_export_jsonl",
        summary="The filtered claim list as JSON Lines, streamed",
        description="One claim per line with its appearances, citations, evidence and the outlets, affiliations "
        "and actors they name: the format `import_claims` reads. Takes every filter of GET /api/v1/claims/.",
        responses={(200, "application/jsonl"): OpenApiTypes.STR, **error_responses(400, 429)},
        tags=["exports"],
    )
    def get(self, request: Request) -> StreamingHttpResponse:
        records = claim_records(filtered_claims(request), newsroom=is_newsroom(request.user))
        lines = (orjson.dumps(record_to_json(record)) + b"\n" for record in records)
        return streamed(lines, content_type="application/jsonl", filename="claims.jsonl")
