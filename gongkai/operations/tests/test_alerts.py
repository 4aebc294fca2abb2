"""What a scheduled job cannot do is shown on the console until it is done, never only on
stderr or in a log: a scheduled publication that cannot go out, and due dates not yet
recomputed after a calendar change — which the daily job retries."""

import io
from datetime import date, datetime
from unittest import mock

import pytest
import time_machine
from django.core.management import call_command

from gongkai.applications import workflow as applications
from gongkai.applications.models import Application
from gongkai.applications.tests.factories import application_input
from gongkai.core.clock import CHINA
from gongkai.operations.models import AlertKind, SystemAlert
from gongkai.publishing import workflow
from gongkai.publishing.models import Revision
from gongkai.publishing.tests.factories import draft
from gongkai.workdays.models import CalendarYear
from gongkai.workdays.services import save_year

pytestmark = pytest.mark.django_db

LATER = datetime(2024, 3, 21, 9, 0, tzinfo=CHINA)


def open_alerts():
    return list(SystemAlert.objects.filter(resolved_at=None))


@pytest.fixture
def stuck(editor_a, reviewer_a, unit_a, at):
    """A scheduled publication that will fail: its date written is after the publication."""
    at(2024, 3, 20)
    document = draft(editor_a, unit_a, title="卡住的通知")
    workflow.submit(actor=editor_a, document=document)
    workflow.review(
        actor=reviewer_a,
        document=document,
        confidentiality_result="同意公开",
        disclosure_confirmed=True,
    )
    workflow.publish(actor=reviewer_a, document=document, at=LATER)
    Revision.objects.filter(document=document).update(date_written=date(2024, 3, 28))
    return document


def run_publisher(*args):
    with time_machine.travel(LATER, tick=False):
        call_command("publishing_daily", *args, stdout=io.StringIO(), stderr=io.StringIO())


def test_a_scheduled_publication_that_fails_alerts_the_office_once(
    stuck, unit_a, office, client_of
):
    run_publisher("--publish-only")
    run_publisher("--publish-only")
    [alert] = open_alerts()
    assert (alert.kind, alert.unit) == (AlertKind.PUBLISH_FAILED, unit_a)
    assert "《卡住的通知》" in alert.message and "发布日期不能早于成文日期" in alert.message
    with time_machine.travel(LATER, tick=False):
        page = client_of(office).get("/console/").content.decode()
    assert "定时发布失败" in page and "卡住的通知" in page


def test_the_alert_is_resolved_once_the_document_no_longer_waits(stuck, reviewer_a):
    run_publisher("--publish-only")
    with time_machine.travel(LATER, tick=False):
        workflow.return_to_draft(actor=reviewer_a, document=stuck, reason="成文日期有误")
    run_publisher("--publish-only")
    assert open_alerts() == []


def test_an_editor_does_not_see_the_system_alerts(stuck, editor_a, client_of):
    run_publisher("--publish-only")
    with time_machine.travel(LATER, tick=False):
        page = client_of(editor_a).get("/console/").content.decode()
    assert "系统提醒" not in page


def test_a_failed_recomputation_after_a_calendar_change_alerts_and_is_retried(
    unit_a, known_calendar, office, at
):
    at(2026, 9, 24)
    application, _code = applications.register_application(actor=None, **application_input(unit_a))
    due_before = Application.objects.get(pk=application.pk).due_date
    entry = CalendarYear.objects.get(year=2026).entry()
    failing = mock.patch(
        "gongkai.applications.receivers.recompute_open_due_dates",
        side_effect=RuntimeError("数据库繁忙"),
    )
    with failing:
        result = save_year(
            actor=office,
            year=2026,
            holidays=[*entry.holidays, date(2026, 10, 12)],
            workdays=entry.workdays,
            names=entry.names,
            source="manual",
            reason="补充放假一天。",
        )
    assert "已提醒政务公开办" in "".join(result.change_lines)
    [alert] = open_alerts()
    assert alert.kind == AlertKind.RECOMPUTE_FAILED
    assert Application.objects.get(pk=application.pk).due_date == due_before  # not yet

    call_command("applications_daily", stdout=io.StringIO())

    assert open_alerts() == []
    assert Application.objects.get(pk=application.pk).due_date > due_before
