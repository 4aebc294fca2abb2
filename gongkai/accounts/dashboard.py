"""Dashboard panels of the three administrators (三员): each sees the state of the one thing
their role looks after, and the page where they act on it."""

from datetime import datetime, time

from axes.models import AccessAttempt
from django.conf import settings

from gongkai.audit.models import AuditEvent
from gongkai.console.panels import Panel
from gongkai.core.clock import CHINA

from . import scoping
from .permissions import roles_of
from .roles import Role


def dashboard_panels(user, today):
    roles = roles_of(user)
    panels = []
    if Role.SYSADMIN in roles:
        accounts = scoping.accounts_with_roles()
        context = {"active": accounts.filter(is_active=True).count()}
        context["inactive"] = accounts.filter(is_active=False).count()
        panels.append(Panel("系统管理", "accounts/_panel_sysadmin.html", context))
    if Role.SECADMIN in roles:
        locked = AccessAttempt.objects.filter(failures_since_start__gte=settings.AXES_FAILURE_LIMIT)
        panels.append(
            Panel("登录安全", "accounts/_panel_secadmin.html", {"locked": locked.count()})
        )
    if Role.AUDITADMIN in roles:
        since = datetime.combine(today, time.min, tzinfo=CHINA)
        events = AuditEvent.objects.filter(created_at__gte=since)
        context = {"today": events.count(), "latest": AuditEvent.objects.all()[:5]}
        panels.append(Panel("审计", "accounts/_panel_auditadmin.html", context))
    return panels
