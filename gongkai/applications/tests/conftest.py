import pytest

from gongkai.applications import workflow
from gongkai.applications.tests.calendars import china_calendar
from gongkai.applications.tests.factories import application_input, moment


@pytest.fixture
def holiday_calendar(db):
    """The real 2025 and 2026 holiday arrangements in the database."""
    from gongkai.workdays.models import Source
    from gongkai.workdays.services import forget_cached_calendar, save_year

    calendar = china_calendar()
    for year in (2025, 2026):
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
    """`at(2026, 9, 24)` sets the clock to 10:00 China time that day."""

    def move(year, month, day, hour=10):
        time_machine.move_to(moment(year, month, day, hour), tick=False)

    return move


@pytest.fixture
def submit(holiday_calendar, at):
    """`submit(unit, on=(2026, 9, 24), **overrides)`: an online application made that day."""

    def make(unit, on=(2026, 9, 24), **overrides):
        at(*on)
        application, code = workflow.register_application(
            actor=None, **application_input(unit, **overrides)
        )
        application.access_code = code
        return application

    return make
