"""GET /api/v1/claims/similar/?text=…&limit=: near-duplicate claims, by wording and by meaning.

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
from claims.language import detect_language, language_refusal
from claims.models import Claim
from claims.models.fields import max_length_of
from claims.selectors.similar import MEANING, WORDING, similar_claims

MAX_LIMIT = 50
# The text asked about is a claim's wording, and may be as long as one.
MAX_TEXT = max_length_of(Claim._meta.get_field("text"))


class SimilarQuerySerializer(serializers.Serializer):
    text = serializers.CharField(
        validators=[MaxLengthValidator(MAX_TEXT)],  # in the words the claim's own text is refused with
        help_text="A claim's wording in any language, e.g. a claim about to be recorded: “Hizbullah hit At-Tanf”.",
    )
    limit = serializers.IntegerField(
        min_value=1, max_value=MAX_LIMIT, default=10, help_text=f"At most this many claims (1-{MAX_LIMIT})."
    )

    def validate_text(self, text: str) -> str:
        refusal = language_refusal(text)
        if refusal is not None:
            raise serializers.ValidationError(refusal)
        return text


class SimilarClaimSerializer(serializers.Serializer):
    score = serializers.FloatField(min_value=0, max_value=1, help_text="0-1; 1 is the same wording or meaning.")
    match = serializers.ChoiceField(
        choices=[WORDING, MEANING],
        help_text="How it matched: `wording` (the same words, across transliterations) or `meaning` (the same "
        "assertion, in any language).",
    )
    language = serializers.CharField(source="claim.language", help_text="The claim's language (ISO 639-1).")
    claim = ClaimSerializer()


class SimilarClaimsSerializer(serializers.Serializer):
    text = serializers.CharField(help_text="The text asked about.")
    language = serializers.CharField(allow_null=True, help_text="The language detected in it, or null.")
    results = SimilarClaimSerializer(many=True, help_text="Most similar first.")


class SimilarClaimsView(APIView):
    @extend_schema(
        operation_id="claims_similar",
        summary="Near-duplicate claims, by wording and by meaning",
        description="Claims whose wording is close to `text`, across transliterations (Hizbullah, Hezbollah and "
        "Hizballah are one name; so are al-Tanf and At-Tanf), and claims in any language that say what it says "
        "(an Arabic claim finds its English twin), most similar first with a 0-1 score and how each matched. A "
        "claim that asserts what `text` denies is not its duplicate, however alike the words. A text with no "
        "letters, or with a word mixing two scripts, is refused (400). Consumers see published and retracted "
        "claims only; merged claims are never listed.",
        parameters=[SimilarQuerySerializer],
        responses=SimilarClaimsSerializer,
        tags=["claims"],
    )
    def get(self, request: Request) -> Response:
        query = SimilarQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        text, limit = query.validated_data["text"], query.validated_data["limit"]
        results = similar_claims(text=text, user=request.user, limit=limit)
        answer = {"text": text, "language": detect_language(text), "results": results}
        return Response(SimilarClaimsSerializer(answer, context={"request": request}).data)
