"""The one place that reads the clock. Legal dates are dates in China's time zone, whatever
the server's zone, so domain code asks here instead of calling date.today(), and turns a stored
moment into a date with `local_date`: the UTC date of a moment is a day early for everything
that happens in China between 00:00 and 08:00."""

import contextlib
import contextvars
import datetime
import zoneinfo

from django.utils import timezone

CHINA = zoneinfo.ZoneInfo("Asia/Shanghai")

# The real clock, kept before `pretend` ever replaces django.utils.timezone.now.
_real_now = timezone.now
_pretended: contextvars.ContextVar[datetime.datetime | None] = contextvars.ContextVar(
    "pretended_now", default=None
)


def now():
    """The current moment, aware and in UTC (what timezone.now gives), or the moment the demo
    loader is pretending it is. Model defaults use this, so audit events follow `pretend`."""
    moment = _pretended.get()
    return moment if moment is not None else _real_now()


def local_now():
    return now().astimezone(CHINA)


def local_today():
    return local_now().date()


def this_year() -> int:
    return local_today().year


def local_date(moment):
    """The China date of an aware moment (a stored `…_at` field, say)."""
    return moment.astimezone(CHINA).date()


def real_local_now():
    """The actual moment, whatever `pretend` says: the demo loader needs it to never pretend a
    moment after the real one."""
    return _real_now().astimezone(CHINA)


@contextlib.contextmanager
def pretend(moment: datetime.datetime):
    """Make the clock answer `moment` until the block ends — for the demo loader only, which
    builds a past through the same workflow functions a person's clicks call, so every audit
    event, review record and `auto_now` stamp carries the day the demo pretends it happened.

    Besides local_now and friends, django.utils.timezone.now is replaced for the block because
    Django stamps auto_now/auto_now_add fields through it; the loader runs alone in its
    process, so swapping the module attribute touches no other request."""
    if moment.tzinfo is None:
        raise ValueError("pretend() needs an aware moment")
    if moment > _real_now():
        raise ValueError(f"the demo may not pretend a future moment: {moment.isoformat()}")
    token = _pretended.set(moment.astimezone(datetime.UTC))
    saved = timezone.now
    timezone.now = now
    try:
        yield
    finally:
        timezone.now = saved
        _pretended.reset(token)
