import datetime

import pytest

from gongkai.applications.received import (
    Channel,
    OnlineNonWorkingDayRule,
    ReceivedDateError,
    received_date,
)
from gongkai.applications.tests.calendars import china_calendar

D = datetime.date
TODAY = D(2026, 10, 20)


def test_online_on_a_working_day_is_received_that_day():
    day = D(2026, 9, 30)
    assert (
        received_date(china_calendar(), channel=Channel.ONLINE, event_date=day, today=TODAY) == day
    )


def test_online_during_national_day_is_received_on_the_next_working_day_by_default():
    got = received_date(
        china_calendar(), channel=Channel.ONLINE, event_date=D(2026, 10, 3), today=TODAY
    )
    assert got == D(2026, 10, 8)


def test_online_on_a_makeup_saturday_is_received_that_day():
    day = D(2026, 10, 10)
    assert (
        received_date(china_calendar(), channel=Channel.ONLINE, event_date=day, today=TODAY) == day
    )


def test_online_rule_can_keep_the_submission_day():
    got = received_date(
        china_calendar(),
        channel=Channel.ONLINE,
        event_date=D(2026, 10, 3),
        today=TODAY,
        online_rule=OnlineNonWorkingDayRule.SAME_DAY,
    )
    assert got == D(2026, 10, 3)


@pytest.mark.parametrize(
    "channel",
    [Channel.IN_PERSON, Channel.REGISTERED_POST, Channel.ORDINARY_POST, Channel.FAX, Channel.EMAIL],
)
def test_staff_channels_use_the_recorded_event_date(channel):
    day = D(2026, 10, 4)
    assert received_date(china_calendar(), channel=channel, event_date=day, today=TODAY) == day


def test_a_received_date_in_the_future_is_refused_in_chinese():
    with pytest.raises(ReceivedDateError, match="不能晚于今天"):
        received_date(
            china_calendar(),
            channel=Channel.REGISTERED_POST,
            event_date=D(2026, 10, 21),
            today=TODAY,
        )


def test_a_missing_event_date_is_refused():
    with pytest.raises(ReceivedDateError, match="签收日期"):
        received_date(
            china_calendar(), channel=Channel.REGISTERED_POST, event_date=None, today=TODAY
        )
