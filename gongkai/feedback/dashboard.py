from gongkai.accounts.permissions import units_for
from gongkai.accounts.roles import Role
from gongkai.console.panels import Panel

from .models import Message

SHOWN = 5


def dashboard_panels(user, today):
    governments = units_for(user, Role.OFFICE)
    if not governments.exists():
        return []
    waiting = Message.objects.unhandled().filter(government__in=governments)
    context = {"count": waiting.count(), "latest": list(waiting[:SHOWN])}
    return [Panel("公众纠错和意见", "feedback/_panel.html", context)]
