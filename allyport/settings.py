"""Settings for Allyport. Every value comes from the environment (see README)."""

from __future__ import annotations

import shutil
from pathlib import Path

import dj_database_url

from allyport.core.env import (
    ConfigError,
    env_bool,
    env_choice,
    env_int,
    env_list,
    env_networks,
    env_str,
    require,
)

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(env_str("ALLYPORT_VAR_DIR") or BASE_DIR / "var")

ENVIRONMENT = env_choice("ALLYPORT_ENV", "development", ("development", "production", "test"))
PRODUCTION = ENVIRONMENT == "production"

if PRODUCTION:
    SECRET_KEY = require("SECRET_KEY")
    ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", [])
    if not ALLOWED_HOSTS:
        raise ConfigError("ALLOWED_HOSTS must be set in production")
    DATABASE_URL = require("DATABASE_URL")
    # Debug pages show settings, SQL and tracebacks to anyone: never in production.
    if env_bool("DEBUG", False):
        raise ConfigError("DEBUG must be off in production (unset DEBUG or set DEBUG=off)")
    DEBUG = False
else:
    # A development key is only ever used outside production.
    SECRET_KEY = env_str("SECRET_KEY") or "allyport-development-only-key-not-for-production"
    ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "testserver", "[::1]"])
    DATABASE_URL = env_str("DATABASE_URL") or f"sqlite:///{VAR_DIR / 'allyport.sqlite3'}"
    DEBUG = env_bool("DEBUG", ENVIRONMENT == "development")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_countries",
    "allauth",
    "allauth.account",
    "django_htmx",
    "template_partials",
    "captcha",
    "django_tasks",
    "django_tasks_db",
    "allyport.core",
    "allyport.jobs",
    "allyport.access",
    "allyport.accounts",
    "allyport.audit",
    "allyport.cloud",
    "allyport.marketplace",
    "allyport.support",
    "allyport.bulk",
    "allyport.events",
    "allyport.pipeline",
    "allyport.customers",
    "allyport.profiles",
    "allyport.connections",
    "allyport.content",
    "allyport.channel",
    "allyport.marketing",
    "allyport.programs",
    "allyport.funding",
    "allyport.worklist",
    "allyport.search",
    "allyport.helpcentre",
    "allyport.assistant",
    "allyport.awsapi",
    "allyport.home",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "allyport.accounts.languages.PreferredLanguageMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "allyport.access.middleware.ActorMiddleware",
]

if PRODUCTION:  # static files are served by Django only in production builds
    MIDDLEWARE.insert(1, "whitenoise.middleware.WhiteNoiseMiddleware")

ROOT_URLCONF = "allyport.urls"
WSGI_APPLICATION = "allyport.wsgi.application"
ASGI_APPLICATION = "allyport.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "allyport" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "allyport.access.context_processors.navigation",
                "allyport.core.context_processors.language_menu",
                "allyport.core.context_processors.mail_delay",
            ],
        },
    }
]

DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60)}
# A persistent connection the database dropped (restart, failover) is replaced at
# the start of the next request instead of failing it (core/outage.py).
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Django's backend with a health check that polls the socket instead of asking
    # the server (core/postgresql/base.py).
    DATABASES["default"]["ENGINE"] = "allyport.core.postgresql"
    # Django turns psycopg's prepared statements off; the one query of every signed-in
    # request asks for one (accounts.backends.fetch_prepared), the rest are unchanged
    # (their cursors bind on the client and are never prepared). A pooler in front of
    # PostgreSQL must support prepared statements (PgBouncer 1.21+).
    DATABASES["default"].setdefault("OPTIONS", {})["prepare_threshold"] = 5
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    DATABASES["default"]["OPTIONS"] = {
        # WAL lets the web server and the task worker share the file.
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 60
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env_str("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env_str("CACHE_KEY_PREFIX") or "allyport",
            # While Redis is down the cache answers "nothing stored" instead of an
            # error: sessions live in the database anyway, pages work, and
            # every limit that guards security fails closed (it cannot count, so it
            # refuses: django-ratelimit with RATELIMIT_FAIL_OPEN off, allauth's lock).
            "OPTIONS": {
                "IGNORE_EXCEPTIONS": True,
                "SOCKET_CONNECT_TIMEOUT": 1,
                "SOCKET_TIMEOUT": 1,
            },
        }
    }
    DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True  # the outage shows in the log
    RATELIMIT_FAIL_OPEN = False  # the default; said here because the comment above relies on it
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

