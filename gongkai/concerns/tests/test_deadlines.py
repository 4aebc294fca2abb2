"""Response deadlines: hours run day and night, working days follow the calendar with the day
of detection not counted and end at the close of the last day; the figures come from settings."""

import datetime

import pytest
from django.core.exceptions import ImproperlyConfigured

from gongkai.concerns import deadlines
from gongkai.concerns.deadlines import HOURS, WORKING_DAYS, Limit
from gongkai.workdays.calendar import Calendar

from .conftest import moment

# National Day 2025 as the State Council's notice has it: 1–8 October off, Sunday 28 September
# and Saturday 11 October worked.
NATIONAL_DAY = Calendar(
    holidays=frozenset(datetime.date(2025, 10, d) for d in range(1, 9)),
    workdays=frozenset({datetime.date(2025, 9, 28), datetime.date(2025, 10, 11)}),
    known_years=frozenset({2025}),
)
END = datetime.time(23, 59, 59)


def _end_of(*ymd):
    return moment(*ymd, 23, 59, 59)


@pytest.mark.parametrize(
    ("start", "hours", "due"),
    [
        # Plain hours, inside one day.
        (moment(2025, 9, 24, 9, 0), 5, moment(2025, 9, 24, 14, 0)),
        # Across midnight.
        (moment(2025, 9, 24, 22, 30), 5, moment(2025, 9, 25, 3, 30)),
        # Across a weekend: hours do not stop on Saturday and Sunday.
        (moment(2025, 9, 26, 18, 0), 48, moment(2025, 9, 28, 18, 0)),
        # Across a public holiday, too.
        (moment(2025, 9, 30, 20, 0), 24, moment(2025, 10, 1, 20, 0)),
        # Across the end of a year.
        (moment(2025, 12, 31, 23, 0), 5, moment(2026, 1, 1, 4, 0)),
    ],
)
def test_hours_run_day_and_night(start, hours, due):
    assert Limit(hours, HOURS).due(start, NATIONAL_DAY) == due


def test_hours_count_from_the_moment_whatever_its_zone():
    start_utc = moment(2025, 9, 24, 7, 30).astimezone(datetime.UTC)
    assert Limit(5, HOURS).due(start_utc, NATIONAL_DAY) == moment(2025, 9, 24, 12, 30)


@pytest.mark.parametrize(
    ("start", "days", "due"),
    [
        # Found on a Wednesday: Thursday is the first working day counted.
        (moment(2025, 9, 24, 9, 0), 1, _end_of(2025, 9, 25)),
        # Late in the evening: still that day, not counted.
        (moment(2025, 9, 24, 23, 59), 1, _end_of(2025, 9, 25)),
        # Just after midnight: the next day, not counted.
        (moment(2025, 9, 25, 0, 1), 1, _end_of(2025, 9, 26)),
        # Found on a Friday: Saturday is skipped, the make-up Sunday 28 September counts.
        (moment(2025, 9, 26, 10, 0), 1, _end_of(2025, 9, 28)),
        (moment(2025, 9, 26, 10, 0), 2, _end_of(2025, 9, 29)),
        # Found on the Saturday: the make-up Sunday is the first working day.
        (moment(2025, 9, 27, 10, 0), 1, _end_of(2025, 9, 28)),
        # Before the holiday: 1–8 October are skipped, 9 October is the second working day.
        (moment(2025, 9, 29, 10, 0), 1, _end_of(2025, 9, 30)),
        (moment(2025, 9, 29, 10, 0), 2, _end_of(2025, 10, 9)),
        # Found during the holiday: counting starts after it.
        (moment(2025, 10, 3, 10, 0), 1, _end_of(2025, 10, 9)),
        # The make-up Saturday 11 October counts.
        (moment(2025, 10, 9, 10, 0), 2, _end_of(2025, 10, 11)),
        # Ten working days across the whole holiday: 28, 29, 30 September, 9, 10, 11, 13, 14,
        # 15, 16 October.
        (moment(2025, 9, 26, 10, 0), 10, _end_of(2025, 10, 16)),
    ],
)
def test_working_days_follow_the_calendar(start, days, due):
    assert Limit(days, WORKING_DAYS).due(start, NATIONAL_DAY) == due


def test_a_working_day_deadline_ends_at_the_close_of_the_day_in_china_time():
    # 20:00 UTC on 23 September is 04:00 on 24 September in China: the day counted from is
    # the 24th, so one working day ends at 23:59:59 China time on the 25th.
    start = datetime.datetime(2025, 9, 23, 20, 0, tzinfo=datetime.UTC)
    due = Limit(1, WORKING_DAYS).due(start, NATIONAL_DAY)
    assert due == _end_of(2025, 9, 25)
    assert due.astimezone(datetime.UTC) == datetime.datetime(
        2025, 9, 25, 15, 59, 59, tzinfo=datetime.UTC
    )


def test_a_naive_moment_is_refused():
    with pytest.raises(ValueError):
        Limit(5, HOURS).due(datetime.datetime(2025, 9, 24, 9, 0), NATIONAL_DAY)


@pytest.mark.parametrize(
    ("limit", "label"), [(Limit(5, HOURS), "5小时"), (Limit(3, WORKING_DAYS), "3个工作日")]
)
def test_limits_say_what_they_count(limit, label):
    assert limit.label == label


@pytest.mark.parametrize(
    ("count", "unit"), [(0, HOURS), (-1, WORKING_DAYS), (3, "days"), ("3", HOURS)]
)
def test_a_wrong_setting_fails_loudly(count, unit):
    with pytest.raises(ImproperlyConfigured):
        Limit(count, unit)


def test_limits_come_from_settings(settings):
    settings.CONCERNS_RESPONSE_LIMITS = {
        **settings.CONCERNS_RESPONSE_LIMITS,
        "general": {"first": (2, HOURS), "full": (7, WORKING_DAYS)},
    }
    assert deadlines.response_limits("general") == (Limit(2, HOURS), Limit(7, WORKING_DAYS))
    settings.CONCERNS_REFERRAL_REPORT_LIMIT = (36, HOURS)
    assert deadlines.referral_limit() == Limit(36, HOURS)


def test_a_level_missing_from_settings_fails_loudly(settings):
    settings.CONCERNS_RESPONSE_LIMITS = {}
    with pytest.raises(ImproperlyConfigured):
        deadlines.response_limits("general")


def test_every_level_has_both_limits_in_the_default_settings():
    from gongkai.concerns.models import Level

    for level in Level.values:
        first, full = deadlines.response_limits(level)
        assert first.count > 0 and full.count > 0
