"""Provenance settings: one module, every knob an environment variable (read by provenance/env.py).

Development defaults are safe to run locally; with DEBUG off, SECRET_KEY is
required and the security settings tighten.
"""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from claims.task_names import COMPACT_TRACK_RECORDS, POLL_DUE_FEEDS, SCHEDULE_DEPENDENCE, SWEEP_VECTORS, SWEEP_WEBHOOKS
from provenance.env import env_bool, env_int, env_list, env_rate, env_seconds, env_size
from provenance.storage import default_storage

BASE_DIR = Path(__file__).resolve().parent.parent


DEBUG = env_bool("DEBUG", True)

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off")
    SECRET_KEY = "development-only-key-not-for-production-use-0123456789abcdef"

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "testserver"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "rest_framework",
    "rest_framework.authtoken",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "simple_history",
    "claims",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "claims.security.content_policy.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # The language from the set_language cookie, else Accept-Language (docs/i18n.md).
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # After authentication: a request's reads may go to a replica (claims/replicas/routing.py).
    "claims.replicas.routing.ReadRouteMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "claims.security.web_limits.WebRateLimitMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Before any view reads a body: one over its limit is answered 413 (claims/request_limits.py).
    "claims.request_limits.RequestBodyLimit",
]

ROOT_URLCONF = "provenance.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
            # Dates and figures in the reader's digits on every page (docs/i18n.md).
            "builtins": ["claims.templatetags.locale_numbers"],
        },
    },
]

WSGI_APPLICATION = "provenance.wsgi.application"

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=env_int("DB_CONN_MAX_AGE", 60),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers proceed while a writer holds the lock; the timeout turns
    # brief write contention into a wait instead of "database is locked". IMMEDIATE
    # takes the write lock at BEGIN: a deferred transaction that has read cannot wait
    # for it later and fails at once, e.g. the loser of two simultaneous approvals.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"timeout": 20, "init_command": "PRAGMA journal_mode=WAL;", "transaction_mode": "IMMEDIATE"}
    )
    DATABASES["default"]["CONN_MAX_AGE"] = 0

# Read replicas (docs/operations.md, "Read replicas"): PostgreSQL streaming standbys of the
# primary, comma-separated. Consumers' reads go to one that answers and is within
# REPLICA_MAX_LAG_SECONDS of the primary; writes, the newsroom's reads and a user's reads for
# REPLICA_READ_YOUR_WRITES_SECONDS after their own write stay on the primary. A replica that
# did not answer is not asked again for REPLICA_RETRY_SECONDS.
DATABASE_REPLICAS: list[str] = []
for number, url in enumerate(env_list("DATABASE_REPLICA_URLS", []), start=1):
    replica = dj_database_url.parse(url, conn_max_age=env_int("DB_CONN_MAX_AGE", 60))
    if replica["ENGINE"] != "django.db.backends.postgresql" or DATABASES["default"]["ENGINE"] != replica["ENGINE"]:
        raise ImproperlyConfigured("DATABASE_REPLICA_URLS are PostgreSQL replicas of a PostgreSQL DATABASE_URL")
    replica.setdefault("OPTIONS", {}).setdefault("connect_timeout", env_int("REPLICA_CONNECT_TIMEOUT_SECONDS", 2))
    # Tests read the primary's test database through it: a standby cannot be created or written.
    replica["TEST"] = {"MIRROR": "default"}
    DATABASES[f"replica_{number}"] = replica
    DATABASE_REPLICAS.append(f"replica_{number}")
