from gongkai.accounts import scoping
from gongkai.console.panels import Panel
from gongkai.core.clock import now


def dashboard_panels(user, today):
    incidents = scoping.incidents(user)
    open_count = incidents.open().count()
    if not open_count and not incidents.late(now()).exists():
        return []
    late = list(incidents.late(now()).select_related("handling_unit")[:10])
    context = {"open_count": open_count, "late": late, "late_count": incidents.late(now()).count()}
    return [Panel("政务舆情", "concerns/_panel.html", context)]
