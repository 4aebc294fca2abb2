from gongkai.accounts import scoping
from gongkai.accounts.permissions import units_for
from gongkai.accounts.roles import Role
from gongkai.console.panels import Panel

from . import services
from .models import VersionStatus


def dashboard_panels(user, today):
    panels = []
    waiting = scoping.list_versions(user, Role.REVIEWER).filter(status=VersionStatus.SUBMITTED)
    if waiting.exists():
        context = {"waiting": list(waiting.select_related("public_list__unit")[:10])}
        panels.append(Panel("待审核的清单", "lists/_review_panel.html", context))
    government = units_for(user, Role.OFFICE).filter(kind="government").order_by("pk").first()
    if government is not None:
        units = list(scoping.work_units(user, Role.OFFICE).filter(is_active=True))
        counts = {"missing": 0, "late": 0, "stale": 0}
        for _unit, states in services.office_overview(units, government, today):
            for _kind, standing in states:
                if standing.state in counts:
                    counts[standing.state] += 1
        panels.append(Panel("各单位清单", "lists/_office_panel.html", counts))
    return panels
