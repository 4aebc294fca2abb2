import pytest

from gongkai.applications import workflow
from gongkai.applications.tests.calendars import china_calendar
from gongkai.applications.tests.factories import application_input


@pytest.fixture
def holiday_calendar(known_calendar):
    """The real 2025 and 2026 holiday arrangements in the database."""
    return china_calendar()


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
