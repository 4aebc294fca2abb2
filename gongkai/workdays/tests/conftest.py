from datetime import date

import pytest

from gongkai.workdays.calendar import Calendar, YearEntry
from gongkai.workdays.notice import parse_notice
from gongkai.workdays.tests.notices import NOTICE_2025, NOTICE_2026


def entry_from_notice(text: str) -> YearEntry:
    parsed = parse_notice(text)
    return YearEntry(
        year=parsed.year,
        holidays=frozenset(parsed.holidays),
        workdays=frozenset(parsed.workdays),
        names=parsed.names,
    )


@pytest.fixture
def calendar_2025_2026() -> Calendar:
    """2025 and 2026 as the notices set them; 2027 not yet entered."""
    return Calendar.from_years([entry_from_notice(NOTICE_2025), entry_from_notice(NOTICE_2026)])


@pytest.fixture
def sysadmin(government):
    from gongkai.accounts.tests.factories import StaffFactory

    return StaffFactory(
        username="sysadmin", membership__unit=government, membership__role="sysadmin"
    )


@pytest.fixture
def recorded_changes():
    """Connects a calendar_changed receiver that recomputes one provisional deadline (start
    2027-01-25, 20 working days, across 春节) the way a deadline-owning app would, and reports
    the change."""
    from gongkai.workdays.calendar import compute_deadline
    from gongkai.workdays.signals import calendar_changed

    calls = []

    def receiver(sender, years, previous, current, actor, **kwargs):
        calls.append(years)
        old = compute_deadline(previous, start=date(2027, 1, 25), limit=20)
        new = compute_deadline(current, start=date(2027, 1, 25), limit=20)
        if old.due == new.due:
            return []
        return [f"测试申请的答复期限由{old.due}改为{new.due}"]

    calendar_changed.connect(receiver)
    yield calls
    calendar_changed.disconnect(receiver)
