"""Loads the demo district. Each app's demo module is idempotent, so running this twice adds
nothing the second time."""

import importlib

from django.core.management.base import BaseCommand

DEMO_APPS = (
    "units",
    "accounts",
    "workdays",
    "publishing",
    "applications",
    "search",
    "reports",
    "lists",
    "enforcement",
    "decisions",
    "concerns",
    "oversight",
    "participation",
    "interaction",
)


class Command(BaseCommand):
    help = "Load the demo district (units, staff, documents, applications, reports). Idempotent."

    def handle(self, *args, **options):
        for app in DEMO_APPS:
            try:
                module = importlib.import_module(f"gongkai.{app}.demo")
            except ModuleNotFoundError as exc:
                if exc.name != f"gongkai.{app}.demo":
                    raise
                continue
            module.load(self.stdout)
        self.stdout.write(self.style.SUCCESS("演示数据已就绪。"))