AUTH_USER_MODEL = "accounts.User"
# Sessions in the database, read in one query with the signed-in member, company and
# roles that every signed-in page needs (accounts/sessions.py).
SESSION_ENGINE = "allyport.accounts.sessions"
AUTHENTICATION_BACKENDS = ["allyport.accounts.backends.MemberBackend"]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "allyport.accounts.passwords.GuidePasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "allyport.accounts.passwords.GuessablePasswordValidator"},
]
if ENVIRONMENT == "test":
    # Tests hash many passwords and codes; argon2 stays the hasher everywhere else.
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "home"

# django-allauth: email is the login; codes are six digits; the guide's flows.
ACCOUNT_ADAPTER = "allyport.accounts.adapter.AccountAdapter"
ACCOUNT_FORMS = {"login": "allyport.accounts.forms.SignInForm"}
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_EMAIL_VERIFICATION_BY_CODE_ENABLED = True
ACCOUNT_LOGIN_BY_CODE_ENABLED = False
ACCOUNT_LOGIN_BY_CODE_SUPPORTS_RESEND = True
ACCOUNT_LOGIN_BY_CODE_TIMEOUT = env_int("ALLYPORT_CODE_TIMEOUT", 600, minimum=30)
ACCOUNT_LOGIN_BY_CODE_MAX_ATTEMPTS = 3
ACCOUNT_PASSWORD_RESET_BY_CODE_ENABLED = True
ACCOUNT_PASSWORD_RESET_BY_CODE_TIMEOUT = env_int("ALLYPORT_CODE_TIMEOUT", 600, minimum=30)
ACCOUNT_PASSWORD_RESET_BY_CODE_MAX_ATTEMPTS = 3
ACCOUNT_SESSION_REMEMBER = False  # sessions end when the browser closes
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_PRESERVE_USERNAME_CASING = False
ACCOUNT_RATE_LIMITS = {
    # Failed sign-ins lock sign-in for a while, counted per address and per account.
    "login_failed": env_str("ALLYPORT_LOGIN_FAILED_LIMIT") or "20/10m/ip,5/15m/key",
}
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Allyport] "
# Staff sign-in (/staff/admin/login/) has the same limits; "on" adds an emailed code.
ALLYPORT_STAFF_LOGIN_CODE = env_bool("ALLYPORT_STAFF_LOGIN_CODE", False)
ALLAUTH_USER_CODE_FORMAT = {"numeric": True, "length": 6, "dashed": False}

# Registration and invitations.
ALLYPORT_CODE_TIMEOUT = env_int("ALLYPORT_CODE_TIMEOUT", 600, minimum=30)
ALLYPORT_CODE_MAX_ATTEMPTS = env_int("ALLYPORT_CODE_MAX_ATTEMPTS", 5, minimum=1)
ALLYPORT_INVITATION_DAYS = env_int("ALLYPORT_INVITATION_DAYS", 14, minimum=1)
ALLYPORT_CAPTCHA = env_bool("ALLYPORT_CAPTCHA", True)
# Proxies whose X-Forwarded-For is believed (addresses and CIDR blocks); the client
# address of limits and audit records is decided by core/client_address.py alone.
ALLYPORT_TRUSTED_PROXIES = env_networks("ALLYPORT_TRUSTED_PROXIES")
RATELIMIT_IP_META_KEY = "allyport.core.client_address.client_ip"

