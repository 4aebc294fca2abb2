"""The supervision panel of the console dashboard: how many problems the user's units have
today, linking to the page that lists them by unit."""

from gongkai.accounts import scoping
from gongkai.console.panels import Panel

from . import services


def dashboard_panels(user, today):
    units = scoping.supervised_units(user)
    if not units.exists():
        return []
    _, rows = services.dashboard_rows(units, today)
    troubled = [row for row in rows if row.total]
    context = {
        "units": len(troubled),
        "problems": sum(row.total for row in rows),
        "vetoed": sum(any(c.vetoed for c in row.cells) for row in rows),
    }
    return [Panel("督查", "oversight/_panel.html", context)]