DATABASE_ROUTERS = ["claims.replicas.router.ReplicaRouter"]
REPLICA_MAX_LAG_SECONDS = env_seconds("REPLICA_MAX_LAG_SECONDS", 5.0)
REPLICA_READ_YOUR_WRITES_SECONDS = env_seconds("REPLICA_READ_YOUR_WRITES_SECONDS", 10.0)
REPLICA_RETRY_SECONDS = env_seconds("REPLICA_RETRY_SECONDS", 10.0)

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# The interface speaks English, Arabic and Persian (docs/i18n.md); each language's own name.
LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("ar", "العربية"), ("fa", "فارسی")]
LOCALE_PATHS = [BASE_DIR / "locale"]
# Whose digits each language writes (claims/locale_digits.py): CLDR gives plain `ar` Latin
# digits; the Arabic of the Levant, Iraq and the Gulf writes Arabic-Indic ones.
NUMBER_LOCALES = {"ar": os.environ.get("NUMBER_LOCALE_AR", "ar_LB"), "fa": os.environ.get("NUMBER_LOCALE_FA", "fa_IR")}
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": default_storage(os.environ),  # provenance/storage.py
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}

LOGIN_URL = "web:login"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "/"

# Security: strict whenever DEBUG is off (what `check --deploy` asks for).
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", not DEBUG)
CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", not DEBUG)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", not DEBUG)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", not DEBUG)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if env_bool("TRUST_X_FORWARDED_PROTO", False) else None
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"

# Content-Security-Policy of every HTML response (claims/security/content_policy.py): our own
# origin only. CSP_REPORT_ONLY=true sends it as Content-Security-Policy-Report-Only instead,
# to try a change of policy on a live site without breaking pages.
CONTENT_SECURITY_POLICY = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
}
CSP_REPORT_ONLY = env_bool("CSP_REPORT_ONLY", False)


# How many proxies in front of the app append to X-Forwarded-For (0: none, the header is ignored).
# The client's address is the right-most one they do not vouch for (claims/security/client_address.py);
# the API throttles, the login limit and the web UI's rate limit all count clients by it.
NUM_PROXIES = env_int("NUM_PROXIES", 0)
if NUM_PROXIES < 0:
    raise ImproperlyConfigured(f"NUM_PROXIES must be 0 or more, got {NUM_PROXIES}")


REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    # Reads are open (visibility is the queryset's business); writes need a login, and
    # what a user may write is decided by the services, which answer 403.
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticatedOrReadOnly"],
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_PAGINATION_CLASS": "claims.api.pagination.KeysetPagination",
    "DEFAULT_RENDERER_CLASSES": ["claims.api.renderers.OrjsonRenderer"],
    "DEFAULT_PARSER_CLASSES": ["claims.api.parsers.JsonParser"],
    "TEST_REQUEST_DEFAULT_FORMAT": "json",
    "DEFAULT_SCHEMA_CLASS": "claims.api.schema.AutoSchema",
    "EXCEPTION_HANDLER": "claims.api.errors.exception_handler",
    "DEFAULT_THROTTLE_CLASSES": [
        "claims.api.throttling.AnonThrottle",
        "claims.api.throttling.UserThrottle",
    ],
    "DEFAULT_THROTTLE_RATES": {
        "anon": env_rate("THROTTLE_ANON", "120/minute"),
        "user": env_rate("THROTTLE_USER", "1200/minute"),
    },
}

# The web UI's rate limit per client address (claims/security/web_limits.py): every page, and
# on top of that the claims list when it searches or filters. "off" removes a limit.
WEB_RATE_PAGES = env_rate("WEB_RATE_PAGES", "300/minute")
WEB_RATE_SEARCH = env_rate("WEB_RATE_SEARCH", "60/minute")

# Failed logins at /login/ and /admin/login/ (claims/security/login_limits.py): this many for one
# username, or from one address, lock it for LOGIN_LOCKOUT_SECONDS. 0 switches a limit off.
LOGIN_FAILURES_PER_ACCOUNT = env_int("LOGIN_FAILURES_PER_ACCOUNT", 5)
LOGIN_FAILURES_PER_ADDRESS = env_int("LOGIN_FAILURES_PER_ADDRESS", 20)
LOGIN_LOCKOUT_SECONDS = env_int("LOGIN_LOCKOUT_SECONDS", 15 * 60)


