"""Deadlines on real dates of the 2025-2026 calendars, as staff would check them by hand."""

from datetime import date

import pytest

from gongkai.workdays.calendar import (
    Calendar,
    Pause,
    add_working_days,
    compute_deadline,
    working_days_between,
)
from gongkai.workdays.tests.conftest import entry_from_notice
from gongkai.workdays.tests.notices import NOTICE_2025, NOTICE_2026

# A hypothetical 2027 New Year arrangement, used only to show what entering a
# missing year does; it is not the real 2027 notice.
NOTICE_2027_FRAGMENT = """
国务院办公厅关于2027年部分节假日安排的通知
一、元旦：1月1日（周五）至3日（周日）放假，共3天。
"""


@pytest.mark.parametrize(
    ("start", "n", "due"),
    [
        # Spring Festival 2026: make-up Saturdays 14 and 28 Feb count.
        (date(2026, 2, 10), 20, date(2026, 3, 16)),
        (date(2026, 2, 10), 4, date(2026, 2, 14)),
        (date(2026, 2, 13), 2, date(2026, 2, 24)),
        (date(2026, 2, 27), 1, date(2026, 2, 28)),
        # Mid-Autumn and National Day 2026: make-up Sunday 20 Sep, Saturday 10 Oct.
        (date(2026, 9, 18), 1, date(2026, 9, 20)),
        (date(2026, 9, 18), 10, date(2026, 10, 9)),
        (date(2026, 9, 18), 11, date(2026, 10, 10)),
        (date(2026, 9, 18), 12, date(2026, 10, 12)),
        (date(2026, 9, 18), 20, date(2026, 10, 22)),
        # Turn of the year 2025/2026: New Year off, Sunday 4 Jan worked.
        (date(2025, 12, 24), 20, date(2026, 1, 22)),
        (date(2025, 12, 31), 1, date(2026, 1, 4)),
        # Start on a holiday: counting starts the next working day.
        (date(2026, 10, 1), 1, date(2026, 10, 8)),
        (date(2026, 5, 1), 0, date(2026, 5, 1)),
    ],
)
def test_add_working_days_on_real_calendar(calendar_2025_2026, start, n, due):
    assert add_working_days(calendar_2025_2026, start, n) == due
    assert working_days_between(calendar_2025_2026, start, due) == n


def test_spring_festival_explanation_lists_make_up_days_and_holidays(calendar_2025_2026):
    deadline = compute_deadline(calendar_2025_2026, start=date(2026, 2, 10), limit=20)
    by_day = {step.day: step for step in deadline.explanation}
    assert deadline.due == date(2026, 3, 16)
    assert not deadline.provisional
    assert by_day[date(2026, 2, 14)].kind == "makeup_workday"
    assert by_day[date(2026, 2, 14)].count == 4
    assert by_day[date(2026, 2, 16)].kind == "holiday"
    assert "春节" in by_day[date(2026, 2, 16)].note
    assert by_day[date(2026, 2, 21)].kind == "holiday"
    assert by_day[date(2026, 3, 1)].kind == "weekend"
    assert by_day[date(2026, 3, 16)].note == "周一，第20个工作日"
    assert [s.count for s in deadline.counted_steps] == list(range(1, 21))
    assert deadline.explanation[0].day == date(2026, 2, 11)
    assert deadline.explanation[-1].day == deadline.due


def test_consultation_pause_pushes_the_reply_past_qingming(calendar_2025_2026):
    plain = compute_deadline(calendar_2025_2026, start=date(2026, 3, 2), limit=20)
    paused = compute_deadline(
        calendar_2025_2026,
        start=date(2026, 3, 2),
        limit=20,
        pauses=[Pause(date(2026, 3, 5), date(2026, 3, 11), "征求第三方意见")],
    )
    assert plain.due == date(2026, 3, 30)
    assert paused.due == date(2026, 4, 7)
    paused_days = [s.day for s in paused.explanation if s.kind == "paused"]
    assert paused_days[0] == date(2026, 3, 5)
    assert paused_days[-1] == date(2026, 3, 11)
    assert "征求第三方意见" in paused.explanation[3].note


def test_extension_adds_working_days_after_the_limit(calendar_2025_2026):
    deadline = compute_deadline(calendar_2025_2026, start=date(2026, 9, 18), limit=20, extension=20)
    assert deadline.due == date(2026, 11, 19)
    assert "延长期限" in deadline.explanation[-1].note
    assert deadline.counted_steps[19].day == date(2026, 10, 22)


def test_deadline_reaching_a_missing_year_is_provisional_until_it_is_entered(
    calendar_2025_2026,
):
    start = date(2026, 12, 10)
    before = compute_deadline(calendar_2025_2026, start=start, limit=20)
    assert before.due == date(2027, 1, 7)
    assert before.provisional
    assert before.assumed_years == (2027,)
    new_year = next(s for s in before.explanation if s.day == date(2027, 1, 1))
    assert new_year.kind == "counted"
    assert "2027年节假日安排尚未录入" in new_year.note

    entered = Calendar.from_years(
        [
            entry_from_notice(NOTICE_2025),
            entry_from_notice(NOTICE_2026),
            entry_from_notice(NOTICE_2027_FRAGMENT),
        ]
    )
    after = compute_deadline(entered, start=start, limit=20)
    assert after.due == date(2027, 1, 8)
    assert not after.provisional


def test_deadline_within_known_years_is_not_provisional(calendar_2025_2026):
    deadline = compute_deadline(calendar_2025_2026, start=date(2026, 11, 2), limit=20)
    assert deadline.due == date(2026, 11, 30)
    assert not deadline.provisional


def test_working_days_between_is_negative_backwards(calendar_2025_2026):
    assert working_days_between(calendar_2025_2026, date(2026, 10, 9), date(2026, 9, 18)) == -10
    assert working_days_between(calendar_2025_2026, date(2026, 10, 9), date(2026, 10, 9)) == 0


def test_bad_arguments_are_rejected(calendar_2025_2026):
    with pytest.raises(ValueError):
        add_working_days(calendar_2025_2026, date(2026, 1, 5), -1)
    with pytest.raises(ValueError):
        Pause(date(2026, 1, 5), date(2026, 1, 4))
    with pytest.raises(ValueError):
        Calendar(holidays=frozenset({date(2026, 1, 4)}), workdays=frozenset({date(2026, 1, 4)}))