# Requests anyone may make before signing in, per email and per client address
# (access/limits.py; django-ratelimit rates, counted in the cache).
ALLYPORT_LIMITS = {
    # Registration's first step, counted before the form is checked: per target address,
    # per target domain and per client address, so nobody sweeps addresses or domains.
    "register": (("email", "10/h"), ("domain", "50/h"), ("ip", "30/h")),
    "send_code": (("email", "5/h"), ("ip", "30/h")),
    "verify_code": (("email", "20/h"), ("ip", "100/h")),
    "contact": (("ip", "5/h"),),
    # IAM user sign-in (cloud console and account linking); "email" is account:user.
    "cloud_signin": (("email", "10/15m"), ("ip", "60/h")),
}
CAPTCHA_IMAGE_SIZE = (160, 50)
CAPTCHA_FONT_SIZE = 32
CAPTCHA_LENGTH = 5
# The audio alternative speaks the characters with flite and, when sox is installed,
# adds noise (Debian packages flite and sox; see docs/deploy.md). Without flite the
# CAPTCHA has no audio link.
CAPTCHA_FLITE_PATH = shutil.which("flite")
CAPTCHA_SOX_PATH = shutil.which("sox")
ALLYPORT_PUBLIC_URL = (env_str("ALLYPORT_PUBLIC_URL") or "http://127.0.0.1:8000").rstrip("/")
ALLYPORT_AWS_REGION = env_str("ALLYPORT_AWS_REGION") or "us-east-1"
# Event history keeps this many days; older records are pruned by a scheduled task.
ALLYPORT_EVENT_RETENTION_DAYS = env_int("ALLYPORT_EVENT_RETENTION_DAYS", 90, minimum=1)
# Days before an imported AWS Certification shows for a company (the FAQ: "allow 5 days").
ALLYPORT_CERTIFICATION_DELAY_DAYS = env_int("ALLYPORT_CERTIFICATION_DELAY_DAYS", 5, minimum=0)
# Encrypts IAM secret access keys at rest (Fernet). Without it, a key is derived
# from SECRET_KEY; set it on its own so rotating SECRET_KEY keeps the secrets readable.
ALLYPORT_ENCRYPTION_KEY = env_str("ALLYPORT_ENCRYPTION_KEY") or ""
# Webhooks (events app): production accepts only https URLs of public addresses
# (the SSRF guard); development and tests may post to http://127.0.0.1.
ALLYPORT_WEBHOOK_REQUIRE_HTTPS = env_bool("ALLYPORT_WEBHOOK_REQUIRE_HTTPS", PRODUCTION)
ALLYPORT_WEBHOOK_ALLOW_PRIVATE = env_bool("ALLYPORT_WEBHOOK_ALLOW_PRIVATE", not PRODUCTION)
# A running bulk job whose progress has not moved for this long lost its worker:
# the maintenance sweep fails it (jobs/recovery.py).
ALLYPORT_JOB_STALLED_SECONDS = env_int("ALLYPORT_JOB_STALLED_SECONDS", 1800, minimum=5)
# Bulk jobs started through the API (jobs/sources.py) read https:// FileURIs only on
# these hosts (comma-separated), through the webhooks' address guard; none by default.
ALLYPORT_BULK_FETCH_HOSTS = [h.lower() for h in env_list("ALLYPORT_BULK_FETCH_HOSTS", [])]
# Uploaded files (support case attachments) on the default storage; on several
# machines point STORAGES["default"] at shared storage (docs/deploy.md).
MEDIA_ROOT = env_str("ALLYPORT_MEDIA_ROOT") or str(VAR_DIR / "media")
# Support case attachments (support/services/attachments.py): the size of one file,
# how many one message carries, and the types allowed, sniffed from the content.
ALLYPORT_SUPPORT_MAX_FILE_BYTES = env_int(
    "ALLYPORT_SUPPORT_MAX_FILE_BYTES", 10 * 1024 * 1024, minimum=1
)
ALLYPORT_SUPPORT_MAX_FILES = env_int("ALLYPORT_SUPPORT_MAX_FILES", 5, minimum=1)
ALLYPORT_SUPPORT_FILE_TYPES = env_list(
    "ALLYPORT_SUPPORT_FILE_TYPES",
    ["text/plain", "application/pdf", "image/png", "image/jpeg", "image/gif", "image/webp",
     "application/zip",
     "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
     "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
     "application/vnd.openxmlformats-officedocument.presentationml.presentation"],
)  # fmt: skip
# AWS Partner Assistant: days its conversations and feedback are kept; the maintenance
# sweep deletes older ones (assistant/services/retention.py).
# The Account API's daily quotas (profiles/services/quotas.py; a rolling 24 hours).
ALLYPORT_PROFILE_UPDATES_PER_DAY = env_int("ALLYPORT_PROFILE_UPDATES_PER_DAY", 10, minimum=1)
ALLYPORT_VISIBILITY_UPDATES_PER_DAY = env_int("ALLYPORT_VISIBILITY_UPDATES_PER_DAY", 5, minimum=1)
ALLYPORT_VERIFICATION_CODES_PER_DAY = env_int("ALLYPORT_VERIFICATION_CODES_PER_DAY", 10, minimum=1)
ALLYPORT_ASSISTANT_RETENTION_DAYS = env_int("ALLYPORT_ASSISTANT_RETENTION_DAYS", 30, minimum=1)
# Questions one person may ask AWS Partner Assistant per minute and per day
# (assistant/services/quota.py; django-ratelimit rates, counted in the cache).
ALLYPORT_ASSISTANT_QUESTION_RATES = (
    f"{env_int('ALLYPORT_ASSISTANT_QUESTIONS_PER_MINUTE', 10, minimum=1)}/m",
    f"{env_int('ALLYPORT_ASSISTANT_QUESTIONS_PER_DAY', 200, minimum=1)}/d",
)
# Where partners' replies to support cases are announced (the staff's shared inbox).
ALLYPORT_SUPPORT_EMAIL = env_str("ALLYPORT_SUPPORT_EMAIL") or "support@allyport.localhost"
# AWS Partner Assistant's optional generator (helpcentre/generator.py): an
# OpenAI-compatible chat-completions endpoint given only the retrieved passages.
# Unset: answers are extractive. A reply that cites no retrieved passage, an error or
# a timeout falls back to the extractive answer.
ALLYPORT_ASSISTANT_GENERATOR_URL = env_str("ALLYPORT_ASSISTANT_GENERATOR_URL") or ""
ALLYPORT_ASSISTANT_GENERATOR_MODEL = env_str("ALLYPORT_ASSISTANT_GENERATOR_MODEL") or ""
ALLYPORT_ASSISTANT_GENERATOR_KEY = env_str("ALLYPORT_ASSISTANT_GENERATOR_KEY") or ""
ALLYPORT_ASSISTANT_GENERATOR_TIMEOUT = env_int(
    "ALLYPORT_ASSISTANT_GENERATOR_TIMEOUT", 10, minimum=1
)