def cache_settings(url: str) -> dict:
    """Local memory by default (one count per process); a redis:// URL shares it between workers."""
    if not url:
        return {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "provenance"}
    if url.startswith(("redis://", "rediss://", "unix://")):
        return {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": url}
    raise ImproperlyConfigured(f"CACHE_URL must be a redis://, rediss:// or unix:// URL, got {url!r}")


# Rate limits, throttles and login failures are counted here: behind several gunicorn workers
# (or machines) they need the shared cache of CACHE_URL to be exact.
CACHES = {"default": cache_settings(os.environ.get("CACHE_URL", "").strip())}

SPECTACULAR_SETTINGS = {
    "TITLE": "Provenance API",
    "DESCRIPTION": "Claims reported in the news, their republication chains, "
    "independence-aware confidence and editorial review. Guide: docs/api.md.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "claims.api.schema.allow_empty_query_values",
    ],
    # Choice fields are named after the domain's choices, not after the first field that uses them.
    "ENUM_NAME_OVERRIDES": {
        "Reliability": "claims.choices.Reliability",
        "OutletKind": "claims.choices.OutletKind",
        "ActorKind": "claims.choices.ActorKind",
        "AffiliationRelation": "claims.choices.AffiliationRelation",
        "ActorRelation": "claims.choices.ActorRelation",
        "ClaimKind": "claims.choices.ClaimKind",
        "ReviewState": "claims.choices.ReviewState",
        "CitationKind": "claims.choices.CitationKind",
        "Stance": "claims.choices.Stance",
        "ResponsibilityStatus": "claims.choices.ResponsibilityStatus",
        "ConfidenceLabel": "claims.choices.ConfidenceLabel",
        "DeliveryState": "claims.choices.DeliveryState",
        "CaptureStatus": "claims.choices.CaptureStatus",
        "JobState": "claims.choices.JobState",
        "SuggestionState": "claims.choices.SuggestionState",
        "WebhookEventKind": "claims.choices.WebhookEventKind",
        "WatchKind": "claims.choices.WatchKind",
        "FeedState": "claims.choices.FeedState",
        "InboxState": "claims.choices.InboxState",
        "SuggestionMatch": "claims.choices.SuggestionMatch",
    },
}

# The largest request body (a JSON write, a form) and file upload (an import: file and form
# together) the server reads; larger ones are answered 413 (docs/operations.md). Django's default
# for the first; a JSON Lines claim with its chain is about 1 KB, so an upload holds tens of thousands.
DATA_UPLOAD_MAX_MEMORY_SIZE = env_size("DATA_UPLOAD_MAX_MEMORY_SIZE", 2_621_440)  # 2.5 MB
IMPORT_MAX_UPLOAD_BYTES = env_size("IMPORT_MAX_UPLOAD_BYTES", 52_428_800)  # 50 MB
# The admin's claim page posts some eight fields for each of the claim's rows: Django's default of
# 1,000 turned away a claim of 120 appearances. 10,000 takes a claim of a thousand.
DATA_UPLOAD_MAX_NUMBER_FIELDS = env_size("DATA_UPLOAD_MAX_NUMBER_FIELDS", 10_000)

# Claims are rescored in batches of this many during bulk loads and after
# changes that reach many claims at once (an outlet's grade, an affiliation).
CONFIDENCE_BATCH_SIZE = env_int("CONFIDENCE_BATCH_SIZE", 1000)

# The task engine (SPEC §12, docs/operations.md). With no broker, tasks run in-process right
# after the transaction that enqueued them commits (claims.services.jobs.enqueue), so the
# embedded default needs nothing more; a worker's retries then run at once, without backoff.
CELERY_BROKER_URL = os.environ.get("CELERY_BROKER_URL", "")
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
if CELERY_TASK_ALWAYS_EAGER:
    # Celery still takes a producer for an in-process task; in memory, it connects to nothing.
    CELERY_BROKER_URL = "memory://"
