"""Housekeeping on other apps' signals."""

from .services import recompute_open_due_dates


def recompute_after_calendar_change(sender, years=(), **kwargs):
    """Holiday data changed: every open application's due date is derived again."""
    return recompute_open_due_dates()
