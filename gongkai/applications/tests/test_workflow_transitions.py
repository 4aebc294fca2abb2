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
    assert audit_actions(application) == ["application.register_application"]


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
        )
    workflow.handle_excessive_request(
        actor=editor_a,
        application=application,
        decision=ExcessiveDecision.DECLINE,
        decided_on=D(2026, 9, 2),
        reasons="理由不合理",
    )
    application = fresh(application)
    assert application.status == Status.REPLIED
    assert application.reply.outcome == Outcome.NOT_PROCESSED_EXCESSIVE


def test_excessive_request_longer_deadline(submit, unit_a, editor_a, at):
    application = submit(unit_a, on=(2026, 9, 1))
    at(2026, 9, 2)
    with pytest.raises(ValidationError, match="晚于"):
        workflow.handle_excessive_request(
            actor=editor_a,
            application=application,
            decision=ExcessiveDecision.LONGER_DEADLINE,
            decided_on=D(2026, 9, 2),
            custom_due=D(2026, 9, 20),
        )
    workflow.handle_excessive_request(
        actor=editor_a,
        application=application,
        decision=ExcessiveDecision.LONGER_DEADLINE,
        decided_on=D(2026, 9, 2),
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
            monthly_rank=12,
            pages=40,
            issued_on=D(2026, 9, 7),
        )
    with pytest.raises(ValidationError, match="不收取"):
        workflow.issue_fee_notice(
            actor=editor_a,
            application=application,
            method="per_item",
            monthly_rank=3,
            issued_on=D(2026, 9, 7),
        )
    notice = workflow.issue_fee_notice(
        actor=editor_a,
        application=application,
        method="per_volume",
        pages=250,
        issued_on=D(2026, 9, 7),
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
        method="per_item",
        monthly_rank=35,
        issued_on=D(2026, 9, 7),
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
        files=[("清单.pdf", "application/pdf", b"%PDF-1.4")],
    )
    assert "60日" in reply.remedy_notice and "6个月" in reply.remedy_notice


ILLEGAL = [
    ("receive_correction", {"received_on": D(2026, 9, 24), "corrected_text": "x"}),
    ("close_correction_lapsed", {"closed_on": D(2026, 9, 24)}),
    ("record_payment", {"paid_on": D(2026, 9, 24)}),
    ("close_fee_unpaid", {"closed_on": D(2026, 9, 24)}),
    ("archive", {}),
    ("record_delivery", {"method": "email", "delivered_on": D(2026, 9, 24)}),
]


@pytest.mark.parametrize(("action", "kwargs"), ILLEGAL)
def test_illegal_transitions_from_in_progress_are_refused(submit, unit_a, editor_a, action, kwargs):
    application = submit(unit_a)
    with pytest.raises(ValidationError, match="当前状态"):
        getattr(workflow, action)(actor=editor_a, application=application, **kwargs)
    assert fresh(application).status == Status.IN_PROGRESS


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
