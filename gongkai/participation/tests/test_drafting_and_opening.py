from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from gongkai.audit.models import AuditEvent
from gongkai.participation import workflow
from gongkai.participation.models import Consultation, ConsultationStatus

from .factories import consultation_input, open_consultation

pytestmark = pytest.mark.django_db


def test_a_major_draft_needs_thirty_calendar_days_or_a_recorded_reason(at, editor_a, unit_a):
    at(2026, 3, 2)
    short = consultation_input(ends_on=consultation_input()["starts_on"] + timedelta(days=19))
    with pytest.raises(ValidationError) as refused:
        workflow.create_consultation(actor=editor_a, unit=unit_a, **short)
    assert "30个自然日" in str(refused.value)
    assert not Consultation.objects.exists()
    short["short_period_reason"] = "上级要求年底前出台，时间紧迫。"
    consultation = workflow.create_consultation(actor=editor_a, unit=unit_a, **short)
    assert consultation.period_days == 20
    event = AuditEvent.objects.get(action="participation.create")
    assert event.reason == "上级要求年底前出台，时间紧迫。"
    assert event.data["period_days"] == 20


def test_a_draft_that_is_not_a_major_decision_may_run_shorter(at, editor_a, unit_a):
    at(2026, 3, 2)
    data = consultation_input(is_major=False)
    data["ends_on"] = data["starts_on"] + timedelta(days=9)
    assert workflow.create_consultation(actor=editor_a, unit=unit_a, **data).period_days == 10


def test_bad_input_changes_nothing_and_says_why_in_chinese(at, editor_a, unit_a):
    at(2026, 3, 2)
    data = consultation_input(title=" ", audiences=[])
    data["ends_on"] = data["starts_on"] - timedelta(days=1)
    with pytest.raises(ValidationError) as refused:
        workflow.create_consultation(actor=editor_a, unit=unit_a, **data)
    problems = refused.value.message_dict
    assert problems["title"] == ["请填写草案名称。"]
    assert problems["audiences"] == ["请选择至少一类重点征求对象。"]
    assert problems["ends_on"] == ["截止日期不能早于开始日期。"]
    assert not Consultation.objects.exists()


def test_only_an_editor_of_the_unit_drafts(at, editor_b, unit_a):
    at(2026, 3, 2)
    with pytest.raises(PermissionDenied):
        workflow.create_consultation(actor=editor_b, unit=unit_a, **consultation_input())


def test_a_reviewer_other_than_the_drafter_opens_it(at, editor_a, reviewer_a, unit_a):
    at(2026, 3, 2)
    consultation = workflow.create_consultation(actor=editor_a, unit=unit_a, **consultation_input())
    with pytest.raises(PermissionDenied):
        workflow.open_consultation(actor=editor_a, consultation=consultation)
    opened = workflow.open_consultation(actor=reviewer_a, consultation=consultation)
    assert opened.status == ConsultationStatus.OPEN
    with pytest.raises(ValidationError):
        workflow.open_consultation(actor=reviewer_a, consultation=consultation)
    event = AuditEvent.objects.get(action="participation.open")
    assert (event.from_state, event.to_state) == ("draft", "open")


def test_attachments_are_added_before_opening(at, editor_a, reviewer_a, unit_a):
    at(2026, 3, 2)
    consultation = workflow.create_consultation(actor=editor_a, unit=unit_a, **consultation_input())
    with pytest.raises(ValidationError):
        workflow.add_attachment(
            actor=editor_a, consultation=consultation, filename="a.exe", data=b"MZ"
        )
    workflow.add_attachment(
        actor=editor_a, consultation=consultation, filename="起草说明.pdf", data=b"%PDF-1.4"
    )
    workflow.open_consultation(actor=reviewer_a, consultation=consultation)
    with pytest.raises(ValidationError):
        workflow.add_attachment(
            actor=editor_a, consultation=consultation, filename="b.pdf", data=b"%PDF-1.4"
        )
    assert [a.filename for a in consultation.attachments.all()] == ["起草说明.pdf"]


def test_comments_are_accepted_only_within_the_period(at, editor_a, reviewer_a, unit_a):
    at(2026, 3, 2)
    consultation = open_consultation(editor_a, reviewer_a, unit_a)
    workflow.submit_comment(consultation=consultation, text="建议增加网点。")
    at(2026, 3, 31)
    workflow.submit_comment(consultation=consultation, text="最后一天的意见。")
    at(2026, 4, 1)
    with pytest.raises(ValidationError) as refused:
        workflow.submit_comment(consultation=consultation, text="晚了。")
    assert "不在征求意见期内" in str(refused.value)
    assert consultation.comments.count() == 2


def test_a_comment_may_point_at_an_existing_paragraph_only(at, editor_a, reviewer_a, unit_a):
    at(2026, 3, 2)
    consultation = open_consultation(editor_a, reviewer_a, unit_a)
    comment = workflow.submit_comment(consultation=consultation, text="十分钟太远。", paragraph=2)
    assert comment.paragraph == 2
    with pytest.raises(ValidationError) as refused:
        workflow.submit_comment(consultation=consultation, text="?", paragraph=9)
    assert refused.value.message_dict["paragraph"] == ["草案没有这一段，请重新选择。"]
