"""The one place that reads the clock. Legal dates are dates in China's time zone, whatever
the server's zone, so domain code asks here instead of calling date.today()."""

import zoneinfo

from django.utils import timezone

CHINA = zoneinfo.ZoneInfo("Asia/Shanghai")


def local_now():
    return timezone.now().astimezone(CHINA)


def local_today():
    return local_now().date()
