"""Settings, read from the environment. A fresh clone runs on SQLite in development mode;
GONGKAI_ENV=production turns on the secure defaults and refuses to start without a secret key.
Every variable is listed in the README's configuration table."""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from gongkai.core import keys

BASE_DIR = Path(__file__).resolve().parent.parent


def env_str(name, default=""):
    return os.environ.get(name, default)


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    if value.lower() in ("1", "true", "yes", "on"):
        return True
    if value.lower() in ("0", "false", "no", "off", ""):
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {value!r}")


def env_int(name, default):
    value = os.environ.get(name)
    if value is None:
        return default
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}") from None


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SITE_NAME = env_str("SITE_NAME", "东岚区政务公开平台")
SITE_OWNER = env_str("SITE_OWNER", "东岚区人民政府办公室")

PRODUCTION = env_str("GONGKAI_ENV", "development") == "production"
DEBUG = env_bool("DEBUG", default=not PRODUCTION)

SECRET_KEY = env_str("SECRET_KEY")
if not SECRET_KEY:
    if PRODUCTION:
        raise ImproperlyConfigured("SECRET_KEY must be set when GONGKAI_ENV=production")
    SECRET_KEY = "development-only-insecure-key-do-not-use-in-production"

# Personal data (ID numbers, phones, addresses, identity proofs) is encrypted with this key.
# Rotating it needs re-encryption, so it is separate from SECRET_KEY: set the new key here, the
# old one in DATA_ENCRYPTION_OLD_KEYS, run `manage.py rotate_encryption_key`, then drop the
# old one. LOOKUP_HASH_KEY keys the lookup hashes (the same applicant, one person's accounts).
# Each must be 32 random bytes in URL-safe base64 (gongkai.core.keys); development has fixed,
# public keys, which production refuses.
DATA_ENCRYPTION_KEY = env_str("DATA_ENCRYPTION_KEY")
DATA_ENCRYPTION_OLD_KEYS = env_list("DATA_ENCRYPTION_OLD_KEYS")
LOOKUP_HASH_KEY = env_str("LOOKUP_HASH_KEY")
for _name in ("DATA_ENCRYPTION_KEY", "LOOKUP_HASH_KEY"):
    if not globals()[_name] and PRODUCTION:
        raise ImproperlyConfigured(f"{_name} must be set when GONGKAI_ENV=production")
DATA_ENCRYPTION_KEY = DATA_ENCRYPTION_KEY or keys.DEVELOPMENT_DATA_KEY
LOOKUP_HASH_KEY = LOOKUP_HASH_KEY or keys.DEVELOPMENT_LOOKUP_KEY
if PRODUCTION or not DEBUG:
    for _name, _value in [
        ("DATA_ENCRYPTION_KEY", DATA_ENCRYPTION_KEY),
        ("LOOKUP_HASH_KEY", LOOKUP_HASH_KEY),
        *(("DATA_ENCRYPTION_OLD_KEYS", old) for old in DATA_ENCRYPTION_OLD_KEYS),
    ]:
        if keys.refusal(_name, _value):
            raise ImproperlyConfigured(keys.refusal(_name, _value))
if PRODUCTION:
    if {DATA_ENCRYPTION_KEY, LOOKUP_HASH_KEY} & set(keys.DEVELOPMENT_KEYS):
        raise ImproperlyConfigured(
            "DATA_ENCRYPTION_KEY and LOOKUP_HASH_KEY must not be the development keys in production"
        )
    if DATA_ENCRYPTION_KEY == LOOKUP_HASH_KEY:
        raise ImproperlyConfigured("LOOKUP_HASH_KEY must differ from DATA_ENCRYPTION_KEY")

ALLOWED_HOSTS = env_list(
    "ALLOWED_HOSTS", "" if PRODUCTION else "127.0.0.1,localhost,[::1],testserver"
)
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

DATA_DIR = Path(env_str("DATA_DIR", str(BASE_DIR / "var")))
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(DATA_DIR / "media")))
MEDIA_URL = "/media/"
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(DATA_DIR / "static")))
STATIC_URL = "/static/"
# This node's full-text index; empty means DATA_DIR/search (each node keeps its own).
SEARCH_INDEX_DIR = env_str("SEARCH_INDEX_DIR", "")
# This node's static copies of public pages; empty means DATA_DIR/pages.
PAGES_DIR = env_str("PAGES_DIR", "")
# The public address the static copies are rendered for (absolute links in feeds, sitemap).
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000")

