"""The State Council calendars for test years, taken from the chinesecalendar package so the
expected dates in tests are the real ones."""

import datetime
import functools

import chinese_calendar

from gongkai.workdays.calendar import Calendar


@functools.cache
def china_calendar(years=(2025, 2026)):
    holidays, workdays, names = set(), set(), {}
    for year in years:
        day = datetime.date(year, 1, 1)
        while day.year == year:
            on_holiday, name = chinese_calendar.get_holiday_detail(day)
            if on_holiday and (day.weekday() < 5 or name):
                holidays.add(day)
            if not on_holiday and day.weekday() >= 5:
                workdays.add(day)
            if name:
                names[day] = name
            day += datetime.timedelta(days=1)
    return Calendar(frozenset(holidays), frozenset(workdays), frozenset(years), names)
