from django.conf import settings
from django.db import models

from claims.choices import JobKind, JobState
from claims.roles import User, own_or_all


class JobQuerySet(models.QuerySet):
    def visible_to(self, user: User | None) -> "JobQuerySet":
        """Everyone sees the jobs they started; reviewers and superusers see every job."""
        return own_or_all(self, user, owner="created_by")


class Job(models.Model):
    """One piece of background work (SPEC §12): what it is, how far it has got, and how it ended.

    A job is written in the transaction that asks for it and moved by the tasks that do it
    (claims/tasks.py), each through claims/services/jobs.py. `errors` lists what went wrong
    in the input, each `{"line", "ref", "message"}` (an import's bad records); `failure` says
    why the job itself could not finish.
    """

    kind = models.CharField(max_length=20, choices=JobKind.choices)
    state = models.CharField(max_length=20, choices=JobState.choices, default=JobState.QUEUED)
    # Written by the services, never typed in: no form or serializer takes them.
    description = models.CharField(max_length=500, editable=False)
    done = models.PositiveIntegerField(default=0)
    total = models.PositiveIntegerField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="jobs"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    # Set while a task works on the job: another task that finds it fresh leaves the job alone.
    heartbeat_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    params = models.JSONField(default=dict, blank=True)
    upload = models.FileField(upload_to="imports/", blank=True)
    result = models.JSONField(default=dict, blank=True)
    errors = models.JSONField(default=list, blank=True)
    failure = models.TextField(blank=True, editable=False)

    objects = JobQuerySet.as_manager()

    class Meta:
        ordering = ["-id"]
        indexes = [
            models.Index(fields=["created_by", "id"], name="job_owner_idx"),
            models.Index(fields=["state", "id"], name="job_state_idx"),
        ]
        constraints = [
            models.CheckConstraint(condition=models.Q(kind__in=JobKind.values), name="job_kind_valid"),
            models.CheckConstraint(condition=models.Q(state__in=JobState.values), name="job_state_valid"),
        ]

    def __str__(self) -> str:
        return f"Job {self.pk}: {self.description}"

    @property
    def is_finished(self) -> bool:
        return self.state in (JobState.DONE, JobState.FAILED)
