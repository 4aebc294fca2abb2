"""Windows that run from the other side's receipt of a notice: the third party's 15 working
days (Art. 32) and the applicant's 20 working days to pay (rule 22). Until staff record the
receipt the window is counted from the sending day and shown as provisional, and nothing
lapses on it."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from gongkai.applications import workflow
from gongkai.applications.letters import docx_text
from gongkai.applications.models import (
    Application,
    ConsultationKind,
    ConsultationReply,
    LetterKind,
    Status,
)
from gongkai.applications.outcomes import Outcome

D = datetime.date


def fresh(application):
    return Application.objects.get(pk=application.pk)


@pytest.fixture
def consulting(submit, unit_a, editor_a, at):
    """Received Tue 1 Sep 2026; the notice to a company is posted Mon 7 Sep."""
    application = submit(unit_a, on=(2026, 9, 1))
    at(2026, 9, 7)
    consultation = workflow.start_consultation(
        actor=editor_a,
        application=application,
        kind=ConsultationKind.THIRD_PARTY,
        party_name="某建设公司",
        matter="名单含该公司报价。",
        sent_on=D(2026, 9, 7),
    )
    return application, consultation


@pytest.fixture
def awaiting_fee(submit, unit_a, editor_a, at):
    """Received Tue 1 Sep 2026; the fee notice is posted Mon 7 Sep."""
    application = submit(unit_a, on=(2026, 9, 1))
    at(2026, 9, 7)
    notice = workflow.issue_fee_notice(
        actor=editor_a,
        application=application,
        method="per_volume",
        pages=150,
        issued_on=D(2026, 9, 7),
    )
    return application, notice


def test_third_party_window_is_provisional_until_its_receipt_is_recorded(consulting, editor_a, at):
    application, consultation = consulting
    assert consultation.window_due == D(2026, 9, 28)  # from the posting day, for now
    application = fresh(application)
    assert application.due_provisional and application.due_date == D(2026, 10, 27)
    at(2026, 9, 29)
    with pytest.raises(ValidationError, match="请先登记收到日期"):
        workflow.record_consultation_reply(
            actor=editor_a, consultation=consultation, reply=ConsultationReply.NONE
        )
    consultation = workflow.record_consultation_receipt(
        actor=editor_a, consultation=consultation, received_on=D(2026, 9, 10)
    )
    # Thu 10 Sep + 15 working days, National Day skipped.
    assert consultation.window_due == D(2026, 10, 8)
    application = fresh(application)
    assert not application.due_provisional and application.due_date == D(2026, 10, 30)
    at(2026, 10, 8)
    with pytest.raises(ValidationError, match="期满后"):
        workflow.record_consultation_reply(
            actor=editor_a, consultation=consultation, reply=ConsultationReply.NONE
        )
    at(2026, 10, 9)
    consultation = workflow.record_consultation_reply(
        actor=editor_a, consultation=consultation, reply=ConsultationReply.NONE
    )
    assert consultation.replied_on == D(2026, 10, 8)
    assert fresh(application).status == Status.IN_PROGRESS


def test_receipt_before_posting_or_in_the_future_is_refused(consulting, editor_a):
    _application, consultation = consulting
    with pytest.raises(ValidationError, match="不能早于发出日期"):
        workflow.record_consultation_receipt(
            actor=editor_a, consultation=consultation, received_on=D(2026, 9, 4)
        )
    with pytest.raises(ValidationError, match="不能晚于今天"):
        workflow.record_consultation_receipt(
            actor=editor_a, consultation=consultation, received_on=D(2026, 9, 8)
        )
    consultation.refresh_from_db()
    assert consultation.received_on is None


def test_consultation_letter_counts_from_receipt_not_from_a_guessed_date(consulting):
    application, _consultation = consulting
    letter = docx_text(application.letters.get(kind=LetterKind.CONSULTATION).docx())
    assert "自收到本意见书之日起15个工作日内" in letter
    assert "2026年9月28日" not in letter


def test_fee_cannot_lapse_before_the_notice_receipt_is_recorded(awaiting_fee, editor_a, at):
    application, notice = awaiting_fee
    assert notice.payment_due == D(2026, 10, 10)  # from the notice date, for now
    at(2026, 10, 12)
    with pytest.raises(ValidationError, match="请先登记收到日期"):
        workflow.close_fee_unpaid(
            actor=editor_a, application=application, closed_on=D(2026, 10, 12)
        )
    # Received Wed 9 Sep: 20 working days from the next day end on Tue 13 Oct.
    notice = workflow.record_fee_notice_receipt(
        actor=editor_a, application=application, received_on=D(2026, 9, 9)
    )
    assert notice.payment_due == D(2026, 10, 13)
    at(2026, 10, 13)
    with pytest.raises(ValidationError, match="期满后"):
        workflow.close_fee_unpaid(
            actor=editor_a, application=application, closed_on=D(2026, 10, 13)
        )
    at(2026, 10, 14)
    reply = workflow.close_fee_unpaid(
        actor=editor_a, application=application, closed_on=D(2026, 10, 14)
    )
    assert reply.outcome == Outcome.OTHER_FEE_UNPAID
    assert "2026-10-13" in reply.reasons


def test_payment_inside_the_real_window_is_accepted(awaiting_fee, editor_a, at):
    application, _notice = awaiting_fee
    at(2026, 10, 12)
    with pytest.raises(ValidationError, match="请先登记申请人收到收费通知的日期"):
        workflow.record_payment(actor=editor_a, application=application, paid_on=D(2026, 10, 12))
    workflow.record_fee_notice_receipt(
        actor=editor_a, application=application, received_on=D(2026, 9, 9)
    )
    workflow.record_payment(actor=editor_a, application=application, paid_on=D(2026, 10, 12))
    application = fresh(application)
    assert application.status == Status.IN_PROGRESS
    # 3 working days before the notice, paused 7 Sep – 12 Oct, 17 more from 13 Oct.
    assert application.due_date == D(2026, 11, 4)


def test_fee_letter_counts_from_receipt(awaiting_fee):
    application, _notice = awaiting_fee
    letter = docx_text(application.letters.get(kind=LetterKind.FEE).docx())
    assert "请自收到本通知次日起20个工作日内缴纳" in letter
    assert "2026年10月10日" not in letter


def test_staff_record_the_receipt_in_the_console(consulting, client_of, editor_a, at):
    application, consultation = consulting
    at(2026, 9, 11)
    client = client_of(editor_a)
    detail = client.get(reverse("console-applications:detail", args=[application.pk]))
    assert "登记对方收到征求意见书之日" in detail.content.decode()
    response = client.post(
        reverse("console-applications:act", args=[application.pk, "record_consultation_receipt"]),
        {"consultation": consultation.pk, "received_on": "2026-09-10"},
    )
    assert response.status_code == 302
    consultation.refresh_from_db()
    assert (consultation.received_on, consultation.window_due) == (D(2026, 9, 10), D(2026, 10, 8))
