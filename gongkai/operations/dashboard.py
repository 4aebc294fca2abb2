"""The system alerts panel of the console dashboard, for the openness office of the units
concerned and the system administrator."""

from django.db.models import Q

from gongkai.accounts.permissions import has_any_role, units_for
from gongkai.accounts.roles import Role
from gongkai.console.panels import Panel

from .alerts import open_alerts
from .mail import failed_mail


def dashboard_panels(user, today):
    if has_any_role(user, Role.SYSADMIN):
        alerts = open_alerts()
    elif has_any_role(user, Role.OFFICE):
        alerts = open_alerts().filter(Q(unit=None) | Q(unit__in=units_for(user, Role.OFFICE)))
    else:
        return []
    alerts = list(alerts[:20])
    failed = list(failed_mail().order_by("-id")[:10])
    if not alerts and not failed:
        return []
    return [Panel("系统提醒", "operations/_panel.html", {"alerts": alerts, "failed_mail": failed})]
