"""The 政民互动 panel of the console dashboard: what is owed, what is late, and the year's
answers, for the questions the user may see (the office: its government's)."""

from django.conf import settings

from gongkai.accounts import scoping
from gongkai.console.panels import Panel

from . import services
from .models import Reminder, Status

SHOWN = 5


def dashboard_panels(user, today):
    visible = scoping.questions(user)
    if not visible.exists():
        return []
    days = settings.QUESTION_REMINDER_WORKING_DAYS
    soon = services.due_soon_limit(today, days)
    year = visible.filter(received_on__year=today.year)
    overdue = visible.overdue(today).select_related("unit").order_by("due_date", "id")
    context = {
        "open_count": visible.open().count(),
        "unassigned_count": visible.filter(status=Status.RECEIVED).count(),
        "overdue_count": overdue.count(),
        "overdue": list(overdue[:SHOWN]),
        "due_soon_count": visible.open().filter(due_date__gte=today, due_date__lte=soon).count(),
        "reminder_days": days,
        "year_received": year.count(),
        "year_answered": year.answered().count(),
        "year_late": year.answered_late().count(),
        "year_published": year.filter(status=Status.PUBLISHED).count(),
        # Today's reminders of questions still owed (interaction_daily writes them).
        "reminders": Reminder.objects.filter(
            user=user, created_on=today, question__in=visible.open()
        ).order_by("id")[:10],
    }
    return [Panel("政民互动", "interaction/_panel.html", context)]