# Selling API quotas per company (spec Appendix A §1.1; awsapi/throttling.py).
# Operations of one group share its counters; rates are django-ratelimit rates
# (fixed windows: "100000/24h" approximates AWS's rolling 24 hours). A group whose
# operations are ["*"] counts each operation not listed elsewhere on its own.
# ALLYPORT_API_THROTTLING=off turns throttling off (tests, benchmarks).
ALLYPORT_API_THROTTLING = env_bool("ALLYPORT_API_THROTTLING", True)
ALLYPORT_API_QUOTAS = {
    "partnercentral-selling": {
        "read": {
            "operations": [
                "GetOpportunity", "GetAwsOpportunitySummary", "ListOpportunities",
                "ListSolutions", "GetEngagementInvitation", "ListEngagementInvitations",
            ],
            "rates": ["10/s", "100000/24h"],
        },
        "write": {
            "operations": [
                "CreateOpportunity", "UpdateOpportunity", "AssociateOpportunity",
                "DisassociateOpportunity", "RejectEngagementInvitation", "AssignOpportunity",
                "StartEngagementFromOpportunityTask", "StartEngagementByAcceptingInvitationTask",
            ],
            "rates": ["1/s", "10000/24h"],
        },
        "prospecting-get": {
            "operations": ["GetProspectingFromEngagementTask"], "rates": ["100/s"],
        },
        "prospecting-list": {
            "operations": ["ListProspectingFromEngagementTasks"], "rates": ["50/s"],
        },
        "prospecting-write": {
            "operations": ["StartProspectingFromEngagementTask"], "rates": ["2/s"],
        },
        "engagement-write": {"operations": ["CreateEngagement"], "rates": ["15/s"]},
        # Not published: each other operation at the read rate.
        "other": {"operations": ["*"], "rates": ["10/s"]},
    },
    # Benefits publishes no quotas: each operation at the selling read rate.
    "partnercentral-benefits": {"each": {"operations": ["*"], "rates": ["10/s"]}},
    # Not published for the Channel API: each operation at the Selling API's read rate.
    "partnercentral-channel": {"other": {"operations": ["*"], "rates": ["10/s"]}},
    # The Account API publishes no rates: each operation at the selling read rate.
    "partnercentral-account": {"each": {"operations": ["*"], "rates": ["10/s"]}},
    # The Marketing API publishes no rates: each operation at the selling read rate.
    "partnercentral-marketing": {"each": {"operations": ["*"], "rates": ["10/s"]}},
}  # fmt: skip

