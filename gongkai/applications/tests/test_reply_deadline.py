import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gongkai.applications.deadlines import (
    ReplyFacts,
    Wait,
    consultation_wait,
    correction_notice_due,
    fee_payment_due,
    fee_wait,
    reply_deadline,
)
from gongkai.applications.tests.calendars import china_calendar

D = datetime.date


def due(**facts):
    return reply_deadline(china_calendar(), ReplyFacts(**facts)).due


def test_twenty_working_days_across_mid_autumn_and_national_day_2026():
    # Sep 25–27 and Oct 1–7 are off, Saturday Oct 10 is a make-up working day.
    assert due(received=D(2026, 9, 24)) == D(2026, 10, 29)


def test_turn_of_2025_counts_the_makeup_sunday_4_january():
    assert due(received=D(2025, 12, 15)) == D(2026, 1, 13)


def test_deadline_into_an_unknown_year_is_provisional():
    got = reply_deadline(china_calendar(), ReplyFacts(received=D(2026, 12, 15)))
    assert got.provisional
    assert got.due == D(2027, 1, 12)  # weekends only: Jan 1 2027 is counted until the notice


def test_clock_restarts_from_the_corrected_application():
    assert due(received=D(2026, 9, 1), corrected_received=D(2026, 9, 24)) == D(2026, 10, 29)


def test_consultation_days_are_not_counted():
    calendar = china_calendar()
    wait = consultation_wait(calendar, sent_on=D(2026, 9, 7), replied_on=D(2026, 9, 11))
    # received Tue Sep 1: Sep 2–4 count (3), Sep 7–11 paused, then 17 more from Sep 14
    # (Sunday Sep 20 is a make-up working day).
    assert due(received=D(2026, 9, 1), consultations=(wait,)) == D(2026, 10, 12)
    assert due(received=D(2026, 9, 1)) == D(2026, 9, 29)


def test_unanswered_consultation_pauses_until_the_end_of_the_15_day_window():
    calendar = china_calendar()
    wait = consultation_wait(calendar, sent_on=D(2026, 9, 7))
    assert wait.window_end == D(2026, 9, 28)
    # Sep 2–4 count (3); paused Sep 7–28; Sep 29 (4), Sep 30 (5), Oct 8 (6) ... Oct 27 (20).
    assert due(received=D(2026, 9, 1), consultations=(wait,)) == D(2026, 10, 27)


def test_extension_adds_working_days_after_national_day():
    assert due(received=D(2026, 9, 24), extension=20) == D(2026, 11, 26)


def test_extension_beyond_twenty_days_is_refused():
    with pytest.raises(ValueError, match="20"):
        due(received=D(2026, 9, 24), extension=21)


def test_fee_wait_stops_the_clock_only_when_the_policy_says_so():
    calendar = china_calendar()
    wait = fee_wait(calendar, notice_received_on=D(2026, 9, 7), paid_on=D(2026, 9, 11))
    assert due(received=D(2026, 9, 1), fee_waits=(wait,)) == D(2026, 10, 12)
    assert due(received=D(2026, 9, 1), fee_waits=(wait,), fee_clock_stops=False) == D(2026, 9, 29)


def test_article_35_deadline_replaces_the_statutory_one():
    got = reply_deadline(
        china_calendar(), ReplyFacts(received=D(2026, 9, 1), custom_due=D(2026, 12, 31))
    )
    assert got.due == D(2026, 12, 31)
    assert "第三十五条" in got.notes[-1]


def test_side_windows():
    calendar = china_calendar()
    assert correction_notice_due(calendar, D(2026, 9, 29)) == D(2026, 10, 14)
    assert fee_payment_due(calendar, D(2026, 9, 24)) == D(2026, 10, 29)


days = st.dates(min_value=D(2025, 1, 1), max_value=D(2026, 11, 30))


@given(days, days, st.integers(min_value=0, max_value=30))
def test_a_pause_never_makes_the_due_date_earlier(received, pause_start, length):
    pause = Wait(pause_start, pause_start + datetime.timedelta(days=length))
    assert due(received=received, consultations=(pause,)) >= due(received=received)


@given(days, st.integers(min_value=0, max_value=19))
def test_an_extension_never_makes_the_due_date_earlier(received, extension):
    assert due(received=received, extension=extension + 1) > due(
        received=received, extension=extension
    )


@given(days)
def test_the_due_date_is_a_working_day(received):
    assert china_calendar().is_working_day(due(received=received))
