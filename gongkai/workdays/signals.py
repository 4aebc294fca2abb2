"""``calendar_changed`` is sent after a year's holiday arrangement is saved, inside the same
transaction, with ``years`` (the years changed), ``previous`` and ``current`` (the Calendar
before and after) and ``actor``. Receivers recompute what depends on those years and return a
list of human-readable change lines, which the calendar page shows to the administrator."""

from django.dispatch import Signal

calendar_changed = Signal()
