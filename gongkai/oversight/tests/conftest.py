import pytest

from gongkai.applications import workflow
from gongkai.applications.tests.calendars import china_calendar
from gongkai.applications.tests.factories import application_input


@pytest.fixture
def holiday_calendar(known_calendar):
    return china_calendar()


@pytest.fixture
def submit(holiday_calendar, at):
    """`submit(unit, on=(2026, 9, 24))`: an online application made that day; the clock is
    left on that day."""

    def make(unit, on=(2026, 9, 24), **overrides):
        at(*on)
        application, _ = workflow.register_application(
            actor=None, **application_input(unit, **overrides)
        )
        return application

    return make


@pytest.fixture
def today():
    import datetime

    return datetime.date(2026, 12, 3)
