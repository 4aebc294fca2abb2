"""Properties of working-day arithmetic that hold for any calendar."""

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from gongkai.workdays.calendar import (
    Calendar,
    Pause,
    add_working_days,
    compute_deadline,
    working_days_between,
)

LOW, HIGH = date(2024, 1, 1), date(2027, 12, 31)
dates = st.dates(min_value=LOW, max_value=date(2027, 6, 30))
periods = st.integers(min_value=1, max_value=45)


@st.composite
def calendars(draw):
    holidays = draw(st.frozensets(st.dates(LOW, HIGH), max_size=60))
    weekend_days = st.dates(LOW, HIGH).filter(lambda d: d.weekday() >= 5)
    workdays = draw(st.frozensets(weekend_days, max_size=15)) - holidays
    known = draw(st.frozensets(st.integers(2024, 2027)))
    return Calendar(holidays=holidays, workdays=workdays, known_years=known)


@st.composite
def pause_lists(draw):
    starts = draw(st.lists(dates, max_size=3))
    return [Pause(s, s + timedelta(days=draw(st.integers(0, 20)))) for s in starts]


def with_holiday(calendar: Calendar, day: date) -> Calendar:
    return Calendar(
        holidays=calendar.holidays | {day},
        workdays=calendar.workdays - {day},
        known_years=calendar.known_years,
    )


@given(calendars(), dates, periods, pause_lists(), st.integers(0, 20))
def test_due_date_is_a_working_day_outside_any_pause(calendar, start, limit, pauses, extension):
    deadline = compute_deadline(
        calendar, start=start, limit=limit, pauses=pauses, extension=extension
    )
    assert calendar.is_working_day(deadline.due)
    assert not any(p.covers(deadline.due) for p in pauses)
    assert deadline.due > start


@given(calendars(), dates, st.integers(0, 45))
def test_working_days_between_inverts_add_working_days(calendar, start, n):
    assert working_days_between(calendar, start, add_working_days(calendar, start, n)) == n


@given(calendars(), dates, periods, st.dates(LOW, HIGH))
def test_adding_a_holiday_never_makes_the_due_date_earlier(calendar, start, limit, holiday):
    before = compute_deadline(calendar, start=start, limit=limit).due
    after = compute_deadline(with_holiday(calendar, holiday), start=start, limit=limit).due
    assert after >= before


@given(calendars(), dates, periods, pause_lists(), dates, st.integers(0, 30))
def test_adding_a_pause_never_makes_the_due_date_earlier(
    calendar, start, limit, pauses, pause_start, length
):
    before = compute_deadline(calendar, start=start, limit=limit, pauses=pauses).due
    more = [*pauses, Pause(pause_start, pause_start + timedelta(days=length))]
    after = compute_deadline(calendar, start=start, limit=limit, pauses=more).due
    assert after >= before


@given(calendars(), dates, periods, st.integers(0, 20))
def test_extension_never_makes_the_due_date_earlier(calendar, start, limit, extension):
    plain = compute_deadline(calendar, start=start, limit=limit)
    extended = compute_deadline(calendar, start=start, limit=limit, extension=extension)
    assert extended.due >= plain.due
    assert extended.due == add_working_days(calendar, start, limit + extension)


@given(calendars(), dates, periods, pause_lists())
def test_explanation_accounts_for_every_day(calendar, start, limit, pauses):
    deadline = compute_deadline(calendar, start=start, limit=limit, pauses=pauses)
    days = [step.day for step in deadline.explanation]
    assert days == [start + timedelta(days=i) for i in range(1, len(days) + 1)]
    assert days[-1] == deadline.due
    assert [s.count for s in deadline.counted_steps] == list(range(1, limit + 1))
    assert all(s.kind in {"counted", "makeup_workday"} for s in deadline.counted_steps)
    assert all(s.note for s in deadline.explanation)


@given(calendars(), dates, periods)
def test_provisional_exactly_when_a_day_falls_in_an_unknown_year(calendar, start, limit):
    deadline = compute_deadline(calendar, start=start, limit=limit)
    unknown = {s.day.year for s in deadline.explanation} - calendar.known_years
    assert deadline.provisional == bool(unknown)
    assert deadline.assumed_years == tuple(sorted(unknown))
