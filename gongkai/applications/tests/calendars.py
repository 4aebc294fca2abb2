"""The State Council calendars for test years, as the chinesecalendar package gives them (with
their Chinese holiday names), so the expected dates in tests are the real ones."""

import datetime
import functools

from gongkai.workdays.calendar import Calendar
from gongkai.workdays.known import year_data


@functools.cache
def china_calendar(years=(2025, 2026)):
    holidays, workdays, names = set(), set(), {}
    for year in years:
        data = year_data(year)
        holidays.update(datetime.date.fromisoformat(d) for d in data["holidays"])
        workdays.update(datetime.date.fromisoformat(d) for d in data["workdays"])
        names.update({datetime.date.fromisoformat(d): n for d, n in data["names"].items()})
    return Calendar(frozenset(holidays), frozenset(workdays), frozenset(years), names)
