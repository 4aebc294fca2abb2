"""Training plans and records (五(三)): planned, held or cancelled through audited steps,
participants' names encrypted and masked, counted into the annual report's narrative."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.urls import reverse

from gongkai.audit.models import AuditEvent
from gongkai.oversight import training
from gongkai.oversight.models import Training, TrainingStatus

pytestmark = pytest.mark.django_db
D = datetime.date


def test_plan_hold_and_count_into_the_report(editor_a, unit_a, at):
    at(2026, 3, 2)
    course = training.plan_training(
        actor=editor_a, unit=unit_a, title="政府信息公开条例解读", planned_on=D(2026, 4, 10)
    )
    assert course.status == TrainingStatus.PLANNED
    with pytest.raises(ValidationError) as error:
        training.record_training(actor=editor_a, training=course, held_on=D(2026, 4, 10))
    assert "举办日期不能晚于今天" in error.value.messages[0]
    at(2026, 4, 11)
    with pytest.raises(ValidationError, match="少于名单中的人数"):
        training.record_training(
            actor=editor_a,
            training=course,
            held_on=D(2026, 4, 10),
            participant_count=1,
            participants="张三\n李四",
        )
    course.refresh_from_db()
    assert course.status == TrainingStatus.PLANNED
    training.record_training(
        actor=editor_a,
        training=course,
        held_on=D(2026, 4, 10),
        participant_count=25,
        participants="张三\n李四",
        materials="条例解读课件",
    )
    course.refresh_from_db()
    assert (course.status, course.participant_count) == (TrainingStatus.HELD, 25)
    assert course.masked_participants() == ["张*", "李*"]
    with connection.cursor() as cursor:
        cursor.execute("select participants from oversight_training where id = %s", [course.pk])
        assert "张三" not in cursor.fetchone()[0]
    event = AuditEvent.objects.for_target(course).get(action="record_training")
    assert event.data["participants"] == 25 and "张三" not in str(event.data)
    with pytest.raises(ValidationError, match="已举办"):
        training.cancel_training(actor=editor_a, training=course, reason="x")
    training.record_training(
        actor=editor_a,
        unit=unit_a,
        title="依申请公开实务",
        held_on=D(2026, 4, 11),
        participant_count=10,
    )
    text = training.draft_section(unit_a, 2026)
    assert "年度培训计划安排1期" in text
    assert "共举办政务公开培训2期，参训35人次" in text
    assert "4月10日“政府信息公开条例解读”（25人参加）" in text
    assert training.draft_section(unit_a, 2025) == ""


def test_only_the_unit_or_the_office_keeps_its_training(editor_b, office, unit_a, government, at):
    at(2026, 3, 2)
    with pytest.raises(PermissionDenied):
        training.plan_training(actor=editor_b, unit=unit_a, title="x", planned_on=D(2026, 4, 1))
    course = training.plan_training(
        actor=office, unit=government, title="全区政务公开培训", planned_on=D(2026, 4, 1)
    )
    with pytest.raises(ValidationError) as error:
        training.cancel_training(actor=office, training=course, reason=" ")
    assert error.value.message_dict == {"reason": ["取消培训须说明理由。"]}
    training.cancel_training(actor=office, training=course, reason="与全市培训合并")
    course.refresh_from_db()
    assert course.status == TrainingStatus.CANCELLED
    with pytest.raises(ValidationError):
        training.plan_training(actor=office, unit=government, title=" ", planned_on=D(2026, 4, 1))
    assert Training.objects.count() == 1


def test_pages_plan_record_and_draft(editor_a, editor_b, unit_a, client_of, at):
    at(2026, 5, 6)
    client = client_of(editor_a)
    response = client.post(
        reverse("console-oversight:trainings"),
        {"unit": unit_a.pk, "title": "政务公开业务培训", "planned_on": "2026-05-20"},
    )
    course = Training.objects.get()
    assert response["Location"] == reverse("console-oversight:training", args=[course.pk])
    page = reverse("console-oversight:training", args=[course.pk])
    at(2026, 5, 21)
    client = client_of(editor_a)
    response = client.post(page, {"held_on": "2026-05-20", "participant_count": "0"})
    assert "参训人数应为1至100000之间的整数" in response.content.decode()
    client.post(
        page,
        {"held_on": "2026-05-20", "participant_count": "12", "participants": "王小明"},
    )
    course.refresh_from_db()
    assert course.status == TrainingStatus.HELD
    listing = client.get(reverse("console-oversight:trainings") + "?year=2026").content.decode()
    assert "已举办培训 1 期，参训 12 人次" in listing
    detail = client.get(page).content.decode()
    assert "王**" in detail and "王小明" not in detail
    draft = client.get(reverse("console-oversight:work-draft", args=[unit_a.pk, 2026]))
    assert "共举办政务公开培训1期，参训12人次" in draft.content.decode()
    assert client_of(editor_b).get(page).status_code == 404
