"""GET /api/v1/claims/similar/?text=…&limit=: near-duplicate claims, transliteration-aware.

The ranking is claims.selectors.similar's; this view reads the query, applies
the visibility rule through it and shapes the answer.
"""

from django.core.validators import MaxLengthValidator
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from claims.api.serializers.claims import ClaimSerializer
from claims.models import Claim
from claims.models.fields import max_length_of
from claims.selectors.similar import similar_claims

MAX_LIMIT = 50
# The text asked about is a claim's wording, and may be as long as one.
MAX_TEXT = max_length_of(Claim._meta.get_field("text"))


class SimilarQuerySerializer(serializers.Serializer):
    text = serializers.CharField(
        validators=[MaxLengthValidator(MAX_TEXT)],  # in the words the claim's own text is refused with
        help_text="A claim's wording, e.g. a claim about to be recorded: “Hizbullah hit At-Tanf”.",
    )
    limit = serializers.IntegerField(
        min_value=1, max_value=MAX_LIMIT, default=10, help_text=f"At most this many claims (1-{MAX_LIMIT})."
    )


class SimilarClaimSerializer(serializers.Serializer):
    score = serializers.FloatField(min_value=0, max_value=1, help_text="0-1; 1 is the same wording.")
    claim = ClaimSerializer()


class SimilarClaimsSerializer(serializers.Serializer):
    text = serializers.CharField(help_text="The text asked about.")
    results = SimilarClaimSerializer(many=True, help_text="Most similar first.")


class SimilarClaimsView(APIView):
    @extend_schema(
        operation_id="claims_similar",
        summary="Near-duplicate claims",
        description="Claims whose wording is close to `text`, across transliterations (Hizbullah, Hezbollah and "
        "Hizballah are one name; so are al-Tanf and At-Tanf), most similar first with a 0-1 score. Consumers see "
        "published and retracted claims only.",
        parameters=[SimilarQuerySerializer],
        responses=SimilarClaimsSerializer,
        tags=["claims"],
    )
    def get(self, request: Request) -> Response:
        query = SimilarQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        text, limit = query.validated_data["text"], query.validated_data["limit"]
        results = similar_claims(text=text, user=request.user, limit=limit)
        body = SimilarClaimsSerializer({"text": text, "results": results}, context={"request": request})
        return Response(body.data)
