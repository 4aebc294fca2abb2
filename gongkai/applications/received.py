"""The legal received date of an application (Regulation Art. 31).

The received date starts the reply clock, so it is a fact about the channel, not the moment a
row was created: the day handed in, the day the organ signed for registered post, or the day
both sides confirmed an ordinary letter, a fax or an electronic submission.
"""

import enum

from gongkai.workdays.calendar import add_working_days


class Channel(enum.StrEnum):
    ONLINE = "online"
    IN_PERSON = "in_person"
    REGISTERED_POST = "registered_post"
    ORDINARY_POST = "ordinary_post"
    FAX = "fax"
    EMAIL = "email"
    ORAL = "oral"


CHANNEL_LABELS = {
    Channel.ONLINE: "网上申请",
    Channel.IN_PERSON: "当面提交",
    Channel.REGISTERED_POST: "邮寄（需签收）",
    Channel.ORDINARY_POST: "平常信函",
    Channel.FAX: "传真",
    Channel.EMAIL: "电子邮件",
    Channel.ORAL: "口头提出（代为填写）",
}

# What the staff member enters as the event date for each channel, and the Art. 31 rule.
EVENT_LABELS = {
    Channel.ONLINE: "提交日期",
    Channel.IN_PERSON: "当面提交日期",
    Channel.REGISTERED_POST: "签收日期",
    Channel.ORDINARY_POST: "与申请人确认收到之日",
    Channel.FAX: "双方确认之日",
    Channel.EMAIL: "双方确认之日",
    Channel.ORAL: "口头提出并代为填写之日",
}

RULE_TEXT = {
    Channel.ONLINE: "通过互联网渠道提交的，以双方确认之日为收到申请之日",
    Channel.IN_PERSON: "当面提交的，以提交之日为收到申请之日",
    Channel.REGISTERED_POST: "以邮寄方式提交的，以行政机关签收之日为收到申请之日",
    Channel.ORDINARY_POST: "以平常信函等无需签收的邮寄方式提交的，以与申请人确认之日为收到申请之日",
    Channel.FAX: "通过传真提交的，以双方确认之日为收到申请之日",
    Channel.EMAIL: "通过电子邮件提交的，以双方确认之日为收到申请之日",
    Channel.ORAL: "口头提出并由行政机关代为填写的，以提出之日为收到申请之日",
}


class OnlineNonWorkingDayRule(enum.StrEnum):
    """How an online submission made on a non-working day is dated (a local policy choice)."""

    NEXT_WORKING_DAY = "next_working_day"
    SAME_DAY = "same_day"


ONLINE_RULE_LABELS = {
    OnlineNonWorkingDayRule.NEXT_WORKING_DAY: "非工作日提交的，以下一个工作日为收到申请之日",
    OnlineNonWorkingDayRule.SAME_DAY: "非工作日提交的，以提交当日为收到申请之日",
}


class ReceivedDateError(ValueError):
    """The event date cannot be a received date; the message is for the user."""


def next_working_day_on_or_after(calendar, day):
    return day if calendar.is_working_day(day) else add_working_days(calendar, day, 1)


def received_date(
    calendar,
    *,
    channel,
    event_date,
    today,
    online_rule=OnlineNonWorkingDayRule.NEXT_WORKING_DAY,
):
    """The Art. 31 received date for an application whose channel event happened on
    ``event_date`` (see ``EVENT_LABELS``)."""
    channel = Channel(channel)
    if event_date is None:
        raise ReceivedDateError(f"请填写{EVENT_LABELS[channel]}。")
    if event_date > today:
        raise ReceivedDateError(f"{EVENT_LABELS[channel]}不能晚于今天。")
    if channel is Channel.ONLINE and online_rule == OnlineNonWorkingDayRule.NEXT_WORKING_DAY:
        return next_working_day_on_or_after(calendar, event_date)
    return event_date
