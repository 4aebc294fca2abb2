"""The applications panel of the console dashboard: today's reminders and the counts of open,
due-soon and overdue applications the user may see."""

from gongkai.accounts import scoping
from gongkai.console.panels import Panel

from .models import Reminder


def dashboard_panels(user, today):
    visible = scoping.applications(user)
    if not visible.exists():
        return []
    context = {
        "open_count": visible.open().count(),
        "overdue_count": visible.overdue(today).count(),
        "reminders": Reminder.objects.filter(user=user, read=False).select_related("application")[
            :10
        ],
        "extension_requests": scoping.extension_requests(user).select_related(
            "application", "requested_by"
        )[:10],
    }
    return [Panel("依申请公开", "applications/console/_panel.html", context)]
