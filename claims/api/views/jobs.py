"""Jobs (SPEC §12) and the import upload that starts one.

Each user sees the jobs they started; reviewers and superusers see all (Job.objects.visible_to).
A job that is not the user's reads as nonexistent: 404.
"""

from django.db.models import QuerySet
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers, viewsets
from rest_framework.parsers import MultiPartParser
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from claims.api.filters import JobFilter
from claims.api.query import KnownQueryParameters
from claims.api.serializers.jobs import JobSerializer, job_url
from claims.importing.formats import READERS
from claims.models import Job
from claims.services.imports import import_upload


class JobViewSet(KnownQueryParameters, mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    serializer_class = JobSerializer
    filterset_class = JobFilter
    permission_classes = [IsAuthenticated]

    def get_queryset(self) -> QuerySet:
        return Job.objects.visible_to(self.request.user).select_related("created_by").order_by("id")


class ImportUploadSerializer(serializers.Serializer):
    file = serializers.FileField(help_text="JSON Lines or CSV, in the format of `manage.py import_claims`.")
    format = serializers.ChoiceField(
        choices=sorted(READERS), required=False, help_text="Default: from the file's name, else its content."
    )


class ImportView(APIView):
    """POST /api/v1/imports/: the upload is kept and imported by a job; the answer points to it."""

    parser_classes = [MultiPartParser]
    permission_classes = [IsAuthenticated]

    @extend_schema(
        operation_id="imports_create",
        summary="Import a file of claims in the background",
        description="Editors only. Answers 202 Accepted at once, with the job and a `Location` header of it; "
        "the job lists every bad record with its line and reason when it ends (docs/api-exports-import.md). "
        "Every record is written as the uploader, with their permissions and four eyes: an upload never "
        "publishes or retracts its uploader's own claim, and grades an outlet only if they may.",
        request={"multipart/form-data": ImportUploadSerializer},
        responses={202: JobSerializer},
        tags=["jobs"],
    )
    def post(self, request: Request) -> Response:
        body = ImportUploadSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        upload = body.validated_data["file"]
        job = import_upload(upload=upload, name=upload.name, by=request.user, fmt=body.validated_data.get("format"))
        response = Response(JobSerializer(job, context={"request": request}).data, status=202)
        response["Location"] = job_url(job, request)
        return response
