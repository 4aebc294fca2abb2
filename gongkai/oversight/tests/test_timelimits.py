"""The time-limit parser of standard-catalogue items, and the due dates it gives."""

import datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gongkai.oversight import timelimits as tl
from gongkai.workdays.calendar import working_days_between

D = datetime.date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("信息形成或变更之日起20个工作日内", tl.TimeLimit(tl.WORKING_DAYS, 20)),
        ("自信息形成（变更）之日起二十个工作日内", tl.TimeLimit(tl.WORKING_DAYS, 20)),
        ("作出决定之日起7个工作日内公开", tl.TimeLimit(tl.WORKING_DAYS, 7)),
        ("形成之日起30日内", tl.TimeLimit(tl.CALENDAR_DAYS, 30)),
        ("收到之日起十五天内", tl.TimeLimit(tl.CALENDAR_DAYS, 15)),
        ("实时公开", tl.TimeLimit(tl.REALTIME)),
        ("长期公开", tl.TimeLimit(tl.STANDING)),
        ("每年1月31日前", tl.TimeLimit(tl.ANNUAL_DATE, month=1, day=31)),
        ("每年三月三十一日前公开上年度报告", tl.TimeLimit(tl.ANNUAL_DATE, month=3, day=31)),
        ("按季度更新", tl.TimeLimit(tl.PERIODIC, 3)),
        ("每月更新", tl.TimeLimit(tl.PERIODIC, 1)),
        ("按法定时限", tl.TimeLimit(tl.UNKNOWN)),
        ("", tl.TimeLimit(tl.UNKNOWN)),
        ("每年2月30日前", tl.TimeLimit(tl.UNKNOWN)),
        ("0个工作日内", tl.TimeLimit(tl.UNKNOWN)),
    ],
)
def test_phrases_of_published_catalogues(text, expected):
    assert tl.parse(text) == expected


@pytest.mark.parametrize(
    ("text", "n"),
    [("十", 10), ("十五", 15), ("二十", 20), ("二十五", 25), ("九十九", 99), ("7", 7), ("两", 2)],
)
def test_chinese_numbers(text, n):
    assert tl.chinese_number(text) == n


@given(
    st.integers(1, 99),
    st.sampled_from(["信息形成或变更之日起", "自", ""]),
    st.booleans(),
    st.sampled_from(["内", "内公开", ""]),
)
def test_any_count_of_working_days_is_read_back(n, prefix, chinese, suffix):
    written = _chinese(n) if chinese else str(n)
    assert tl.parse(f"{prefix}{written}个工作日{suffix}") == tl.TimeLimit(tl.WORKING_DAYS, n)


@given(st.text(max_size=40))
def test_any_text_parses_to_a_limit_without_error(text):
    limit = tl.parse(text)
    assert limit.kind in {
        tl.WORKING_DAYS,
        tl.CALENDAR_DAYS,
        tl.REALTIME,
        tl.STANDING,
        tl.ANNUAL_DATE,
        tl.PERIODIC,
        tl.UNKNOWN,
    }
    limit.describe()


def _chinese(n):
    digits = "零一二三四五六七八九"
    if n < 10:
        return digits[n]
    tens, units = divmod(n, 10)
    return ("" if tens == 1 else digits[tens]) + "十" + (digits[units] if units else "")


def test_due_dates_on_the_working_day_calendar(known_calendar):
    calendar = known_calendar
    # 2026-09-30 (Wednesday) + 20 working days crosses the National Day holiday.
    due = tl.due_date(tl.TimeLimit(tl.WORKING_DAYS, 20), calendar, D(2026, 9, 30))
    assert working_days_between(calendar, D(2026, 9, 30), due) == 20
    assert due > D(2026, 10, 28)
    assert tl.due_date(tl.TimeLimit(tl.CALENDAR_DAYS, 30), calendar, D(2026, 1, 10)) == D(
        2026, 2, 9
    )
    assert tl.due_date(tl.TimeLimit(tl.ANNUAL_DATE, month=1, day=31), calendar, D(2026, 3, 1)) == D(
        2027, 1, 31
    )
    assert tl.due_date(tl.TimeLimit(tl.PERIODIC, 3), calendar, D(2026, 11, 30)) == D(2027, 2, 28)
    assert tl.due_date(tl.TimeLimit(tl.STANDING), calendar, D(2026, 1, 1)) is None


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])  # calendar: read-only
@given(st.integers(1, 60), st.dates(D(2025, 1, 1), D(2026, 11, 30)))
def test_working_day_due_dates_count_exactly_n_working_days(known_calendar, n, start):
    due = tl.due_date(tl.TimeLimit(tl.WORKING_DAYS, n), known_calendar, start)
    assert working_days_between(known_calendar, start, due) == n
    assert known_calendar.is_working_day(due)
