"""A year whose holiday notice is not out yet still skips the holidays the law fixes.

The statutory days come from 《全国年节及纪念日放假办法》 (2024) Art. 2 and the lunar calendar; an
assumed make-up weekday stands in for each one that falls on a weekend (Art. 6). Checked against
the real notices of 2025 and 2026 and against known lunar dates of later years.
"""

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gongkai.workdays.calendar import (
    HOLIDAY,
    WEEKEND,
    Calendar,
    YearEntry,
    add_working_days,
    compute_deadline,
)
from gongkai.workdays.known import year_data
from gongkai.workdays.statutory import festivals, provisional_days

YEARS = range(2025, 2101)
# Art. 2: 元旦 1 + 春节 4 + 清明 1 + 劳动节 2 + 端午 1 + 中秋 1 + 国庆 3.
STATUTORY_DAYS_OFF = 13


def statutory_dates(year):
    return {d.day for d in provisional_days(year) if d.statutory}


def assumed_dates(year):
    return {d.day for d in provisional_days(year) if not d.statutory}


def official_holidays(year):
    return {date.fromisoformat(d) for d in year_data(year)["holidays"]}


@pytest.mark.parametrize("year", [2025, 2026])
def test_statutory_days_are_days_off_in_the_real_notice(year):
    assert statutory_dates(year) <= official_holidays(year)


@pytest.mark.parametrize("year", [2025, 2026])
def test_assumed_make_up_days_match_the_real_notice(year):
    # The convention (first free weekday after the break) is what the notices did.
    assert assumed_dates(year) <= official_holidays(year)


def test_2026_weekend_holidays_get_make_up_weekdays():
    days = {d.day: d for d in provisional_days(2026)}
    assert days[date(2026, 4, 5)].festival == "清明节"  # Sunday
    assert not days[date(2026, 4, 6)].statutory
    assert days[date(2026, 5, 4)].festival == "劳动节"  # for Saturday 2 May
    assert days[date(2026, 10, 5)].festival == "国庆节"  # for Saturday 3 October


def test_2027_from_the_lunar_calendar_and_the_solar_term():
    days = dict(festivals(2027))
    assert days["春节"] == tuple(date(2027, 2, d) for d in (5, 6, 7, 8))  # 除夕 to 初三
    assert days["清明节"] == (date(2027, 4, 5),)
    assert days["端午节"] == (date(2027, 6, 9),)
    assert days["中秋节"] == (date(2027, 9, 15),)
    # 春节 covers Saturday 6 and Sunday 7 February: two make-up weekdays after the break.
    assert assumed_dates(2027) >= {date(2027, 2, 9), date(2027, 2, 10)}


def test_mid_autumn_on_national_day_still_gives_a_day_off():
    # 2028: 中秋 is 3 October, a 国庆 day, so one more weekday is owed after the break.
    assert dict(festivals(2028))["中秋节"] == (date(2028, 10, 3),)
    assert assumed_dates(2028) >= {date(2028, 10, 4), date(2028, 10, 5)}


@pytest.mark.parametrize("year", YEARS)
def test_every_year_gives_thirteen_weekdays_off(year):
    days = provisional_days(year)
    weekdays = [d for d in days if d.day.weekday() < 5]
    assert len(weekdays) == len({d.day for d in weekdays}) == STATUTORY_DAYS_OFF
    assert all(d.day.year == year for d in days)
    assert all(d.day.weekday() < 5 for d in days if not d.statutory)


@settings(deadline=None)  # the first lunar computation of a year is slow on a busy machine
@given(st.integers(min_value=2025, max_value=2100))
def test_festivals_fall_in_their_seasons(year):
    days = dict(festivals(year))
    eve, *new_year = days["春节"]
    assert date(year, 1, 20) <= eve <= date(year, 2, 19)
    assert [d - eve for d in new_year] == [timedelta(days=n) for n in (1, 2, 3)]
    assert date(year, 4, 4) <= days["清明节"][0] <= date(year, 4, 6)
    assert date(year, 5, 26) <= days["端午节"][0] <= date(year, 6, 26)
    assert date(year, 9, 7) <= days["中秋节"][0] <= date(year, 10, 8)


def test_a_year_before_the_2024_revision_is_not_guessed():
    with pytest.raises(ValueError):
        festivals(2024)


def known_2026():
    data = year_data(2026)
    return YearEntry(
        2026,
        frozenset(date.fromisoformat(d) for d in data["holidays"]),
        frozenset(date.fromisoformat(d) for d in data["workdays"]),
    )


def test_a_deadline_into_an_unknown_year_skips_its_statutory_holidays():
    calendar = Calendar.from_years([known_2026()], assumes_statutory_holidays=True)
    deadline = compute_deadline(calendar, start=date(2026, 12, 10), limit=20)
    # Friday 1 January 2027 is 元旦 by law: the 20th working day moves to Friday 8 January.
    assert deadline.due == date(2027, 1, 8)
    assert deadline.provisional and deadline.assumed_years == (2027,)
    new_year = next(s for s in deadline.explanation if s.day == date(2027, 1, 1))
    assert new_year.kind == HOLIDAY and new_year.count is None
    assert "元旦（法定假日" in new_year.note and "暂定" in new_year.note


def test_the_explanation_tells_statutory_from_assumed_days():
    calendar = Calendar.from_years([known_2026()], assumes_statutory_holidays=True)
    deadline = compute_deadline(calendar, start=date(2027, 2, 1), limit=10)
    notes = {s.day: s for s in deadline.explanation}
    assert "春节（法定假日" in notes[date(2027, 2, 5)].note
    assert notes[date(2027, 2, 6)].kind == WEEKEND and "春节" in notes[date(2027, 2, 6)].note
    assert "春节补假（适逢周末按惯例推定，以国务院办公厅通知为准）" in notes[date(2027, 2, 9)].note
    # Tue 2 – Thu 4 February, then from Thursday 11 February: 3 + 7 working days.
    assert deadline.due == date(2027, 2, 19)


def test_a_known_year_ignores_the_statutory_guess():
    calendar = Calendar.from_years([known_2026()], assumes_statutory_holidays=True)
    # Sunday 4 January 2026 was a make-up working day in the real notice.
    assert add_working_days(calendar, date(2025, 12, 31), 2) == date(2026, 1, 5)
    assert calendar.provisional_day(date(2026, 1, 1)) is None


def test_without_the_assumption_an_unknown_year_counts_weekends_only():
    calendar = Calendar.from_years([known_2026()])
    assert calendar.is_working_day(date(2027, 1, 1))
    assert add_working_days(calendar, date(2026, 12, 31), 1) == date(2027, 1, 1)


@settings(deadline=None)  # the first lunar computation of a year is slow on a busy machine
@given(
    start=st.dates(min_value=date(2027, 1, 1), max_value=date(2035, 12, 31)),
    n=st.integers(min_value=1, max_value=60),
)
def test_no_deadline_ends_on_a_provisional_day_off(start, n):
    calendar = Calendar(assumes_statutory_holidays=True)
    due = add_working_days(calendar, start, n)
    assert calendar.provisional_day(due) is None
    assert due.weekday() < 5
