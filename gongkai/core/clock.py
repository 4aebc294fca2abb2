"""The one place that reads the clock. Legal dates are dates in China's time zone, whatever
the server's zone, so domain code asks here instead of calling date.today(), and turns a stored
moment into a date with `local_date`: the UTC date of a moment is a day early for everything
that happens in China between 00:00 and 08:00."""

import zoneinfo

from django.utils import timezone

CHINA = zoneinfo.ZoneInfo("Asia/Shanghai")


def local_now():
    return timezone.now().astimezone(CHINA)


def local_today():
    return local_now().date()


def this_year() -> int:
    return local_today().year


def local_date(moment):
    """The China date of an aware moment (a stored `…_at` field, say)."""
    return moment.astimezone(CHINA).date()
