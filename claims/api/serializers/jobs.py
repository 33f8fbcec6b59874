"""Jobs: background work and how far it has got (SPEC §12)."""

from django.urls import reverse
from rest_framework import serializers
from rest_framework.request import Request

from claims.api.serializers.base import OutputSerializer
from claims.models import Job


def job_url(job: Job, request: Request | None) -> str:
    path = reverse("api:job-detail", args=[job.pk])
    return request.build_absolute_uri(path) if request is not None else path


class JobErrorSerializer(serializers.Serializer):
    line = serializers.IntegerField(allow_null=True, help_text="The line of the input at fault, if any.")
    ref = serializers.CharField(allow_blank=True, help_text="The record's external_ref, if it has one.")
    message = serializers.CharField()


class JobSerializer(OutputSerializer):
    url = serializers.SerializerMethodField()
    created_by = serializers.SlugRelatedField(slug_field="username", read_only=True, allow_null=True)
    progress = serializers.SerializerMethodField(help_text="Percent done, when the total is known.")
    errors = JobErrorSerializer(many=True, help_text="Each bad record of an import, with its line and reason.")
    result = serializers.DictField(help_text="What the job did, e.g. counts of claims created and rescored.")

    class Meta:
        model = Job
        fields = [
            "id", "url", "kind", "state", "description", "done", "total", "progress", "created_by", "created_at",
            "started_at", "finished_at", "result", "errors", "failure",
        ]  # fmt: skip
        read_only_fields = fields

    def get_url(self, job: Job) -> str:
        return job_url(job, self.context.get("request"))

    def get_progress(self, job: Job) -> float | None:
        if job.total is None:
            return None
        return 100.0 if job.total == 0 else round(100 * min(job.done, job.total) / job.total, 1)


class JobReferenceSerializer(serializers.Serializer):
    """The job a write started, for a client to follow."""

    id = serializers.IntegerField()
    url = serializers.SerializerMethodField()
    state = serializers.CharField()

    def get_url(self, job: Job) -> str:
        return job_url(job, self.context.get("request"))


def rescoring_job_field() -> JobReferenceSerializer:
    return JobReferenceSerializer(
        source="rescoring",
        allow_null=True,
        help_text="The job rescoring, in the background, the claims this write reaches (SPEC §6.6); "
        "null when it reaches none.",
    )