# No Django admin: 三员分立 leaves no back door around the services. gongkai.accounts comes
# before django.contrib.auth so that its `createsuperuser` (which refuses) wins.
INSTALLED_APPS = [
    "gongkai.accounts",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "ninja",
    "axes",
    "django_otp",
    # django-otp's own TOTP and static devices kept their secrets in the clear; they stay
    # installed only so that accounts' migration 0006 can move old rows out of their (now
    # empty) tables. The devices in use are accounts.AuthenticatorDevice and RecoveryDevice.
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "gongkai.core",
    "gongkai.audit",
    "gongkai.units",
    "gongkai.workdays",
    "gongkai.publishing",
    "gongkai.applications",
    "gongkai.search",
    "gongkai.reports",
    "gongkai.pages",
    "gongkai.feedback",
    "gongkai.oversight",
    "gongkai.lists",
    "gongkai.enforcement",
    "gongkai.decisions",
    "gongkai.participation",
    "gongkai.interaction",
    "gongkai.concerns",
    "gongkai.operations",
    "gongkai.portal",
    "gongkai.console",
    "gongkai.api",
]

MIDDLEWARE = [
    "gongkai.core.middleware.RequestBodyLimitMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "gongkai.core.middleware.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "gongkai.pages.serving.StaticCopyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "gongkai.audit.middleware.ActingUserMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "gongkai.accounts.middleware.SessionPolicyMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "gongkai.urls"
WSGI_APPLICATION = "gongkai.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "gongkai.portal.context_processors.site",
                "gongkai.pages.context_processors.urgent_notices",
                "gongkai.console.context_processors.roles",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{DATA_DIR / 'gongkai.sqlite3'}"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # In production each worker keeps its connection too (persistent connections): opening the
    # file and running the PRAGMAs below cost more than many a page's own queries.
    DATABASES["default"]["CONN_MAX_AGE"] = env_int("DATABASE_CONN_MAX_AGE", 60) if PRODUCTION else 0
    DATABASES["default"]["OPTIONS"] = {
        # WAL lets readers work while a writer commits; IMMEDIATE avoids lock upgrades that
        # fail with "database is locked" under concurrent writes.
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
    DATABASES["default"]["TEST"] = {"NAME": ":memory:"}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "gongkai.accounts.validators.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "gongkai.accounts.validators.BreachedPasswordValidator"},
    {"NAME": "gongkai.accounts.validators.CharacterClassValidator"},
]
LOGIN_URL = "console:login"
LOGIN_REDIRECT_URL = "console:dashboard"

# Idle console sessions end after 30 minutes: the expiry moves with every request.
SESSION_COOKIE_AGE = env_int("SESSION_IDLE_SECONDS", 30 * 60)
# However active, a console session ends this long after sign-in (accounts.middleware).
SESSION_ABSOLUTE_SECONDS = env_int("SESSION_ABSOLUTE_SECONDS", 12 * 60 * 60)
SESSION_SAVE_EVERY_REQUEST = True
SESSION_EXPIRE_AT_BROWSER_CLOSE = True

AXES_FAILURE_LIMIT = env_int("LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("LOGIN_LOCKOUT_MINUTES", 30))
AXES_LOCKOUT_PARAMETERS = ["username"]
AXES_CLIENT_IP_CALLABLE = "gongkai.core.throttle.client_address"
AXES_LOCKOUT_TEMPLATE = "console/locked_out.html"
AXES_RESET_ON_SUCCESS = True
# Every failure and every sign-in is kept (AccessFailureLog, AccessLog); accounts.signals
# refuses to delete them, and axes must never prune them.
AXES_ENABLE_ACCESS_FAILURE_LOG = True
AXES_ACCESS_FAILURE_LOG_PER_USER_LIMIT = 10**12
AXES_VERBOSE = False
# Axes locks per account; per client address a higher limit (a whole office may sit behind one
# NAT) is kept by core.throttle's atomic counter in the login view.
SILENCED_SYSTEM_CHECKS = ["axes.W006"]
LOGIN_ADDRESS_FAILURE_LIMIT = env_int("LOGIN_ADDRESS_FAILURE_LIMIT", 30)

# Second factor (accounts.second_factor): the three administrators always give a TOTP code
# after their password; every staff account does whenever DEBUG is off. Production refuses
# to turn it off — 等保 level 3 asks two factors of every administrator of the system.
SECOND_FACTOR_FOR_ALL_STAFF = env_bool("SECOND_FACTOR_FOR_ALL_STAFF", default=not DEBUG)
if PRODUCTION and not SECOND_FACTOR_FOR_ALL_STAFF:
    raise ImproperlyConfigured(
        "SECOND_FACTOR_FOR_ALL_STAFF cannot be off when GONGKAI_ENV=production"
    )
# Wrong codes per account (and, with LOGIN_ADDRESS_FAILURE_LIMIT, per client address) within
# LOGIN_LOCKOUT_MINUTES; counted by core.throttle's shared counter, not django-otp's own
# per-device delay, so one mechanism limits every guess.
SECOND_FACTOR_FAILURE_LIMIT = env_int("SECOND_FACTOR_FAILURE_LIMIT", 5)
OTP_TOTP_ISSUER = SITE_NAME  # the name an authenticator app shows beside the code
# Development only: the demo's accounts that need a second factor are enrolled with this TOTP
# secret (base32), which `manage.py demo_logins` prints. A secret everyone knows is no factor,
# so production refuses it.
SECOND_FACTOR_DEMO_SECRET = env_str(
    "SECOND_FACTOR_DEMO_SECRET", "" if PRODUCTION else "GONGKAIDEMOTOTPSECRETFORDEMOONLY"
)
if PRODUCTION and SECOND_FACTOR_DEMO_SECRET:
    raise ImproperlyConfigured(
        "SECOND_FACTOR_DEMO_SECRET is for development; unset it in production"
    )

# Rate limits of the public side, per client address (core.throttle): wrong tracking-number /
# access-code pairs per 15 minutes, and applications submitted per hour.
LOOKUP_FAILURE_LIMIT = env_int("LOOKUP_FAILURE_LIMIT", 5)
SUBMISSION_LIMIT = env_int("SUBMISSION_LIMIT", 10)
# Behind a reverse proxy: the header it writes the client's address into (e.g. X-Real-IP or
# X-Forwarded-For, whose last entry is used). Empty: the connection's address, as is.
TRUSTED_PROXY_HEADER = env_str("TRUSTED_PROXY_HEADER")

# 等保 2.0 and the Cybersecurity Law (Art. 21) ask for logs kept at least six months.
AUDIT_RETENTION_DAYS = env_int("AUDIT_RETENTION_DAYS", 183)
if AUDIT_RETENTION_DAYS < 183:
    raise ImproperlyConfigured("AUDIT_RETENTION_DAYS must be at least 183 (six months)")

LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", "简体中文")]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if PRODUCTION
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}

REDIS_URL = env_str("REDIS_URL")
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": REDIS_URL,
    }
    if REDIS_URL
    else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
}

