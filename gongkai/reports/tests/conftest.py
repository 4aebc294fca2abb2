import datetime

import pytest

from gongkai.applications.tests.calendars import china_calendar
from gongkai.applications.tests.factories import moment


@pytest.fixture
def calendar_years(db):
    """The real 2024–2026 State Council holiday arrangements in the database."""
    from gongkai.workdays.models import Source
    from gongkai.workdays.services import forget_cached_calendar, save_year

    calendar = china_calendar(years=(2024, 2025, 2026))
    for year in (2024, 2025, 2026):
        save_year(
            actor=None,
            year=year,
            holidays=[d for d in calendar.holidays if d.year == year],
            workdays=[d for d in calendar.workdays if d.year == year],
            names={d: n for d, n in calendar.holiday_names.items() if d.year == year},
            source=Source.CHINESECALENDAR,
        )
    forget_cached_calendar()
    return calendar


@pytest.fixture
def at(time_machine):
    """`at(2026, 1, 20)` sets the clock to 10:00 China time that day."""

    def move(year, month, day, hour=10):
        time_machine.move_to(moment(year, month, day, hour), tick=False)

    return move


@pytest.fixture
def in_2026(at):
    """Reports for 2025 are written in January 2026."""
    at(2026, 1, 20)
    return datetime.date(2026, 1, 20)
