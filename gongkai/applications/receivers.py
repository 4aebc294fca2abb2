"""Housekeeping on other apps' signals."""

from .services import recompute_open_due_dates


def recompute_after_calendar_change(sender, years=(), current=None, **kwargs):
    """Holiday data changed: every open application's running windows and due date are derived
    again from the calendar as saved."""
    return recompute_open_due_dates(current)