EMAIL_BACKEND = env_str(
    "EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend"
    if PRODUCTION
    else "django.core.mail.backends.console.EmailBackend",
)
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "gongkai@localhost")

UPLOAD_MAX_BYTES = env_int("UPLOAD_MAX_BYTES", 20 * 1024 * 1024)
# 政民互动: a public question or a letter to the leaders' mailbox is answered within this many
# working days of its receipt (the clock is kept when it is forwarded between units). The
# national inspection indicators for government websites (政府网站与政务新媒体检查指标, 互动
# 回应差) count a message left unanswered, or answered more than 3 months after it was
# received, as a failure (单项否决); 10 working days is well within that line.
QUESTION_REPLY_WORKING_DAYS = env_int("QUESTION_REPLY_WORKING_DAYS", 10)
# The handler is reminded (console and e-mail) when this many working days are left.
QUESTION_REMINDER_WORKING_DAYS = env_int("QUESTION_REMINDER_WORKING_DAYS", 2)
# An urgent release (应急信息发布) must have its post-publication review closed within this.
URGENT_REVIEW_HOURS = env_int("URGENT_REVIEW_HOURS", 24)
# Response deadlines of public-opinion incidents (政务舆情), per level: (count, "hours" or
# "working_days"); hours run day and night, working days on the platform's calendar with the
# day of detection not counted. LOCAL POLICY, UNCONFIRMED — shared/domain/rules.md states no
# figure. The defaults follow figures commonly quoted from 国办发〔2016〕61号 (authoritative
# information on 重大、特别重大 incidents within 5 hours; others answered within 48 hours);
# the full-response periods are placeholders for the local government to set.
CONCERNS_RESPONSE_LIMITS = {
    "general": {"first": (48, "hours"), "full": (10, "working_days")},
    "significant": {"first": (24, "hours"), "full": (5, "working_days")},
    "major": {"first": (5, "hours"), "full": (3, "working_days")},
    "extraordinary": {"first": (5, "hours"), "full": (24, "hours")},
}
# The report back on a higher-level referral when the referral letter sets no date
# (UNCONFIRMED, local policy).
CONCERNS_REFERRAL_REPORT_LIMIT = (5, "working_days")
# A stored file nothing refers to is removed by collect_orphan_files only when older than this,
# so the file of a transaction still running is never taken.
ORPHAN_FILE_GRACE_HOURS = env_int("ORPHAN_FILE_GRACE_HOURS", 24)
# Whole request bodies: a larger Content-Length is refused before anything is read
# (core.middleware.RequestBodyLimitMiddleware). The margin covers the form around a file.
REQUEST_BODY_MAX_BYTES = env_int("REQUEST_BODY_MAX_BYTES", UPLOAD_MAX_BYTES + 1024 * 1024)
# Non-file fields (and JSON bodies: the API takes a 5 MB identity proof in base64) held in memory.
DATA_UPLOAD_MAX_MEMORY_SIZE = 8 * 1024 * 1024
DATA_UPLOAD_MAX_NUMBER_FILES = 10
# Every uploaded file goes to a temporary file on disk, never into memory, and is checked by
# its size there before anything reads it.
FILE_UPLOAD_MAX_MEMORY_SIZE = 0
FILE_UPLOAD_HANDLERS = ["django.core.files.uploadhandler.TemporaryFileUploadHandler"]

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
if PRODUCTION:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {"axes": {"level": "WARNING"}},
}
