"""Every statutory date an application records opens "how this date was computed", counted by
the same function that produced the recorded date: the correction period, the consultation
window and the fee payment window, for staff and, where the date is the applicant's to meet,
for the applicant."""

import datetime

import pytest
from django.urls import reverse

from gongkai.applications import workflow
from gongkai.applications.models import ConsultationKind, ConsultationReply
from gongkai.applications.tests.html import explanation_of, text_of
from gongkai.applications.tests.test_public_pages import lookup
from gongkai.workdays.models import CalendarYear
from gongkai.workdays.services import save_year

D = datetime.date
HOW = "这个日期是怎么算的"


@pytest.fixture
def waiting(submit, unit_a, editor_a, at):
    """One application waiting on each kind of window; each window crosses National Day 2026
    and the make-up Saturday 10 October."""
    correcting = submit(unit_a, on=(2026, 9, 30), title="补正的申请")
    consulting = submit(unit_a, on=(2026, 9, 24), title="征求意见的申请")
    paying = submit(unit_a, on=(2026, 9, 24), title="收费的申请")
    at(2026, 10, 9)
    workflow.request_correction(
        actor=editor_a, application=correcting, items="请写明年份", sent_on=D(2026, 10, 9)
    )
    consultation = workflow.start_consultation(
        actor=editor_a,
        application=consulting,
        kind=ConsultationKind.THIRD_PARTY,
        party_name="某公司",
        matter="报价",
        sent_on=D(2026, 9, 29),
        party_received_on=D(2026, 9, 29),
    )
    workflow.issue_fee_notice(
        actor=editor_a,
        application=paying,
        method="per_volume",
        pages=150,
        issued_on=D(2026, 9, 29),
        notice_received_on=D(2026, 9, 29),
    )
    return correcting, consulting, consultation, paying


def detail_page(client, application):
    return client.get(
        reverse("console-applications:detail", args=[application.pk])
    ).content.decode()


def test_staff_see_how_the_correction_period_was_counted(waiting, client_of, editor_a):
    correcting, *_ = waiting
    page = detail_page(client_of(editor_a), correcting)
    assert "2026年10月29日" in text_of(page, "correction")
    shown = explanation_of(page, "correction")
    assert HOW in shown
    assert "起算日 2026年10月9日" in shown and "数满 15 个工作日" in shown
    assert "到期日为 <strong>2026年10月29日" in shown
    assert "调休上班" in shown  # Saturday 10 October counts


def test_staff_see_how_the_consultation_window_was_counted(waiting, client_of, editor_a):
    _correcting, consulting, consultation, _paying = waiting
    page = detail_page(client_of(editor_a), consulting)
    element = f"consultation-{consultation.pk}"
    assert "2026-10-26截止" in text_of(page, element)
    shown = explanation_of(page, element)
    assert "起算日 2026年9月29日" in shown and "数满 15 个工作日" in shown
    assert "到期日为 <strong>2026年10月26日" in shown
    assert "国庆节放假，不计入" in shown


def test_staff_see_how_the_payment_window_was_counted(waiting, client_of, editor_a):
    *_, paying = waiting
    page = detail_page(client_of(editor_a), paying)
    assert "2026-11-02前缴纳" in text_of(page, "fee-notice")
    shown = explanation_of(page, "fee-notice")
    assert "起算日 2026年9月29日" in shown and "数满 20 个工作日" in shown
    assert "到期日为 <strong>2026年11月2日" in shown


def test_the_applicant_sees_how_the_correction_period_was_counted(waiting, client):
    correcting, *_ = waiting
    page = lookup(client, correcting.tracking_number, correcting.access_code).content.decode()
    assert "2026年10月29日前提交补正" in text_of(page, "correction-due")
    shown = explanation_of(page, "correction-due")
    assert HOW in shown and "到期日为 <strong>2026年10月29日" in shown


def test_the_applicant_sees_the_payment_deadline_and_how_it_was_counted(waiting, client):
    *_, paying = waiting
    page = lookup(client, paying.tracking_number, paying.access_code).content.decode()
    assert "请于2026年11月2日前缴纳信息处理费" in text_of(page, "payment-due")
    shown = explanation_of(page, "payment-due")
    assert HOW in shown and "到期日为 <strong>2026年11月2日" in shown


def test_a_window_that_ended_before_a_calendar_correction_keeps_its_date_without_a_wrong_sum(
    waiting, client_of, editor_a, office
):
    _correcting, consulting, consultation, _paying = waiting
    workflow.record_consultation_reply(
        actor=editor_a,
        consultation=consultation,
        reply=ConsultationReply.CONSENT,
        replied_on=D(2026, 10, 9),
    )
    entry = CalendarYear.objects.get(year=2026).entry()
    save_year(
        actor=office,
        year=2026,
        holidays=entry.holidays,
        workdays=[day for day in entry.workdays if day != D(2026, 10, 10)],
        names=entry.names,
        source="manual",
        reason="按更正后的通知，10月10日不调休。",
    )
    page = detail_page(client_of(editor_a), consulting)
    element = f"consultation-{consultation.pk}"
    assert "2026-10-26截止" in text_of(page, element)
    shown = explanation_of(page, element)
    assert "这个期限已经结束" in shown
    assert "到期日为" not in shown
