"""When the demo pretends a step happened. The demo district is built through the workflow
functions a person's clicks call, each inside `clock.pretend` at the day the demo says the
step was taken, so audit events, review records and automatic timestamps all agree with the
dates on the records — and everything moves with the day the demo is loaded."""

from datetime import datetime, time, timedelta

from .clock import CHINA, pretend, real_local_now

OPENING = time(9, 0)
# The demo district's platform went live this many days before the load day: its staff
# accounts, guides and columns date from then, before the oldest published item (1,000 days).
SETUP_DAYS = 1100


def setup_day(today):
    return today - timedelta(days=SETUP_DAYS)


def moment(day, minutes: int = 0) -> datetime:
    """`minutes` after 09:00 China time on `day`, but never after the real present: a step the
    demo dates today happens no later than the moment it is loaded."""
    wanted = datetime.combine(day, OPENING, tzinfo=CHINA) + timedelta(minutes=minutes)
    return min(wanted, real_local_now() - timedelta(seconds=1))


def on(day, minutes: int = 0):
    """`with on(day):` — the clock says `day`, 09:00 plus `minutes`, for the block."""
    return pretend(moment(day, minutes))


def working_day(calendar, day):
    """`day` when it is a working day on `calendar`, else the last working day before it: the
    demo's staff act on working days."""
    while not calendar.is_working_day(day):
        day -= timedelta(days=1)
    return day
