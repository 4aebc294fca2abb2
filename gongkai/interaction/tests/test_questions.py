"""Asking, assigning, forwarding with the clock kept, answering, publishing with consent and
masked, the FAQ — every step audited and scoped."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection

from gongkai.audit.models import AuditEvent
from gongkai.interaction import services, workflow
from gongkai.interaction.models import FaqEntry, Question, Status

from .helpers import answered, ask

pytestmark = pytest.mark.django_db


def test_a_question_gets_a_number_a_code_and_a_due_date_in_working_days(
    known_calendar, at, government, unit_a, settings
):
    # Monday 28 September 2026: ten working days later is 16 October (the National Day
    # holiday runs 1–7 October and Saturday 10 October is worked).
    at(2026, 9, 28)
    settings.QUESTION_REPLY_WORKING_DAYS = 10
    question, code = ask(government, unit=unit_a)
    assert question.tracking_number.startswith("ZX2026")
    assert question.status == Status.RECEIVED
    assert question.received_on == date(2026, 9, 28)
    assert question.due_date == date(2026, 10, 16)
    assert services.find_by_access(question.tracking_number, code) == question
    assert services.find_by_access(question.tracking_number, "WRONGCODE1") is None
    letter, _code = ask(government, kind="letter")
    assert letter.tracking_number.startswith("XX2026")
    event = AuditEvent.objects.for_target(question).get()
    assert (event.action, event.actor, event.to_state) == ("interaction.submit", None, "received")


def test_personal_data_is_encrypted_at_rest_and_masked(known_calendar, government):
    question, _code = ask(government)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT asker_name, phone, email FROM interaction_question WHERE id = %s",
            [question.pk],
        )
        stored = " ".join(cursor.fetchone())
    assert "13912345678" not in stored and "李晓红" not in stored and "lixh" not in stored
    question.refresh_from_db()
    assert question.phone == "13912345678"
    assert question.masked_name() == "李**"
    assert question.masked_phone() == "139****5678"


def test_bad_input_is_refused_in_chinese_and_nothing_is_kept(known_calendar, government):
    with pytest.raises(ValidationError) as error:
        ask(government, subject="  ", phone="abc", email="not-an-address")
    assert set(error.value.message_dict) == {"subject", "phone", "email"}
    assert "请填写标题" in error.value.message_dict["subject"][0]
    assert not Question.objects.exists()


def test_a_forward_keeps_the_due_date_and_is_audited(
    known_calendar, at, government, unit_a, unit_b, office, editor_a, editor_b
):
    at(2026, 9, 28)
    question, _code = ask(government)
    due = question.due_date
    workflow.assign_question(actor=office, question=question, unit=unit_a)
    at(2026, 10, 12)
    question = workflow.forward_question(
        actor=editor_a, question=question, to_unit=unit_b, reason="属于乙局职责"
    )
    assert question.unit == unit_b
    assert question.due_date == due
    question.refresh_from_db()
    assert question.due_date == due
    forward = question.forwards.get()
    assert (forward.from_unit, forward.to_unit, forward.forwarded_on) == (
        unit_a,
        unit_b,
        date(2026, 10, 12),
    )
    event = AuditEvent.objects.for_target(question).get(action="interaction.forward")
    assert event.actor == editor_a
    assert event.reason == "属于乙局职责"
    assert event.data["from_unit"] == unit_a.code and event.data["to_unit"] == unit_b.code
    # The unit it left can no longer answer it; the unit it reached can.
    with pytest.raises(PermissionDenied):
        workflow.answer_question(actor=editor_a, question=question, answer="答复")
    workflow.answer_question(actor=editor_b, question=question, answer="答复")


def test_only_the_office_assigns_and_only_the_units_staff_answer(
    known_calendar, government, unit_a, office, editor_a, editor_b
):
    question, _code = ask(government)
    with pytest.raises(PermissionDenied):
        workflow.assign_question(actor=editor_a, question=question, unit=unit_a)
    question = workflow.assign_question(actor=office, question=question, unit=unit_a)
    with pytest.raises(PermissionDenied):
        workflow.answer_question(actor=editor_b, question=question, answer="答复")
    with pytest.raises(ValidationError):
        workflow.answer_question(actor=editor_a, question=question, answer="  ")
    question.refresh_from_db()
    assert question.status == Status.ASSIGNED


def test_an_answer_after_the_due_date_is_late(
    known_calendar, at, government, unit_a, office, editor_a
):
    at(2026, 9, 28)
    question, _code = ask(government)
    workflow.assign_question(actor=office, question=question, unit=unit_a)
    at(2026, 10, 19)
    question = workflow.answer_question(actor=editor_a, question=question, answer="答复")
    assert question.answered_late
    assert Question.objects.answered_late().count() == 1


def test_publishing_needs_consent(known_calendar, government, unit_a, office, editor_a):
    question = answered(government, office, unit_a, editor_a, consent=False)
    with pytest.raises(ValidationError, match="不同意公开"):
        workflow.publish_answer(
            actor=office,
            question=question,
            public_subject="标题",
            public_text="问题",
            public_answer="答复",
        )
    assert not Question.objects.published().exists()


def test_publishing_refuses_personal_data_and_accepts_the_masked_copy(
    known_calendar, government, unit_a, office, editor_a, reviewer_a
):
    question = answered(government, office, unit_a, editor_a)
    with pytest.raises(ValidationError) as error:
        workflow.publish_answer(
            actor=reviewer_a,
            question=question,
            public_subject=question.subject,
            public_text=question.text,
            public_answer=question.answer,
        )
    assert "手机号码" in error.value.message_dict["public_text"][0]
    masked = services.masked_copy(question, question.text)
    assert "李**" in masked and "139****5678" in masked
    with pytest.raises(PermissionDenied):
        workflow.publish_answer(
            actor=editor_a,
            question=question,
            public_subject=question.subject,
            public_text=masked,
            public_answer=question.answer,
        )
    question = workflow.publish_answer(
        actor=reviewer_a,
        question=question,
        public_subject=question.subject,
        public_text=masked,
        public_answer=question.answer,
    )
    assert question.status == Status.PUBLISHED
    assert list(Question.objects.published()) == [question]


def test_withdrawing_a_publication_takes_it_off_the_public_pages(
    known_calendar, government, unit_a, office, editor_a, client
):
    question = answered(government, office, unit_a, editor_a)
    workflow.publish_answer(
        actor=office,
        question=question,
        public_subject="入学报名时间",
        public_text="请问网上报名什么时候开始？",
        public_answer=question.answer,
    )
    assert client.get(f"/interaction/{question.pk}/").status_code == 200
    workflow.withdraw_publication(actor=office, question=question, reason="提问人撤回同意")
    assert client.get(f"/interaction/{question.pk}/").status_code == 404
    assert "入学报名时间" not in client.get("/interaction/").content.decode()


def test_an_answered_question_becomes_a_frequently_asked_question(
    known_calendar, government, unit_a, office, editor_a, reviewer_a, client
):
    question = answered(government, office, unit_a, editor_a)
    with pytest.raises(ValidationError):
        workflow.promote_to_faq(
            actor=reviewer_a,
            question=question,
            question_text="电话13912345678的人问报名时间",
            answer_text="7月1日",
        )
    entry = workflow.promote_to_faq(
        actor=reviewer_a,
        question=question,
        question_text="小学新生网上报名什么时候开始？",
        answer_text="每年7月1日开始，详见教育局通知。",
    )
    assert entry.unit == unit_a and entry.source == question
    page = client.get(f"/interaction/faq/{unit_a.code}/").content.decode()
    assert "小学新生网上报名什么时候开始？" in page
    workflow.retire_faq_entry(actor=reviewer_a, entry=entry, reason="政策已调整")
    assert not FaqEntry.objects.public().exists()
    page = client.get(f"/interaction/faq/{unit_a.code}/").content.decode()
    assert "小学新生网上报名什么时候开始？" not in page


def test_an_unanswered_question_cannot_be_a_faq(
    known_calendar, government, unit_a, office, reviewer_a
):
    question, _code = ask(government)
    question = workflow.assign_question(actor=office, question=question, unit=unit_a)
    with pytest.raises(ValidationError):
        workflow.promote_to_faq(
            actor=reviewer_a, question=question, question_text="问题", answer_text="解答"
        )


def test_the_handler_sees_the_full_contact_only_with_a_reason_and_it_is_audited(
    known_calendar, government, unit_a, office, editor_a, editor_b, client
):
    question, _code = ask(government)
    workflow.assign_question(actor=office, question=question, unit=unit_a)
    with pytest.raises(PermissionDenied):
        workflow.reveal_contact(actor=editor_b, question=question, reason="回访")
    client.force_login(editor_a)
    page = client.post(f"/console/interaction/{question.pk}/unmask/", {"reason": "电话回访"})
    assert "13912345678" in page.content.decode()
    assert page["Cache-Control"] == "no-store"
    event = AuditEvent.objects.for_target(question).get(action="interaction.unmask")
    assert (event.actor, event.reason) == (editor_a, "电话回访")


def test_a_calendar_correction_moves_the_due_date_of_open_questions_only(
    known_calendar, at, government, unit_a, office, editor_a, settings
):
    from gongkai.workdays.models import CalendarYear
    from gongkai.workdays.services import save_year

    settings.QUESTION_REPLY_WORKING_DAYS = 10
    at(2026, 9, 28)
    waiting, _code = ask(government)
    done = answered(government, office, unit_a, editor_a)
    assert waiting.due_date == done.due_date == date(2026, 10, 16)
    entry = CalendarYear.objects.get(year=2026).entry()
    save_year(
        actor=office,
        year=2026,
        holidays=entry.holidays,
        workdays=[day for day in entry.workdays if day != date(2026, 10, 10)],
        names=entry.names,
        source="manual",
        reason="按更正后的通知，10月10日不调休。",
    )
    waiting.refresh_from_db()
    done.refresh_from_db()
    assert waiting.due_date == date(2026, 10, 19)
    assert done.due_date == date(2026, 10, 16)