# Background jobs: a database queue and a worker (`manage.py worker`, a db_worker
# that waits out database outages).
TASKS = {
    "default": {
        "BACKEND": env_str("ALLYPORT_TASK_BACKEND") or "django_tasks_db.DatabaseBackend",
    }
}

# Email: SMTP when EMAIL_HOST is set, otherwise (development) console plus the
# development mailbox page. Mail the server cannot take is tried again after
# ALLYPORT_MAIL_RETRY_SECONDS, doubling per attempt (core/mail_retry.py).
ALLYPORT_MAIL_RETRY_SECONDS = env_int("ALLYPORT_MAIL_RETRY_SECONDS", 30, minimum=1)
EMAIL_HOST = env_str("EMAIL_HOST") or ""
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL") or "Allyport <no-reply@allyport.localhost>"
SERVER_EMAIL = DEFAULT_FROM_EMAIL
if EMAIL_HOST:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_PORT = env_int("EMAIL_PORT", 587, minimum=1)
    EMAIL_HOST_USER = env_str("EMAIL_HOST_USER") or ""
    EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD") or ""
    EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
    EMAIL_TIMEOUT = 20
elif PRODUCTION:
    raise ConfigError("EMAIL_HOST must be set in production: Allyport sends sign-in codes")
else:
    EMAIL_BACKEND = "allyport.core.mailbox.DevMailboxBackend"

LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", "English"),
    ("de", "Deutsch"),
    ("es", "Español"),
    ("fr", "Français"),
    ("it", "Italiano"),
    ("ja", "日本語"),
    ("ko", "한국어"),
    ("pt-br", "Português"),
    ("zh-hans", "中文(简体)"),
    ("zh-hant", "中文(繁體)"),
]
LOCALE_PATHS = [BASE_DIR / "allyport" / "locale"]
# Dates and numbers follow the language; English keeps ISO dates (allyport/formats/en).
FORMAT_MODULE_PATH = ["allyport.formats"]
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if PRODUCTION
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = False
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
if PRODUCTION:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000, minimum=0)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL") or "WARNING"},
}