CELERY_TASK_EAGER_PROPAGATES = False  # a failed job is recorded on its Job, not raised into the request
CELERY_TASK_IGNORE_RESULT = True  # the outcome of a job is its Job row
# A task is acknowledged when it has run, not when it is received: a worker killed mid-task
# leaves the message on the broker, which hands it out again (after the visibility timeout on
# Redis), and tasks are idempotent.
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# How long a message a worker took, and has not acknowledged, stays with it before Redis hands
# it to another worker: the time a killed worker's task waits to be run again. Longer than any
# one task (a rescoring batch takes under a second; an import holds its job by a lease, below).
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": env_int("CELERY_VISIBILITY_TIMEOUT", 600),
    "unacked_restore_interval": env_int("CELERY_RESTORE_INTERVAL", 10),
}
CELERY_TASK_DEFAULT_QUEUE = os.environ.get("CELERY_QUEUE", "provenance")
# How many times a failed task is tried again, with exponential backoff, before its job fails.
JOB_MAX_RETRIES = env_int("JOB_MAX_RETRIES", 5)
# A running job whose task has not been heard of for this long may be taken over by another.
JOB_LEASE_SECONDS = env_int("JOB_LEASE_SECONDS", 300)

# Requests this server makes to URLs it is given (capture, webhooks: claims/outbound.py). Loopback,
# private, link-local and reserved addresses are refused unless a network here names them:
# comma-separated CIDRs, e.g. "127.0.0.0/8" for a test server; empty in production.
OUTBOUND_ALLOWED_NETWORKS = env_list("OUTBOUND_ALLOWED_NETWORKS", [])
OUTBOUND_MAX_BYTES = env_int("OUTBOUND_MAX_BYTES", 10 * 1024 * 1024)
# One total deadline for every outbound call: the lookup, connecting, sending and the last byte
# of the answer, redirects included (claims/outbound_deadline.py). Connecting alone is capped
# shorter, so a host that does not answer at all is given up on early.
OUTBOUND_DEADLINE_SECONDS = env_seconds("OUTBOUND_DEADLINE_SECONDS", 30.0)
OUTBOUND_CONNECT_TIMEOUT_SECONDS = env_seconds("OUTBOUND_CONNECT_TIMEOUT_SECONDS", 5.0)
# With no broker, outbound tasks (captures, webhook tries) run after the response on this many
# threads of each web process (claims/services/background.py), never in a request's time.
OUTBOUND_THREADS = env_size("OUTBOUND_THREADS", 4)

