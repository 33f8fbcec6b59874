from django.apps import AppConfig


class ClaimsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "claims"
    verbose_name = "Claims and provenance"

    def ready(self) -> None:
        # Register the tasks in every process, not only in workers: the web process enqueues
        # them by name, and with no broker runs them itself.
        from claims import tasks  # noqa: F401
        from provenance import checks  # noqa: F401  (registers the deploy checks)
