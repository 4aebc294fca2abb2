"""Reads across meetings that the console, the dashboard and supervision share."""

from gongkai.workdays.services import current_calendar

from . import rules
from .models import AgendaItem, MeetingState


def missing_interpretations(units, today):
    """Items of held meetings of `units` whose decision still has no interpretation one
    working day after the meeting: (item, due date), oldest first."""
    calendar = current_calendar()
    items = (
        AgendaItem.objects.filter(
            meeting__unit__in=units,
            meeting__state=MeetingState.HELD,
            needs_interpretation=True,
            interpretation__isnull=True,
        )
        .select_related("meeting")
        .order_by("meeting__held_on", "meeting_id", "number")
    )
    found = []
    for item in items:
        due = rules.interpretation_due(calendar, item.meeting.held_on)
        if today > due:
            found.append((item, due))
    return found
