"""The names the task engine knows the tasks by, in one place.

claims/tasks.py registers each task under its name here; the services enqueue by these names
(claims.services.jobs.enqueue) and settings schedule the sweep by one. A message on the broker
carries the name, so a name is kept once it has been released: workers of the next version
must still know the tasks the last one queued.
"""

PLAN_RESCORING = "claims.plan_rescoring"
RESCORE_BATCH = "claims.rescore_batch"
RUN_IMPORT = "claims.run_import"
RUN_CAPTURE = "claims.run_capture"
DISPATCH_WEBHOOK_EVENTS = "claims.dispatch_webhook_events"
DELIVER_WEBHOOK = "claims.deliver_webhook"
SWEEP_WEBHOOKS = "claims.sweep_webhooks"
EMBED_CLAIMS = "claims.embed_claims"
SWEEP_VECTORS = "claims.sweep_vectors"
COMPACT_TRACK_RECORDS = "claims.compact_track_records"
PLAN_DEPENDENCE = "claims.plan_dependence"
COUNT_DEPENDENCE_BLOCK = "claims.count_dependence_block"
SCHEDULE_DEPENDENCE = "claims.schedule_dependence"
POLL_DUE_FEEDS = "claims.poll_due_feeds"
POLL_FEED = "claims.poll_feed"
RUN_FEED_POLL = "claims.run_feed_poll"
