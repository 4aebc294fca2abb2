"""A consultation cannot be closed until every comment group has a disposition and the
feedback report generated from them has been published through the publication gate."""

import pytest
from django.core.exceptions import ValidationError
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gongkai.audit.models import AuditEvent
from gongkai.participation import workflow
from gongkai.participation.models import ConsultationStatus

from .factories import open_consultation, publish_feedback_report

pytestmark = pytest.mark.django_db

IDEAS = ["建议增加早餐网点数量。", "第三条应当同时公示投诉电话。", "网点外摆应当保持人行道畅通。"]


@pytest.fixture
def consultation(at, editor_a, reviewer_a, unit_a):
    at(2026, 3, 2)
    return open_consultation(editor_a, reviewer_a, unit_a)


def test_closing_waits_for_the_period_moderation_and_every_disposition(
    at, consultation, editor_a, reviewer_a
):
    pending = workflow.submit_comment(consultation=consultation, text=IDEAS[0])
    with pytest.raises(ValidationError) as refused:
        workflow.close_consultation(actor=reviewer_a, consultation=consultation)
    assert "征求意见期尚未结束" in str(refused.value)
    at(2026, 4, 2)
    with pytest.raises(ValidationError) as refused:
        workflow.close_consultation(actor=reviewer_a, consultation=consultation)
    assert "1条意见未审核" in str(refused.value)
    group = workflow.show_comment(actor=editor_a, comment=pending).group
    with pytest.raises(ValidationError) as refused:
        workflow.close_consultation(actor=reviewer_a, consultation=consultation)
    assert "1组意见没有处理结果" in str(refused.value)
    consultation.refresh_from_db()
    assert consultation.status == ConsultationStatus.OPEN
    workflow.dispose_group(actor=editor_a, group=group, disposition="adopted", reason="已增加。")
    with pytest.raises(ValidationError) as refused:
        workflow.close_consultation(actor=reviewer_a, consultation=consultation)
    assert "请先生成意见采纳情况" in str(refused.value)
    publish_feedback_report(editor_a, reviewer_a, consultation, summary="感谢各方参与。")
    closed = workflow.close_consultation(actor=reviewer_a, consultation=consultation)
    assert closed.status == ConsultationStatus.CLOSED
    event = AuditEvent.objects.get(action="participation.close")
    assert event.data["groups"] == 1 and event.data["adopted"] == 1
    with pytest.raises(ValidationError):
        workflow.dispose_group(actor=editor_a, group=group, disposition="not_adopted", reason="x")


@settings(max_examples=15, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    comments=st.lists(st.sampled_from(range(len(IDEAS))), min_size=1, max_size=6),
    answered=st.sets(st.integers(min_value=1, max_value=len(IDEAS))),
)
def test_closing_succeeds_exactly_when_every_group_has_a_disposition(
    at, editor_a, reviewer_a, unit_a, comments, answered
):
    at(2026, 3, 2)
    consultation = open_consultation(editor_a, reviewer_a, unit_a)
    for idea in comments:
        comment = workflow.submit_comment(consultation=consultation, text=IDEAS[idea])
        workflow.show_comment(actor=editor_a, comment=comment)
    groups = list(consultation.groups.all())
    assert len(groups) == len(set(comments))
    for group in groups:
        if group.number in answered:
            workflow.dispose_group(
                actor=editor_a, group=group, disposition="not_adopted", reason="与上位法不符。"
            )
    at(2026, 4, 2)
    every = all(g.number in answered for g in groups)
    if every:
        publish_feedback_report(editor_a, reviewer_a, consultation)
        workflow.close_consultation(actor=reviewer_a, consultation=consultation)
    else:
        with pytest.raises(ValidationError, match="没有处理结果"):
            workflow.draft_feedback_report(actor=editor_a, consultation=consultation)
        with pytest.raises(ValidationError):
            workflow.close_consultation(actor=reviewer_a, consultation=consultation)
    consultation.refresh_from_db()
    assert (consultation.status == ConsultationStatus.CLOSED) == every