# Webhooks (SPEC §14, docs/webhooks.md). A delivery is tried at most WEBHOOK_MAX_ATTEMPTS times;
# after the n-th failed try the next waits the n-th of WEBHOOK_RETRY_DELAYS seconds (the last one
# again past the end): 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h, eight tries over about 27 hours.
# A webhook try's own deadline, shorter than OUTBOUND_DEADLINE_SECONDS (the shorter of the two holds).
WEBHOOK_TIMEOUT_SECONDS = env_seconds("WEBHOOK_TIMEOUT_SECONDS", 10.0)
WEBHOOK_MAX_ATTEMPTS = env_int("WEBHOOK_MAX_ATTEMPTS", 8)
WEBHOOK_RETRY_DELAYS = [
    int(seconds) for seconds in env_list("WEBHOOK_RETRY_DELAYS", ["5", "300", "1800", "7200", "18000", "36000"])
]
# Failed tries in a row, over all of a subscription's deliveries, after which it is paused.
WEBHOOK_PAUSE_AFTER_FAILURES = env_int("WEBHOOK_PAUSE_AFTER_FAILURES", 20)
# Seconds between sweeps (celery beat) for events not fanned out and deliveries due.
WEBHOOK_SWEEP_SECONDS = env_int("WEBHOOK_SWEEP_SECONDS", 60)
# Where the site is reached, for the claim links in webhook bodies ("https://provenance.example.org");
# empty: the links are paths.
SITE_URL = os.environ.get("SITE_URL", "").rstrip("/")
# Matching by meaning (docs/meaning.md). Threads the sentence model may use per process (0: all cores).
MEANING_THREADS = env_int("MEANING_THREADS", 1)
# Seconds between sweeps for claims whose vector a lost task never computed.
MEANING_SWEEP_SECONDS = env_int("MEANING_SWEEP_SECONDS", 300)
# A saved vector index (`manage.py embed_claims --save-index`) that processes start from instead of
# reading every vector; empty: each process builds its index from the database when first asked.
MEANING_INDEX_FILE = os.environ.get("MEANING_INDEX_FILE", "")
# Seconds between foldings of the outlets' track-record entries (claims/services/track_records.py).
TRACK_RECORD_COMPACT_SECONDS = env_int("TRACK_RECORD_COMPACT_SECONDS", 60)
# Learned source dependence (SPEC §17, docs/scoring.md). Pairs sharing fewer claims are not
# considered; claims carried by more outlets than DEPENDENCE_POPULAR_FROM are what everybody carries
# and say nothing of copying. A pair is suggested to reviewers, and discounts confidence, from
# DEPENDENCE_SUGGEST_FROM. The full recompute is split into DEPENDENCE_BLOCKS tasks (one per worker);
# the schedule runs the incremental path every DEPENDENCE_SCHEDULE_SECONDS (0: never).
DEPENDENCE_MIN_SHARED = env_int("DEPENDENCE_MIN_SHARED", 3)
DEPENDENCE_POPULAR_FROM = env_int("DEPENDENCE_POPULAR_FROM", 25)
DEPENDENCE_SUGGEST_FROM = float(os.environ.get("DEPENDENCE_SUGGEST_FROM", "0.8"))
DEPENDENCE_BLOCKS = env_int("DEPENDENCE_BLOCKS", 2)
DEPENDENCE_SCHEDULE_SECONDS = env_int("DEPENDENCE_SCHEDULE_SECONDS", 3600)
# How far before the last run's reading an incremental run looks for changes (writes in flight then).
DEPENDENCE_LOOK_BACK_SECONDS = env_int("DEPENDENCE_LOOK_BACK_SECONDS", 300)
# Monitored feeds (SPEC §16, docs/feeds.md). Every FEED_SCHEDULE_SECONDS celery beat (or cron, by
# `manage.py poll_feeds`) polls the feeds whose interval has passed. A feed's answer may be at most
# FEED_MAX_BYTES; a failing feed waits twice as long after each failure, up to FEED_MAX_BACKOFF_SECONDS.
FEED_SCHEDULE_SECONDS = env_int("FEED_SCHEDULE_SECONDS", 60)
FEED_DEFAULT_INTERVAL = env_int("FEED_DEFAULT_INTERVAL", 900)
FEED_MAX_BYTES = env_int("FEED_MAX_BYTES", 5 * 1024 * 1024)
FEED_MAX_BACKOFF_SECONDS = env_int("FEED_MAX_BACKOFF_SECONDS", 24 * 3600)
# How many claims each inbox item suggests.
INBOX_SUGGESTIONS = env_int("INBOX_SUGGESTIONS", 3)
CELERY_BEAT_SCHEDULE = {
    "sweep-webhooks": {"task": SWEEP_WEBHOOKS, "schedule": float(WEBHOOK_SWEEP_SECONDS)},
    "sweep-vectors": {"task": SWEEP_VECTORS, "schedule": float(MEANING_SWEEP_SECONDS)},
    "compact-track-records": {"task": COMPACT_TRACK_RECORDS, "schedule": float(TRACK_RECORD_COMPACT_SECONDS)},
    "poll-due-feeds": {"task": POLL_DUE_FEEDS, "schedule": float(FEED_SCHEDULE_SECONDS)},
}
if DEPENDENCE_SCHEDULE_SECONDS:
    CELERY_BEAT_SCHEDULE["outlet-dependence"] = {
        "task": SCHEDULE_DEPENDENCE,
        "schedule": float(DEPENDENCE_SCHEDULE_SECONDS),
    }

# Uploaded files (imports) go through Django's storage API: local files by default.
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT") or BASE_DIR / "media")

# History is read per object, by its id, never by date across a table: no index on history_date.
SIMPLE_HISTORY_DATE_INDEX = False

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}
