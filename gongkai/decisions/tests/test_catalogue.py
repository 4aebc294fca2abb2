"""A government's yearly catalogue of major decisions: drafted, published by someone else,
followed step by step to the published decision and its interpretation."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from gongkai.audit.models import AuditEvent
from gongkai.decisions import workflow
from gongkai.decisions.models import Decision, DecisionState, StepKind
from gongkai.publishing.tests.factories import published

from .factories import catalogue, decision_fields, government_staff

pytestmark = pytest.mark.django_db


def _walk_to_decided(editor, decision):
    for kind, day in (
        (StepKind.PARTICIPATION, date(2026, 5, 20)),
        (StepKind.EXPERTS, date(2026, 6, 3)),
        (StepKind.RISK, date(2026, 6, 20)),
        (StepKind.LEGALITY, date(2026, 7, 2)),
    ):
        workflow.record_step(actor=editor, decision=decision, kind=kind, done_on=day, note="已完成")
    return workflow.record_decision(
        actor=editor, decision=decision, decided_on=date(2026, 8, 5), note="区政府第12次常务会议"
    )


def test_catalogue_is_public_only_once_published(client, gov_editor, government, unit_a):
    made = catalogue(gov_editor, government, decisions=[decision_fields(unit_a)])
    assert client.get("/decisions/testq/2026/").status_code == 404
    assert client.get("/api/v1/decision-catalogues").json() == []
    reviewer = government_staff(government, "reviewer", "r")
    workflow.publish_catalogue(actor=reviewer, catalogue=made)
    page = client.get("/decisions/testq/2026/").content.decode()
    assert "测试区老旧小区改造三年行动计划" in page and "甲局" in page
    assert "/decisions/testq/2026/" in client.get("/decisions/").content.decode()


def test_drafter_cannot_publish_own_catalogue(government, unit_a):
    office = government_staff(government, "office", "office-x")
    made = catalogue(office, government, decisions=[decision_fields(unit_a)])
    with pytest.raises(PermissionDenied):
        workflow.publish_catalogue(actor=office, catalogue=made)


def test_unit_editor_cannot_draft_the_governments_catalogue(editor_a, government):
    with pytest.raises(PermissionDenied):
        workflow.create_catalogue(actor=editor_a, government=government, year=2026)


def test_bad_input_changes_nothing(gov_editor, government, unit_a, unit_b):
    made = catalogue(gov_editor, government)
    with pytest.raises(ValidationError) as caught:
        workflow.add_decision(
            actor=gov_editor, catalogue=made, **decision_fields(unit_a, title=" ", legal_basis="")
        )
    assert set(caught.value.message_dict) == {"title", "legal_basis"}
    late_legality = decision_fields(unit_a)
    late_legality["steps"]["legality"]["planned_on"] = date(2026, 9, 1)
    with pytest.raises(ValidationError, match="集体讨论决定之前"):
        workflow.add_decision(actor=gov_editor, catalogue=made, **late_legality)
    assert not Decision.objects.exists()
    with pytest.raises(ValidationError, match="已经存在"):
        workflow.create_catalogue(actor=gov_editor, government=government, year=2026)


def test_adding_to_a_published_catalogue_needs_a_reason(listed, gov_editor, unit_b):
    with pytest.raises(ValidationError, match="调整理由"):
        workflow.add_decision(
            actor=gov_editor, catalogue=listed.catalogue, **decision_fields(unit_b)
        )
    added = workflow.add_decision(
        actor=gov_editor,
        catalogue=listed.catalogue,
        reason="区委区政府部署新增",
        **decision_fields(unit_b, title="新增事项"),
    )
    assert added.number == 2 and added.adjustment_reason == "区委区政府部署新增"


def test_steps_lead_to_the_decision_and_its_interpretation(
    client, listed, editor_a, reviewer_a, unit_a
):
    with pytest.raises(ValidationError, match="尚未完成"):
        workflow.record_decision(
            actor=editor_a, decision=listed, decided_on=date(2026, 8, 5), note="常务会议"
        )
    _walk_to_decided(editor_a, listed)
    policy = published(
        editor_a, reviewer_a, unit_a, title="测试区老旧小区改造三年行动计划（2026—2028年）"
    )
    published(editor_a, reviewer_a, unit_a, title="一图读懂老旧小区改造", interprets_id=policy.pk)
    workflow.publish_decision(actor=editor_a, decision=listed, document=policy)
    listed.refresh_from_db()
    assert listed.state == DecisionState.PUBLISHED
    page = client.get(listed.get_absolute_url()).content.decode()
    assert "已公布" in page and "一图读懂老旧小区改造" in page and "区政府第12次常务会议" in page
    actions = list(
        AuditEvent.objects.for_target(listed).values_list("action", flat=True).order_by("id")
    )
    assert actions[0] == "decisions.add_decision" and actions[-1] == "decisions.publish_decision"
    assert actions.count("decisions.record_step") == 4
    data = client.get(f"/api/v1/major-decisions/{listed.pk}").json()
    assert data["state"] == "published" and len(data["interpretation_urls"]) == 1


def test_other_units_staff_cannot_record_steps(listed, editor_b):
    with pytest.raises(PermissionDenied):
        workflow.record_step(
            actor=editor_b, decision=listed, kind="experts", done_on=date(2026, 6, 1), note="x"
        )


def test_a_step_cannot_be_dated_in_the_future(listed, editor_a):
    with pytest.raises(ValidationError, match="不能晚于今天"):
        workflow.record_step(
            actor=editor_a, decision=listed, kind="experts", done_on=date(2026, 12, 4), note="x"
        )


def test_withdrawn_decision_stays_listed_with_its_reason(client, listed, gov_editor, editor_a):
    workflow.withdraw_decision(actor=gov_editor, decision=listed, reason="上级政策调整，暂缓决策")
    page = client.get(listed.get_absolute_url()).content.decode()
    assert "已调出目录" in page and "上级政策调整，暂缓决策" in page
    with pytest.raises(ValidationError):
        workflow.record_step(
            actor=editor_a, decision=listed, kind="experts", done_on=date(2026, 6, 1), note="x"
        )


def test_console_walks_the_decision(client_of, listed, editor_a, editor_b):
    client = client_of(editor_a)
    assert "测试区老旧小区改造三年行动计划" in client.get("/console/decisions/").content.decode()
    response = client.post(
        f"/console/decisions/{listed.pk}/step/",
        {"kind": "participation", "done_on": "2026-05-20", "note": "网上征求意见 30 个自然日"},
    )
    assert response.status_code == 302
    assert listed.steps.get(kind="participation").done_on == date(2026, 5, 20)
    other = client_of(editor_b)
    assert other.get(f"/console/decisions/{listed.pk}/").status_code == 404


def test_decision_page_lists_its_open_consultation(client, listed, editor_a, reviewer_a, unit_a):
    from gongkai.participation.tests.factories import open_consultation

    draft = open_consultation(
        editor_a, reviewer_a, unit_a, title="老旧小区改造计划（征求意见稿）", decision=listed
    )
    page = client.get(listed.get_absolute_url()).content.decode()
    assert "老旧小区改造计划（征求意见稿）" in page and f"/consultations/{draft.pk}/" in page
    data = client.get(f"/api/v1/major-decisions/{listed.pk}").json()
    assert data["consultation_urls"] == [f"/consultations/{draft.pk}/"]
