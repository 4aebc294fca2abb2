"""Response deadlines of an incident, from the local policy in settings.

A limit counts either hours (自然小时, from the moment the incident was found, nights and
holidays included) or working days (工作日 on the platform's calendar; the day it was found
is not counted, and the deadline is the end of the last working day). Pure: the calendar is
passed in."""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from gongkai.core.clock import CHINA, local_date
from gongkai.workdays.calendar import Calendar, add_working_days

HOURS = "hours"
WORKING_DAYS = "working_days"
UNITS = {HOURS: "小时", WORKING_DAYS: "个工作日"}
END_OF_DAY = datetime.time(23, 59, 59)


@dataclass(frozen=True)
class Limit:
    count: int
    unit: str

    def __post_init__(self):
        if self.unit not in UNITS or not isinstance(self.count, int) or self.count < 1:
            raise ImproperlyConfigured(f"回应时限设置无效：{self.count!r} {self.unit!r}")

    @property
    def label(self) -> str:
        return f"{self.count}{UNITS[self.unit]}"

    def due(self, start: datetime.datetime, calendar: Calendar) -> datetime.datetime:
        """The last moment that is still on time."""
        if start.tzinfo is None:
            raise ValueError("due() needs an aware moment")
        if self.unit == HOURS:
            return start + datetime.timedelta(hours=self.count)
        day = add_working_days(calendar, local_date(start), self.count)
        return datetime.datetime.combine(day, END_OF_DAY, tzinfo=CHINA)


def _limit(value) -> Limit:
    count, unit = value
    return Limit(count, unit)


def response_limits(level: str) -> tuple[Limit, Limit]:
    """(first response, full response) for an incident level, as the settings say."""
    table = settings.CONCERNS_RESPONSE_LIMITS
    if level not in table:
        raise ImproperlyConfigured(f"CONCERNS_RESPONSE_LIMITS 缺少级别 {level!r}")
    return _limit(table[level]["first"]), _limit(table[level]["full"])


def referral_limit() -> Limit:
    """The report back on a higher-level referral when the referral letter sets no date."""
    return _limit(settings.CONCERNS_REFERRAL_REPORT_LIMIT)
