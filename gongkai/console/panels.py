"""Dashboard panels contributed by the domain apps. An app adds a panel by defining
`dashboard_panels(user, today)` in its `dashboard.py`, returning a list of Panel; the console
shows them in app order, so no app edits the dashboard template."""

import importlib
from dataclasses import dataclass, field

PANEL_APPS = (
    "operations",
    "workdays",
    "publishing",
    "applications",
    "search",
    "pages",
    "reports",
    "feedback",
    "interaction",
    "oversight",
    "lists",
    "decisions",
    "participation",
    "concerns",
    "units",
    "accounts",
)


@dataclass
class Panel:
    title: str
    template: str
    context: dict = field(default_factory=dict)


def panels_for(user, today):
    found = []
    for app in PANEL_APPS:
        try:
            module = importlib.import_module(f"gongkai.{app}.dashboard")
        except ModuleNotFoundError as exc:
            if exc.name != f"gongkai.{app}.dashboard":
                raise
            continue
        found.extend(module.dashboard_panels(user, today))
    return found
