"""A calendar change whose recomputation fails is not left to the next daily run: it is
retried every few minutes with back-off, the office's alert counts the attempts and names
the next one, and it resolves by itself once a retry succeeds."""

import io
from datetime import date, timedelta
from unittest import mock

import pytest
from django.core.management import CommandError, call_command

from gongkai.applications import workflow as applications
from gongkai.applications.models import Application
from gongkai.applications.tests.factories import application_input
from gongkai.core.clock import local_now
from gongkai.operations.models import AlertKind, SystemAlert
from gongkai.workdays.models import CalendarYear
from gongkai.workdays.services import save_year

pytestmark = pytest.mark.django_db

BUSY = RuntimeError("数据库繁忙")


def failing(target):
    return mock.patch(target, side_effect=BUSY)


def retry():
    call_command("retry_recomputation", stdout=io.StringIO())


def test_a_failed_recomputation_is_retried_with_back_off_until_it_succeeds(
    unit_a, known_calendar, office, time_machine, at
):
    at(2026, 9, 24)
    application, _code = applications.register_application(actor=None, **application_input(unit_a))
    due_before = Application.objects.get(pk=application.pk).due_date
    entry = CalendarYear.objects.get(year=2026).entry()
    with failing("gongkai.applications.receivers.recompute_open_due_dates"):
        save_year(
            actor=office,
            year=2026,
            holidays=[*entry.holidays, date(2026, 10, 12)],
            workdays=entry.workdays,
            names=entry.names,
            source="manual",
            reason="补充放假一天。",
        )
    [alert] = SystemAlert.objects.filter(resolved_at=None)
    assert alert.kind == AlertKind.RECOMPUTE_FAILED and alert.attempts == 0

    # The first retry fails too: counted, the next one in 5 minutes, the office is told.
    with (
        failing("gongkai.applications.services.recompute_open_due_dates"),
        pytest.raises(CommandError),
    ):
        retry()
    alert.refresh_from_db()
    assert alert.attempts == 1
    assert alert.next_attempt_at == local_now() + timedelta(minutes=5)
    assert "已自动重试 1 次" in alert.message and "下次重试时间" in alert.message

    # Before the back-off has passed nothing is tried; after it, the next failure waits 10.
    with failing("gongkai.applications.services.recompute_open_due_dates") as recompute:
        retry()
        assert recompute.call_count == 0
        time_machine.shift(timedelta(minutes=5))
        with pytest.raises(CommandError):
            retry()
    alert.refresh_from_db()
    assert alert.attempts == 2
    assert alert.next_attempt_at == local_now() + timedelta(minutes=10)
    assert Application.objects.get(pk=application.pk).due_date == due_before  # not yet

    # Once the database answers again, the next due retry recomputes and resolves the alert.
    time_machine.shift(timedelta(minutes=10))
    retry()
    alert.refresh_from_db()
    assert alert.resolved_at is not None
    assert Application.objects.get(pk=application.pk).due_date > due_before
    retry()  # nothing open: nothing to do


def test_the_wait_between_retries_stops_growing_at_two_hours(known_calendar, time_machine):
    from gongkai.operations import alerts

    alerts.raise_alert(
        kind=AlertKind.RECOMPUTE_FAILED,
        key=alerts.CALENDAR_RECOMPUTE,
        message=alerts.CALENDAR_RECOMPUTE_MESSAGE,
    )
    waits = []
    for _ in range(8):
        alert = alerts.attempt_failed(
            alerts.CALENDAR_RECOMPUTE, message=alerts.CALENDAR_RECOMPUTE_MESSAGE
        )
        waits.append(int((alert.next_attempt_at - local_now()).total_seconds() // 60))
    assert waits == [5, 10, 20, 40, 80, 120, 120, 120]
