"""URL map. The portal and the console each mount in one place; every domain app contributes
public patterns (namespace = app name) and console patterns (namespace = console-<app>)."""

import importlib

from django.urls import include, path

from gongkai.api.api import api
from gongkai.operations.views import healthz

DOMAIN_APPS = (
    "workdays",
    "publishing",
    "applications",
    "search",
    "reports",
    "feedback",
    "oversight",
    "lists",
    "enforcement",
    "decisions",
    "participation",
    "interaction",
    "concerns",
)


def _domain_patterns():
    patterns = []
    for app in DOMAIN_APPS:
        module = importlib.import_module(f"gongkai.{app}.urls")
        patterns.append(path("", include((module.portal_urlpatterns, app))))
        patterns.append(
            path(f"console/{app}/", include((module.console_urlpatterns, f"console-{app}")))
        )
    return patterns


urlpatterns = [
    path("", include("gongkai.portal.urls")),
    path("console/", include("gongkai.console.urls")),
    path("api/", api.urls),
    path("healthz", healthz, name="healthz"),
    *_domain_patterns(),
]

handler400 = "gongkai.portal.errors.bad_request"
handler403 = "gongkai.portal.errors.forbidden"
handler404 = "gongkai.portal.errors.not_found"
handler500 = "gongkai.portal.errors.server_error"
