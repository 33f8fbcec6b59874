"""manage.py send_webhooks

Fans out the webhook events not yet fanned out and sends (or enqueues, with a broker) every
delivery whose try is due: what celery beat does every WEBHOOK_SWEEP_SECONDS. On the embedded
default (no broker) run it from cron every minute, so retries are made (docs/operations.md).
Safe to run at any time: a delivery is taken by one try at a time.
"""

from django.core.management.base import BaseCommand

from claims.services.webhook_sweep import webhooks_sweep


class Command(BaseCommand):
    help = "Fan out pending webhook events and send the deliveries that are due."

    def handle(self, *args: object, **options: object) -> None:
        swept = webhooks_sweep()
        self.stdout.write(f"{swept.events} event(s) fanned out, {swept.deliveries} delivery(ies) due sent or enqueued.")
