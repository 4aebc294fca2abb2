"""When a year's holiday arrangement is corrected, every window still running on an open
application is counted again, and the reply due date with it; finished windows stay facts."""

import datetime

import pytest

from gongkai.applications import workflow
from gongkai.applications.models import (
    Application,
    Consultation,
    ConsultationKind,
    ConsultationReply,
    Correction,
    FeeNotice,
)
from gongkai.workdays.models import CalendarYear
from gongkai.workdays.services import save_year

D = datetime.date
MAKEUP_SATURDAY = D(2026, 10, 10)


def consult(application, editor, **extra):
    return workflow.start_consultation(
        actor=editor,
        application=application,
        kind=ConsultationKind.THIRD_PARTY,
        party_name="某公司",
        matter="报价",
        sent_on=D(2026, 9, 29),
        party_received_on=D(2026, 9, 29),
        **extra,
    )


@pytest.fixture
def running(submit, unit_a, editor_a, at):
    """One open application per kind of window, each window crossing Sat 10 Oct 2026."""
    consulting = submit(unit_a, on=(2026, 9, 24))
    paying = submit(unit_a, on=(2026, 9, 24))
    answered = submit(unit_a, on=(2026, 9, 24), title="另一项信息")
    correcting = submit(unit_a, on=(2026, 9, 30), title="第三项信息")
    at(2026, 9, 29)
    consult(consulting, editor_a)
    workflow.issue_fee_notice(
        actor=editor_a,
        application=paying,
        method="per_volume",
        pages=150,
        issued_on=D(2026, 9, 29),
        notice_received_on=D(2026, 9, 29),
    )
    done = consult(answered, editor_a)
    at(2026, 10, 9)
    workflow.record_consultation_reply(
        actor=editor_a,
        consultation=done,
        reply=ConsultationReply.CONSENT,
        replied_on=D(2026, 10, 9),
    )
    workflow.request_correction(
        actor=editor_a, application=correcting, items="请写明年份", sent_on=D(2026, 10, 9)
    )
    return consulting, paying, answered, correcting


def drop_the_makeup_saturday(office):
    entry = CalendarYear.objects.get(year=2026).entry()
    return save_year(
        actor=office,
        year=2026,
        holidays=entry.holidays,
        workdays=[day for day in entry.workdays if day != MAKEUP_SATURDAY],
        names=entry.names,
        source="manual",
        reason="按更正后的通知，10月10日不调休。",
    )


def test_running_windows_and_due_dates_follow_a_corrected_calendar(running, office):
    consulting, paying, answered, correcting = running
    assert Correction.objects.get(application=correcting).due_on == D(2026, 10, 29)
    assert Consultation.objects.get(application=consulting).window_due == D(2026, 10, 26)
    assert FeeNotice.objects.get(application=paying).payment_due == D(2026, 11, 2)
    assert Application.objects.get(pk=consulting.pk).due_date == D(2026, 11, 20)
    assert Application.objects.get(pk=paying.pk).due_date == D(2026, 11, 27)

    lines = drop_the_makeup_saturday(office).change_lines

    assert Correction.objects.get(application=correcting).due_on == D(2026, 10, 30)
    assert Consultation.objects.get(application=consulting).window_due == D(2026, 10, 27)
    assert FeeNotice.objects.get(application=paying).payment_due == D(2026, 11, 3)
    assert Application.objects.get(pk=consulting.pk).due_date == D(2026, 11, 23)
    assert Application.objects.get(pk=paying.pk).due_date == D(2026, 11, 30)
    text = "\n".join(lines)
    assert f"{correcting.tracking_number}：补正期限由 2026-10-29 改为 2026-10-30" in text
    assert f"{consulting.tracking_number}：征求意见答复期限由 2026-10-26 改为 2026-10-27" in text
    assert f"{paying.tracking_number}：缴费期限由 2026-11-02 改为 2026-11-03" in text
    assert f"{consulting.tracking_number}：答复期限由 2026-11-20 改为 2026-11-23" in text


def test_a_window_already_answered_is_not_counted_again(running, office):
    _consulting, _paying, answered, _correcting = running
    drop_the_makeup_saturday(office)
    assert Consultation.objects.get(application=answered).window_due == D(2026, 10, 26)
