import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from gongkai.audit.models import AuditEvent
from gongkai.participation import rules, workflow
from gongkai.participation.models import Moderation

from .factories import open_consultation

pytestmark = pytest.mark.django_db

MASS = "强烈建议早餐网点允许在人行道外摆，方便上班族购买，请予采纳！"


@pytest.fixture
def consultation(at, editor_a, reviewer_a, unit_a):
    at(2026, 3, 2)
    return open_consultation(editor_a, reviewer_a, unit_a)


def _shown(consultation, editor, text, **extra):
    comment = workflow.submit_comment(consultation=consultation, text=text, **extra)
    return workflow.show_comment(actor=editor, comment=comment)


def test_copies_and_near_copies_form_one_group_with_its_count(consultation, editor_a):
    for signature in ("", "——张三", "谢谢！", "。李四"):
        _shown(consultation, editor_a, MASS + signature)
    other = _shown(consultation, editor_a, "第三条应当同时公示投诉电话。", paragraph=3)
    groups = list(consultation.groups.all())
    assert [(g.number, g.comments.count()) for g in groups] == [(1, 4), (2, 1)]
    assert groups[1].paragraph == 3 and other.group == groups[1]


def test_similarity_is_bigram_jaccard():
    assert rules.similarity("早餐网点太少", "早餐网点太少！") == 1.0
    assert rules.similarity(MASS, MASS + "——王五") >= rules.SIMILAR
    assert rules.similarity(MASS, "第三条应当同时公示投诉电话。") < 0.2


def test_nothing_is_shown_before_moderation(client, consultation):
    workflow.submit_comment(consultation=consultation, text="尚未审核的意见")
    page = client.get(f"/consultations/{consultation.pk}/").content.decode()
    assert "尚未审核的意见" not in page
    assert consultation.groups.count() == 0


def test_a_comment_not_shown_has_a_reason_in_the_audit_trail(consultation, editor_a):
    comment = workflow.submit_comment(consultation=consultation, text="广告：低价出售二手设备")
    with pytest.raises(ValidationError):
        workflow.hide_comment(actor=editor_a, comment=comment, reason="")
    workflow.hide_comment(actor=editor_a, comment=comment, reason="advertising")
    comment.refresh_from_db()
    assert comment.moderation == Moderation.HIDDEN
    event = AuditEvent.objects.get(action="participation.hide")
    assert event.reason == "广告或垃圾信息"
    assert (event.from_state, event.to_state) == ("pending", "hidden")


def test_taking_down_the_last_comment_of_a_group_removes_the_group(consultation, editor_a):
    comment = _shown(consultation, editor_a, "含有他人电话的意见")
    workflow.hide_comment(actor=editor_a, comment=comment, reason="personal_data")
    assert consultation.groups.count() == 0


def test_staff_may_move_a_comment_to_another_group(consultation, editor_a):
    first = _shown(consultation, editor_a, "建议延长营业时间到上午十点。")
    second = _shown(consultation, editor_a, "营业时间能否放宽一些")
    assert first.group != second.group
    workflow.move_comment(actor=editor_a, comment=second, group=first.group)
    assert consultation.groups.count() == 1
    assert first.group.comments.count() == 2


def test_another_units_staff_cannot_moderate(consultation, editor_b):
    comment = workflow.submit_comment(consultation=consultation, text="意见")
    with pytest.raises(PermissionDenied):
        workflow.show_comment(actor=editor_b, comment=comment)


def test_a_disposition_needs_a_reason(consultation, editor_a):
    group = _shown(consultation, editor_a, "建议增加网点").group
    with pytest.raises(ValidationError) as refused:
        workflow.dispose_group(actor=editor_a, group=group, disposition="not_adopted", reason="")
    assert "reason" in refused.value.message_dict
    workflow.dispose_group(
        actor=editor_a, group=group, disposition="partly", reason="在新建小区增加网点。"
    )
    event = AuditEvent.objects.get(action="participation.dispose")
    assert (event.to_state, event.reason) == ("partly", "在新建小区增加网点。")


def test_targeted_consultation_records_the_invitation_and_what_was_said(
    consultation, editor_a, unit_a
):
    association = workflow.add_stakeholder(
        actor=editor_a,
        unit=unit_a,
        field="餐饮",
        name="测试区餐饮行业协会",
        kind="association",
        contact="王秘书长 13800001234",
    )
    invitation = workflow.invite_stakeholder(
        actor=editor_a, consultation=consultation, stakeholder=association, method="函件"
    )
    with pytest.raises(ValidationError):
        workflow.invite_stakeholder(
            actor=editor_a, consultation=consultation, stakeholder=association, method="电话"
        )
    said = workflow.record_stakeholder_comment(
        actor=editor_a, invitation=invitation, text="建议给予小微餐饮企业过渡期。"
    )
    shown = workflow.show_comment(actor=editor_a, comment=said)
    assert shown.shown_name == "测试区餐饮行业协会"
    assert association.shown_contact == "138****1234"
    assert list(invitation.comments.all()) == [said]
