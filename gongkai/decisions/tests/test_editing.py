"""After creation, a decision's step plan and a meeting's agenda items can still be put right
in the console: by those who may, while the state allows, with a reason once the public has
seen them, audited with what changed; bad input changes nothing and says why in Chinese."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from gongkai.audit.models import AuditEvent
from gongkai.decisions import workflow
from gongkai.decisions.models import AgendaItem, Step, StepKind

from .factories import catalogue, decision_fields, government_staff

pytestmark = pytest.mark.django_db


def _step(decision, kind):
    return Step.objects.get(decision=decision, kind=kind)


def _last(action):
    return AuditEvent.objects.filter(action=action).latest("id")


# ---------------------------------------------------------------- a decision's steps


def test_the_responsible_unit_reschedules_a_step_with_its_reason(listed, editor_a):
    workflow.plan_step(
        actor=editor_a,
        decision=listed,
        kind=StepKind.EXPERTS,
        required=True,
        planned_on=date(2026, 6, 10),
        reason="专家论证会改期",
    )
    assert _step(listed, StepKind.EXPERTS).planned_on == date(2026, 6, 10)
    event = _last("decisions.plan_step")
    assert event.actor == editor_a and event.reason == "专家论证会改期"
    assert event.data == {
        "step": "experts",
        "changes": {"planned_on": ["2026-06-01", "2026-06-10"]},
    }


def test_the_government_finds_a_step_does_not_apply(listed, gov_editor):
    workflow.plan_step(
        actor=gov_editor,
        decision=listed,
        kind=StepKind.RISK,
        required=False,
        planned_on=None,
        reason="经评估不涉及社会稳定风险",
    )
    step = _step(listed, StepKind.RISK)
    assert (step.required, step.planned_on) == (False, None)


@pytest.mark.parametrize(
    ("kind", "required", "planned_on", "reason", "field", "message"),
    [
        (StepKind.EXPERTS, True, date(2026, 6, 10), " ", "reason", "请写明理由"),
        (StepKind.EXPERTS, True, date(2026, 6, 1), "理由", "planned_on", "与原安排相同"),
        (StepKind.COLLECTIVE, False, None, "理由", "required", "必经程序"),
        (StepKind.EXPERTS, True, date(2026, 9, 1), "理由", "step_experts", "集体讨论决定之前"),
        (StepKind.LEGALITY, True, date(2026, 4, 1), "理由", "step_legality", "公众参与之后"),
        ("hearing", True, None, "理由", "kind", "请选择决策程序"),
    ],
)
def test_a_bad_plan_is_refused_in_chinese_and_nothing_changes(
    listed, editor_a, kind, required, planned_on, reason, field, message
):
    before = list(Step.objects.filter(decision=listed).values_list("required", "planned_on"))
    with pytest.raises(ValidationError) as caught:
        workflow.plan_step(
            actor=editor_a,
            decision=listed,
            kind=kind,
            required=required,
            planned_on=planned_on,
            reason=reason,
        )
    assert message in " ".join(caught.value.message_dict[field])
    after = list(Step.objects.filter(decision=listed).values_list("required", "planned_on"))
    assert after == before
    assert not AuditEvent.objects.filter(action="decisions.plan_step").exists()


def test_a_step_done_keeps_its_plan_and_a_decided_matter_keeps_all(listed, editor_a):
    workflow.record_step(
        actor=editor_a,
        decision=listed,
        kind=StepKind.PARTICIPATION,
        done_on=date(2026, 5, 20),
        note="网上征求意见",
    )
    with pytest.raises(ValidationError, match="已履行"):
        workflow.plan_step(
            actor=editor_a,
            decision=listed,
            kind=StepKind.PARTICIPATION,
            required=False,
            planned_on=None,
            reason="理由",
        )
    for kind, day in (
        (StepKind.EXPERTS, date(2026, 6, 3)),
        (StepKind.RISK, date(2026, 6, 20)),
        (StepKind.LEGALITY, date(2026, 7, 2)),
    ):
        workflow.record_step(actor=editor_a, decision=listed, kind=kind, done_on=day, note="完成")
    workflow.record_decision(
        actor=editor_a, decision=listed, decided_on=date(2026, 8, 5), note="常务会议"
    )
    with pytest.raises(ValidationError, match="不能执行此操作"):
        workflow.plan_step(
            actor=editor_a,
            decision=listed,
            kind=StepKind.COLLECTIVE,
            required=True,
            planned_on=date(2026, 8, 10),
            reason="理由",
        )


def test_another_units_staff_cannot_touch_the_plan(listed, editor_b):
    with pytest.raises(PermissionDenied):
        workflow.plan_step(
            actor=editor_b,
            decision=listed,
            kind=StepKind.EXPERTS,
            required=True,
            planned_on=date(2026, 6, 10),
            reason="理由",
        )


def test_before_the_catalogue_is_published_no_reason_is_asked(gov_editor, government, unit_a):
    draft = catalogue(gov_editor, government, decisions=[decision_fields(unit_a)])
    decision = draft.decisions.get()
    workflow.plan_step(
        actor=gov_editor,
        decision=decision,
        kind=StepKind.RISK,
        required=True,
        planned_on=date(2026, 6, 25),
    )
    assert _step(decision, StepKind.RISK).planned_on == date(2026, 6, 25)


def test_rescheduling_through_the_console(client_of, listed, editor_a):
    client = client_of(editor_a)
    page = client.get(f"/console/decisions/{listed.pk}/").content.decode()
    assert "调整决策程序安排" in page
    response = client.post(
        f"/console/decisions/{listed.pk}/plan/",
        {"kind": "experts", "required": "on", "planned_on": "2026-06-12", "reason": "改期"},
        follow=True,
    )
    assert "已调整决策程序安排" in response.content.decode()
    assert _step(listed, StepKind.EXPERTS).planned_on == date(2026, 6, 12)
    response = client.post(
        f"/console/decisions/{listed.pk}/plan/",
        {"kind": "experts", "required": "on", "planned_on": "2026-06-13"},
        follow=True,
    )
    assert "调整决策程序安排请写明理由" in response.content.decode()
    assert _step(listed, StepKind.EXPERTS).planned_on == date(2026, 6, 12)


# ---------------------------------------------------------------- a meeting's agenda


@pytest.fixture
def meeting(editor_a, unit_a):
    made = workflow.create_meeting(
        actor=editor_a, unit=unit_a, kind="unit", title="甲局局务会议", held_on=date(2026, 12, 10)
    )
    workflow.add_agenda_item(actor=editor_a, meeting=made, title="研究停车收费调整方案")
    return made


def test_a_draft_agenda_item_is_corrected_without_a_reason(meeting, editor_a):
    item = meeting.items.get()
    workflow.edit_agenda_item(
        actor=editor_a,
        meeting=meeting,
        item=item,
        title="研究公共停车场收费调整方案",
        needs_interpretation=True,
    )
    assert AgendaItem.objects.get(pk=item.pk).title == "研究公共停车场收费调整方案"
    event = _last("decisions.edit_agenda_item")
    assert event.data["changes"] == {
        "title": ["研究停车收费调整方案", "研究公共停车场收费调整方案"]
    }


def test_an_announced_agenda_changes_only_with_a_reason(
    client, meeting, editor_a, reviewer_a, listed
):
    workflow.announce_meeting(actor=reviewer_a, meeting=meeting)
    item = meeting.items.get()
    with pytest.raises(ValidationError) as caught:
        workflow.edit_agenda_item(
            actor=editor_a, meeting=meeting, item=item, title="新议题", needs_interpretation=False
        )
    assert "请写明理由" in caught.value.message_dict["reason"][0]
    assert AgendaItem.objects.get(pk=item.pk).needs_interpretation is True
    workflow.edit_agenda_item(
        actor=editor_a,
        meeting=meeting,
        item=item,
        title="研究停车收费调整方案",
        decision=listed,
        needs_interpretation=True,
        reason="议题关联区政府重大行政决策事项",
    )
    assert AgendaItem.objects.get(pk=item.pk).decision == listed
    assert _last("decisions.edit_agenda_item").reason == "议题关联区政府重大行政决策事项"


def test_an_agenda_item_is_refused_another_governments_decision_or_no_title(
    meeting, editor_a, unit_a
):
    from gongkai.units.tests.factories import GovernmentFactory

    other = GovernmentFactory(code="qt", full_name="其他区人民政府", short_name="其他区")
    drafter = government_staff(other, "editor", "other-editor")
    foreign = catalogue(drafter, other, decisions=[decision_fields(other)]).decisions.get()
    item = meeting.items.get()
    with pytest.raises(ValidationError) as caught:
        workflow.edit_agenda_item(
            actor=editor_a, meeting=meeting, item=item, title=" ", decision=foreign
        )
    assert set(caught.value.message_dict) == {"title", "decision"}
    assert AgendaItem.objects.get(pk=item.pk).title == "研究停车收费调整方案"


def test_only_the_meetings_unit_edits_its_agenda(meeting, editor_b):
    with pytest.raises(PermissionDenied):
        workflow.edit_agenda_item(
            actor=editor_b, meeting=meeting, item=meeting.items.get(), title="改"
        )


def test_after_the_meeting_only_the_decision_is_corrected_by_a_reviewer(
    at, meeting, editor_a, reviewer_a
):
    workflow.announce_meeting(actor=reviewer_a, meeting=meeting)
    at(2026, 12, 10, 17)
    workflow.record_meeting_decisions(actor=reviewer_a, meeting=meeting, outcomes={1: "原则通过"})
    item = meeting.items.get()
    with pytest.raises(ValidationError, match="不能执行此操作"):
        workflow.edit_agenda_item(
            actor=editor_a, meeting=meeting, item=item, title="改", reason="理由"
        )
    with pytest.raises(PermissionDenied):
        workflow.correct_meeting_decision(
            actor=editor_a, meeting=meeting, item=item, outcome="通过", reason="笔误"
        )
    with pytest.raises(ValidationError) as caught:
        workflow.correct_meeting_decision(
            actor=reviewer_a, meeting=meeting, item=item, outcome="原则通过", reason=""
        )
    assert set(caught.value.message_dict) == {"outcome", "reason"}
    workflow.correct_meeting_decision(
        actor=reviewer_a,
        meeting=meeting,
        item=item,
        outcome="原则通过，请区发展改革局按会议意见修改后印发。",
        reason="补充会议意见",
    )
    event = _last("decisions.correct_meeting_decision")
    assert event.data["changes"]["outcome"][0] == "原则通过"
    assert AgendaItem.objects.get(pk=item.pk).outcome.startswith("原则通过，请区发展改革局")


def test_editing_an_item_through_the_console(client_of, meeting, editor_a):
    item = meeting.items.get()
    client = client_of(editor_a)
    page = client.get(f"/console/decisions/meetings/{meeting.pk}/").content.decode()
    assert "修改议题" in page and f'name="item{item.pk}-title"' in page
    response = client.post(
        f"/console/decisions/meetings/{meeting.pk}/items/{item.pk}/",
        {f"item{item.pk}-title": "研究公共停车场收费调整方案"},
        follow=True,
    )
    assert "已修改第 1 项议题" in response.content.decode()
    item.refresh_from_db()
    assert item.title == "研究公共停车场收费调整方案" and item.needs_interpretation is False
