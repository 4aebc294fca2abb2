"""The console dashboard's annual-report panel: per unit, last year's report and its deadline."""

from gongkai.accounts import scoping
from gongkai.console.panels import Panel
from gongkai.units.models import Unit

from .services import deadline_rows
from .workflow import READ_ROLES


def dashboard_panels(user, today):
    units = Unit.objects.receiving_applications().filter(
        pk__in=scoping.work_units(user, *READ_ROLES).values("pk")
    )
    rows = deadline_rows(list(units), today)
    if not rows:
        return []
    context = {"rows": rows, "year": today.year - 1, "overdue": sum(row.overdue for row in rows)}
    return [
        Panel(f"{today.year - 1}年度政府信息公开工作年度报告", "reports/_dashboard.html", context)
    ]
