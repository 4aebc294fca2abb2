"""Every transition of the workflow, and the refusal of each illegal one."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from gongkai.applications import workflow
from gongkai.applications.models import (
    Application,
    ConsultationKind,
    ConsultationReply,
    ExcessiveDecision,
    LetterKind,
    RemedyKind,
    RemedyResult,
    Status,
)
from gongkai.applications.outcomes import Outcome
from gongkai.audit.models import AuditEvent
from gongkai.publishing.samplefiles import pdf_bytes

D = __import__("datetime").date


def fresh(application):
    return Application.objects.get(pk=application.pk)


def audit_actions(application):
    return list(
        AuditEvent.objects.for_target(application).order_by("id").values_list("action", flat=True)
    )


def test_register_starts_in_progress_with_receipt_and_audit(submit, unit_a):
    application = submit(unit_a)
    assert application.status == Status.IN_PROGRESS
    assert application.received_on == D(2026, 9, 24)
    assert application.due_date == D(2026, 10, 29)
    assert [letter.kind for letter in application.letters.all()] == [LetterKind.RECEIPT]
    # The receipt names the applicant: that use of personal data is recorded too.
    assert audit_actions(application) == [
        "application.letter_personal_data",
        "application.register_application",
    ]


def test_correction_then_corrected_application_restarts_the_clock(submit, unit_a, editor_a, at):
    application = submit(unit_a, on=(2026, 9, 1))
    at(2026, 9, 3)
    workflow.request_correction(
        actor=editor_a, application=application, items="请写明年份", sent_on=D(2026, 9, 3)
    )
    application = fresh(application)
    assert application.status == Status.AWAITING_CORRECTION
    assert application.due_date is None
    at(2026, 9, 24)
    workflow.receive_correction(
        actor=editor_a, application=application, received_on=D(2026, 9, 24), corrected_text="2025年"
    )
    application = fresh(application)
    assert application.status == Status.IN_PROGRESS
    assert application.due_date == D(2026, 10, 29)


def test_second_correction_notice_is_refused(submit, unit_a, editor_a, at):
    application = submit(unit_a, on=(2026, 9, 1))
    at(2026, 9, 3)
    workflow.request_correction(
        actor=editor_a, application=application, items="年份", sent_on=D(2026, 9, 3)
    )
    workflow.receive_correction(
        actor=editor_a, application=application, received_on=D(2026, 9, 3), corrected_text="x"
    )
    with pytest.raises(ValidationError, match="只能告知补正一次"):
        workflow.request_correction(
            actor=editor_a, application=application, items="再补", sent_on=D(2026, 9, 3)
        )
    assert fresh(application).status == Status.IN_PROGRESS


def test_correction_notice_after_seven_working_days_is_refused(submit, unit_a, editor_a, at):
    application = submit(unit_a, on=(2026, 9, 24))
    at(2026, 10, 15)
    with pytest.raises(ValidationError, match="7个工作日"):
        workflow.request_correction(
            actor=editor_a, application=application, items="年份", sent_on=D(2026, 10, 15)
        )
    assert fresh(application).status == Status.IN_PROGRESS


def test_correction_lapse_closes_as_other_1_only_after_the_period(submit, unit_a, editor_a, at):
    application = submit(unit_a, on=(2026, 9, 1))
    at(2026, 9, 2)
    correction = workflow.request_correction(
        actor=editor_a, application=application, items="年份", sent_on=D(2026, 9, 2), period_days=5
    )
    assert correction.due_on == D(2026, 9, 9)
    at(2026, 9, 9)
    with pytest.raises(ValidationError, match="期满后"):
        workflow.close_correction_lapsed(
            actor=editor_a, application=application, closed_on=D(2026, 9, 9)
        )
    at(2026, 9, 10)
    reply = workflow.close_correction_lapsed(
        actor=editor_a, application=application, closed_on=D(2026, 9, 10)
    )
    assert reply.outcome == Outcome.OTHER_CORRECTION_LAPSED
    assert fresh(application).status == Status.CLOSED


def test_consultation_pauses_and_co_maker_silence_is_consent(submit, unit_a, editor_a, at):
    application = submit(unit_a, on=(2026, 9, 1))
    at(2026, 9, 7)
    consultation = workflow.start_consultation(
        actor=editor_a,
        application=application,
        kind=ConsultationKind.CO_MAKER,
        party_name="测试区乙局",
        matter="是否同意公开联合发文",
        sent_on=D(2026, 9, 7),
        party_received_on=D(2026, 9, 7),
    )
    assert fresh(application).status == Status.CONSULTING
    assert consultation.window_due == D(2026, 9, 28)
    with pytest.raises(ValidationError, match="期满后"):
        workflow.record_consultation_reply(
            actor=editor_a, consultation=consultation, reply=ConsultationReply.NONE
        )
    at(2026, 9, 29)
    consultation = workflow.record_consultation_reply(
        actor=editor_a, consultation=consultation, reply=ConsultationReply.NONE
    )
    assert consultation.effective_reply_label() == "逾期未答复，视为同意公开"
    application = fresh(application)
    assert application.status == Status.IN_PROGRESS
    assert application.due_date == D(2026, 10, 27)


def test_third_party_objection_needs_reasons(submit, unit_a, editor_a, at):
    application = submit(unit_a, on=(2026, 9, 1))
    at(2026, 9, 7)
    consultation = workflow.start_consultation(
        actor=editor_a,
        application=application,
        kind=ConsultationKind.THIRD_PARTY,
        party_name="某公司",
        matter="涉及商业秘密",
        sent_on=D(2026, 9, 7),
    )
    at(2026, 9, 11)
    with pytest.raises(ValidationError):
        workflow.record_consultation_reply(
            actor=editor_a,
            consultation=consultation,
            reply=ConsultationReply.OBJECTION,
            replied_on=D(2026, 9, 11),
        )
    workflow.record_consultation_reply(
        actor=editor_a,
        consultation=consultation,
        reply=ConsultationReply.OBJECTION,
        replied_on=D(2026, 9, 11),
        reasons="涉及商业秘密",
    )
    assert fresh(application).due_date == D(2026, 10, 12)


def test_extension_only_by_the_head_and_at_most_twenty_days(submit, unit_a, editor_a, head_a, at):
    application = submit(unit_a, on=(2026, 9, 24))
    at(2026, 10, 20)
    with pytest.raises(PermissionDenied):
        workflow.extend_deadline(
            actor=editor_a,
            application=application,
            working_days=10,
            reason="量大",
            approved_on=D(2026, 10, 20),
        )
    with pytest.raises(ValidationError, match="20"):
        workflow.extend_deadline(
            actor=head_a,
            application=application,
            working_days=21,
            reason="量大",
            approved_on=D(2026, 10, 20),
        )
    assert not hasattr(fresh(application), "extension") or fresh(application).due_date == D(
        2026, 10, 29
    )
    workflow.extend_deadline(
        actor=head_a,
        application=application,
        working_days=20,
        reason="量大",
        approved_on=D(2026, 10, 20),
    )
    application = fresh(application)
    assert application.due_date == D(2026, 11, 26)
    assert application.letters.filter(kind=LetterKind.EXTENSION).exists()
    with pytest.raises(ValidationError, match="已延期"):
        workflow.extend_deadline(
            actor=head_a,
            application=application,
            working_days=1,
            reason="再延",
            approved_on=D(2026, 10, 20),
        )


def test_extension_after_the_due_date_is_refused(submit, unit_a, head_a, at):
    application = submit(unit_a, on=(2026, 9, 24))
    at(2026, 10, 30)
    with pytest.raises(ValidationError, match="届满"):
        workflow.extend_deadline(
            actor=head_a,
            application=application,
            working_days=5,
            reason="量大",
            approved_on=D(2026, 10, 30),
        )


def test_extension_after_an_art_35_deadline_is_refused(submit, unit_a, editor_a, head_a, at):
    application = submit(unit_a, on=(2026, 9, 1))
    at(2026, 9, 2)
    workflow.ask_for_reasons(actor=editor_a, application=application, requested_on=D(2026, 9, 2))
    workflow.handle_excessive_request(
        actor=editor_a,
        application=application,
        decision=ExcessiveDecision.LONGER_DEADLINE,
        decided_on=D(2026, 9, 2),
        applicant_reasons="诉讼需要。",
        custom_due=D(2026, 11, 30),
    )
    with pytest.raises(ValidationError, match="第三十五条"):
        workflow.extend_deadline(
            actor=head_a,
            application=application,
            working_days=10,
            reason="量大",
            approved_on=D(2026, 9, 2),
        )
    application = fresh(application)
    assert application.due_date == D(2026, 11, 30)
    assert not application.letters.filter(kind=LetterKind.EXTENSION).exists()


def test_consultation_kind_must_be_one_of_the_two(submit, unit_a, editor_a):
    application = submit(unit_a)
    with pytest.raises(ValidationError) as error:
        workflow.start_consultation(
            actor=editor_a,
            application=application,
            kind="neighbour",
            party_name="某公司",
            matter="x",
            sent_on=D(2026, 9, 24),
        )
    assert "征求第三方意见或征求其他机关意见" in error.value.message_dict["kind"][0]
    application = fresh(application)
    assert application.status == Status.IN_PROGRESS
    assert not application.consultations.exists()


def test_excessive_request_ask_reasons_then_decline(submit, unit_a, editor_a, at):
    application = submit(unit_a, on=(2026, 9, 1))
    at(2026, 9, 2)
    workflow.ask_for_reasons(actor=editor_a, application=application, requested_on=D(2026, 9, 2))
    assert fresh(application).status == Status.AWAITING_REASONS
    with pytest.raises(ValidationError):
        workflow.handle_excessive_request(
            actor=editor_a,
            application=application,
            decision=ExcessiveDecision.DECLINE,
            decided_on=D(2026, 9, 2),
            applicant_silent=True,
        )
    with pytest.raises(ValidationError, match="申请人未说明理由"):
        workflow.handle_excessive_request(
            actor=editor_a,
            application=application,
            decision=ExcessiveDecision.DECLINE,
            decided_on=D(2026, 9, 2),
            reasons="理由不合理",
        )
    workflow.handle_excessive_request(
        actor=editor_a,
        application=application,
        decision=ExcessiveDecision.DECLINE,
        decided_on=D(2026, 9, 2),
        applicant_silent=True,
        reasons="理由不合理",
    )
    application = fresh(application)
    assert application.status == Status.REPLIED
    assert application.reply.outcome == Outcome.NOT_PROCESSED_EXCESSIVE
    assert application.excessive.applicant_silent
    assert "第三十五条" in application.letters.get(kind=LetterKind.REPLY).text


def test_excessive_request_longer_deadline(submit, unit_a, editor_a, at):
    application = submit(unit_a, on=(2026, 9, 1))
    at(2026, 9, 2)
    workflow.ask_for_reasons(actor=editor_a, application=application, requested_on=D(2026, 9, 2))
    with pytest.raises(ValidationError, match="晚于"):
        workflow.handle_excessive_request(
            actor=editor_a,
            application=application,
            decision=ExcessiveDecision.LONGER_DEADLINE,
            decided_on=D(2026, 9, 2),
            applicant_reasons="诉讼需要。",
            custom_due=D(2026, 9, 20),
        )
    workflow.handle_excessive_request(
        actor=editor_a,
        application=application,
        decision=ExcessiveDecision.LONGER_DEADLINE,
        decided_on=D(2026, 9, 2),
        applicant_reasons="诉讼需要。",
        custom_due=D(2026, 11, 30),
    )
    application = fresh(application)
    assert application.status == Status.IN_PROGRESS
    assert application.due_date == D(2026, 11, 30)


def test_fee_notice_payment_and_clock(submit, unit_a, editor_a, at):
    application = submit(unit_a, on=(2026, 9, 1))
    at(2026, 9, 7)
    with pytest.raises(ValidationError):
        workflow.issue_fee_notice(
            actor=editor_a,
            application=application,
            method="per_item",
            pages=40,
            issued_on=D(2026, 9, 7),
        )
    with pytest.raises(ValidationError, match="不收取"):
        workflow.issue_fee_notice(
            actor=editor_a, application=application, method="per_item", issued_on=D(2026, 9, 7)
        )
    notice = workflow.issue_fee_notice(
        actor=editor_a,
        application=application,
        method="per_volume",
        pages=250,
        issued_on=D(2026, 9, 7),
        notice_received_on=D(2026, 9, 7),
    )
    assert notice.amount == 4700
    assert notice.payment_due == D(2026, 10, 10)  # make-up Saturday is the 20th day
    assert fresh(application).status == Status.AWAITING_FEE
    at(2026, 9, 11)
    workflow.record_payment(actor=editor_a, application=application, paid_on=D(2026, 9, 11))
    application = fresh(application)
    assert application.status == Status.IN_PROGRESS
    assert application.due_date == D(2026, 10, 12)


def test_unpaid_fee_closes_as_other_2_after_twenty_working_days(submit, unit_a, editor_a, at):
    application = submit(unit_a, on=(2026, 9, 1))
    at(2026, 9, 7)
    workflow.issue_fee_notice(
        actor=editor_a,
        application=application,
        method="per_volume",
        pages=150,
        issued_on=D(2026, 9, 7),
        notice_received_on=D(2026, 9, 7),
    )
    at(2026, 10, 10)
    with pytest.raises(ValidationError, match="期满后"):
        workflow.close_fee_unpaid(
            actor=editor_a, application=application, closed_on=D(2026, 10, 10)
        )
    at(2026, 10, 12)
    with pytest.raises(ValidationError, match="已逾期"):
        workflow.record_payment(actor=editor_a, application=application, paid_on=D(2026, 10, 12))
    reply = workflow.close_fee_unpaid(
        actor=editor_a, application=application, closed_on=D(2026, 10, 12)
    )
    assert reply.outcome == Outcome.OTHER_FEE_UNPAID
    assert fresh(application).status == Status.CLOSED


def test_refusal_without_reasons_is_refused_and_nothing_changes(submit, unit_a, editor_a, at):
    application = submit(unit_a)
    at(2026, 10, 9)
    with pytest.raises(ValidationError) as error:
        workflow.issue_reply(
            actor=editor_a,
            application=application,
            outcome=Outcome.WITHHELD_STATE_SECRET,
            replied_on=D(2026, 10, 9),
        )
    assert "必须说明理由" in str(error.value)
    application = fresh(application)
    assert application.status == Status.IN_PROGRESS
    assert not application.letters.filter(kind=LetterKind.REPLY).exists()


@pytest.mark.parametrize(
    ("outcome", "fields", "missing"),
    [
        (Outcome.DISCLOSED, {}, "how_to_obtain"),
        (Outcome.PARTLY_DISCLOSED, {"how_to_obtain": "附件"}, "reasons"),
        (
            Outcome.UNAVAILABLE_NOT_HELD,
            {"reasons": "不掌握", "responsible_organ": "乙局"},
            "responsible_contact",
        ),
        (Outcome.NOT_PROCESSED_REPEAT, {}, "reasons"),
        (Outcome.UNAVAILABLE_STILL_UNCLEAR, {"reasons": "仍不明确"}, "outcome"),
    ],
)
def test_each_outcome_requires_its_fields(submit, unit_a, editor_a, at, outcome, fields, missing):
    application = submit(unit_a)
    at(2026, 10, 9)
    with pytest.raises(ValidationError) as error:
        workflow.issue_reply(
            actor=editor_a,
            application=application,
            outcome=outcome,
            replied_on=D(2026, 10, 9),
            **fields,
        )
    assert missing in error.value.message_dict


def test_closing_outcomes_cannot_be_chosen_freely(submit, unit_a, editor_a, at):
    application = submit(unit_a)
    with pytest.raises(ValidationError):
        workflow.issue_reply(
            actor=editor_a,
            application=application,
            outcome=Outcome.OTHER_FEE_UNPAID,
            replied_on=D(2026, 9, 24),
            reasons="x",
        )


def test_reply_delivery_archive_and_review(submit, unit_a, editor_a, at):
    application = submit(unit_a)
    at(2026, 10, 9)
    reply = workflow.issue_reply(
        actor=editor_a,
        application=application,
        outcome=Outcome.WITHHELD_THIRD_PARTY,
        replied_on=D(2026, 10, 9),
        reasons="涉及第三方商业秘密。",
        legal_basis="《条例》第十五条",
    )
    assert "对行政复议决定不服的" in reply.remedy_notice
    assert fresh(application).status == Status.REPLIED
    with pytest.raises(ValidationError, match="单号"):
        workflow.record_delivery(
            actor=editor_a, application=application, method="post", delivered_on=D(2026, 10, 9)
        )
    workflow.record_delivery(
        actor=editor_a,
        application=application,
        method="post",
        delivered_on=D(2026, 10, 9),
        postal_tracking_number="EMS123",
    )
    assert fresh(application).status == Status.DELIVERED
    workflow.archive(actor=editor_a, application=application)
    assert fresh(application).status == Status.ARCHIVED
    remedy = workflow.record_review(
        actor=editor_a, application=application, kind=RemedyKind.REVIEW, filed_on=D(2026, 10, 9)
    )
    assert remedy.result == RemedyResult.PENDING
    workflow.update_review(
        actor=editor_a, remedy=remedy, result=RemedyResult.UPHELD, decided_on=D(2026, 10, 9)
    )
    assert "application.archive" in audit_actions(application)


def test_disclosure_reply_offers_both_remedies(submit, unit_a, editor_a, at):
    application = submit(unit_a)
    at(2026, 10, 9)
    reply = workflow.issue_reply(
        actor=editor_a,
        application=application,
        outcome=Outcome.DISCLOSED,
        replied_on=D(2026, 10, 9),
        files=[("清单.pdf", "application/pdf", pdf_bytes([["政府信息"]]))],
    )
    assert "60个自然日" in reply.remedy_notice and "6个月" in reply.remedy_notice


def _awaiting_correction(application, editor, at):
    at(2026, 9, 2)
    workflow.request_correction(
        actor=editor, application=application, items="年份", sent_on=D(2026, 9, 2), period_days=5
    )


def _consulting(application, editor, at):
    at(2026, 9, 2)
    workflow.start_consultation(
        actor=editor,
        application=application,
        kind=ConsultationKind.THIRD_PARTY,
        party_name="某公司",
        matter="报价",
        sent_on=D(2026, 9, 2),
    )


def _awaiting_fee(application, editor, at):
    at(2026, 9, 2)
    workflow.issue_fee_notice(
        actor=editor,
        application=application,
        method="per_volume",
        pages=100,
        issued_on=D(2026, 9, 2),
    )


def _closed(application, editor, at):
    _awaiting_correction(application, editor, at)
    at(2026, 9, 10)
    workflow.close_correction_lapsed(
        actor=editor, application=application, closed_on=D(2026, 9, 10)
    )


def _archived(application, editor, at):
    at(2026, 9, 10)
    workflow.issue_reply(
        actor=editor,
        application=application,
        outcome=Outcome.DISCLOSED,
        replied_on=D(2026, 9, 10),
        how_to_obtain="电子邮件发送",
    )
    workflow.archive(actor=editor, application=application)


REACH = {
    Status.IN_PROGRESS: lambda application, editor, at: None,
    Status.AWAITING_CORRECTION: _awaiting_correction,
    Status.CONSULTING: _consulting,
    Status.AWAITING_FEE: _awaiting_fee,
    Status.CLOSED: _closed,
    Status.ARCHIVED: _archived,
}
ON = D(2026, 9, 10)
REPLY = {"outcome": Outcome.DISCLOSED, "replied_on": ON, "how_to_obtain": "电子邮件发送"}
CONSULT = {"kind": "third_party", "party_name": "某公司", "matter": "报价", "sent_on": ON}
FEE = {"method": "per_volume", "pages": 100, "issued_on": ON}
EXTEND = {"working_days": 5, "reason": "量大", "approved_on": ON}
LONGER = {
    "decision": ExcessiveDecision.LONGER_DEADLINE,
    "decided_on": ON,
    "custom_due": D(2026, 12, 31),
}
ILLEGAL = [
    # 办理中: nothing to receive, close or deliver yet.
    (Status.IN_PROGRESS, "receive_correction", {"received_on": ON, "corrected_text": "x"}),
    (Status.IN_PROGRESS, "close_correction_lapsed", {"closed_on": ON}),
    (Status.IN_PROGRESS, "record_payment", {"paid_on": ON}),
    (Status.IN_PROGRESS, "close_fee_unpaid", {"closed_on": ON}),
    (Status.IN_PROGRESS, "record_fee_notice_receipt", {"received_on": ON}),
    (Status.IN_PROGRESS, "archive", {}),
    (Status.IN_PROGRESS, "record_delivery", {"method": "email", "delivered_on": ON}),
    # 待补正: nothing happens to an unclear application until it is corrected or lapses.
    (Status.AWAITING_CORRECTION, "issue_reply", REPLY),
    (Status.AWAITING_CORRECTION, "request_correction", {"items": "再补", "sent_on": ON}),
    (Status.AWAITING_CORRECTION, "start_consultation", CONSULT),
    (Status.AWAITING_CORRECTION, "issue_fee_notice", FEE),
    (Status.AWAITING_CORRECTION, "extend_deadline", EXTEND),
    (Status.AWAITING_CORRECTION, "ask_for_reasons", {"requested_on": ON}),
    (Status.AWAITING_CORRECTION, "archive", {}),
    # 征求意见中: no reply, fee or correction while a consultation is open.
    (Status.CONSULTING, "issue_reply", REPLY),
    (Status.CONSULTING, "issue_fee_notice", FEE),
    (Status.CONSULTING, "request_correction", {"items": "x", "sent_on": ON}),
    (Status.CONSULTING, "receive_correction", {"received_on": ON, "corrected_text": "x"}),
    (Status.CONSULTING, "ask_for_reasons", {"requested_on": ON}),
    (Status.CONSULTING, "handle_excessive_request", LONGER),
    (Status.CONSULTING, "record_delivery", {"method": "email", "delivered_on": ON}),
    (Status.CONSULTING, "archive", {}),
    # 待缴费: no reply or other step while the fee is unpaid.
    (Status.AWAITING_FEE, "issue_reply", REPLY),
    (Status.AWAITING_FEE, "issue_fee_notice", FEE),
    (Status.AWAITING_FEE, "start_consultation", CONSULT),
    (Status.AWAITING_FEE, "extend_deadline", EXTEND),
    (Status.AWAITING_FEE, "request_correction", {"items": "x", "sent_on": ON}),
    (Status.AWAITING_FEE, "record_delivery", {"method": "email", "delivered_on": ON}),
    (Status.AWAITING_FEE, "archive", {}),
    # 已终止: the application is no longer processed; only delivery and archiving remain.
    (Status.CLOSED, "issue_reply", REPLY),
    (Status.CLOSED, "receive_correction", {"received_on": ON, "corrected_text": "x"}),
    (Status.CLOSED, "start_consultation", CONSULT),
    (Status.CLOSED, "issue_fee_notice", FEE),
    (Status.CLOSED, "extend_deadline", EXTEND),
    (Status.CLOSED, "handle_excessive_request", LONGER),
    (Status.CLOSED, "close_correction_lapsed", {"closed_on": ON}),
    # 已归档: the file is closed.
    (Status.ARCHIVED, "issue_reply", REPLY),
    (Status.ARCHIVED, "record_delivery", {"method": "email", "delivered_on": ON}),
    (Status.ARCHIVED, "archive", {}),
    (Status.ARCHIVED, "request_correction", {"items": "x", "sent_on": ON}),
    (Status.ARCHIVED, "record_payment", {"paid_on": ON}),
    (Status.ARCHIVED, "start_consultation", CONSULT),
]


@pytest.mark.parametrize(("state", "action", "kwargs"), ILLEGAL)
def test_illegal_transitions_are_refused_and_change_nothing(
    submit, unit_a, editor_a, head_a, at, state, action, kwargs
):
    application = submit(unit_a, on=(2026, 9, 1))
    REACH[state](application, editor_a, at)
    application = fresh(application)
    assert application.status == state
    letters, events = application.letters.count(), len(audit_actions(application))
    actor = head_a if action == "extend_deadline" else editor_a
    with pytest.raises(ValidationError, match="当前状态"):
        getattr(workflow, action)(actor=actor, application=application, **kwargs)
    application = fresh(application)
    assert application.status == state
    assert application.letters.count() == letters
    assert len(audit_actions(application)) == events


@pytest.mark.parametrize(
    ("action", "kwargs"),
    [
        ("request_correction", {"items": "x", "sent_on": D(2026, 10, 9)}),
        (
            "start_consultation",
            {"kind": "third_party", "party_name": "x", "matter": "x", "sent_on": D(2026, 10, 9)},
        ),
        ("issue_fee_notice", {"method": "per_volume", "pages": 100, "issued_on": D(2026, 10, 9)}),
        ("ask_for_reasons", {"requested_on": D(2026, 10, 9)}),
        (
            "issue_reply",
            {"outcome": Outcome.DISCLOSED, "replied_on": D(2026, 10, 9), "how_to_obtain": "x"},
        ),
    ],
)
def test_nothing_but_delivery_and_archive_after_a_reply(
    submit, unit_a, editor_a, at, action, kwargs
):
    application = submit(unit_a)
    at(2026, 10, 9)
    workflow.issue_reply(
        actor=editor_a,
        application=application,
        outcome=Outcome.DISCLOSED,
        replied_on=D(2026, 10, 9),
        how_to_obtain="电子邮件发送",
    )
    with pytest.raises(ValidationError, match="当前状态"):
        getattr(workflow, action)(actor=editor_a, application=application, **kwargs)
    assert fresh(application).status == Status.REPLIED


def test_staff_of_another_unit_cannot_act(submit, unit_a, editor_b, at):
    application = submit(unit_a)
    with pytest.raises(PermissionDenied):
        workflow.request_correction(
            actor=editor_b, application=application, items="x", sent_on=D(2026, 9, 24)
        )
    with pytest.raises(PermissionDenied):
        workflow.reveal_personal_data(actor=editor_b, application=application)


def test_office_may_read_but_not_unmask(submit, unit_a, office):
    application = submit(unit_a)
    assert Application.objects.visible_to(office).filter(pk=application.pk).exists()
    with pytest.raises(PermissionDenied):
        workflow.reveal_personal_data(actor=office, application=application)


def test_unmask_is_logged(submit, unit_a, editor_a):
    application = submit(unit_a)
    data = workflow.reveal_personal_data(actor=editor_a, application=application, reason="电话联系")
    assert data["phone"] == "13800138000"
    assert "application.unmask" in audit_actions(application)


def test_allowed_actions_follow_the_table(submit, unit_a):
    application = submit(unit_a)
    assert "request_correction" in workflow.allowed_actions(application)
    assert "archive" not in workflow.allowed_actions(application)
