import datetime

import pytest

from gongkai.applications.tests.calendars import china_calendar


@pytest.fixture
def calendar_years(known_calendar):
    """The real 2024–2026 State Council holiday arrangements in the database."""
    return china_calendar(years=(2024, 2025, 2026))


@pytest.fixture
def in_2026(at):
    """Reports for 2025 are written in January 2026."""
    at(2026, 1, 20)
    return datetime.date(2026, 1, 20)
