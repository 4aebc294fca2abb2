"""Consultations built through the real workflow functions."""

from datetime import timedelta

from gongkai.core.clock import local_today
from gongkai.participation import workflow

DRAFT = (
    "第一条 为规范本区早餐便民网点设置，制定本办法。\n"
    "第二条 早餐网点应当设在居民步行十分钟范围内。\n"
    "第三条 经营者应当公示食品经营许可证和价格。"
)


def consultation_input(**overrides) -> dict:
    today = local_today()
    data = {
        "title": "测试区早餐便民网点设置管理办法（征求意见稿）",
        "draft_text": DRAFT,
        "explanation": "为方便群众早餐就近购买，起草了本办法。",
        "starts_on": today,
        "ends_on": today + timedelta(days=29),
        "audiences": ["public", "enterprises"],
        "is_major": True,
        "short_period_reason": "",
    }
    data.update(overrides)
    return data


def open_consultation(editor, reviewer, unit, **overrides):
    consultation = workflow.create_consultation(
        actor=editor, unit=unit, **consultation_input(**overrides)
    )
    return workflow.open_consultation(actor=reviewer, consultation=consultation)


def publish_feedback_report(editor, reviewer, consultation, **kwargs):
    """Generate the feedback report and take it through publishing's review, as the unit's
    editor and another reviewer would; returns the published document."""
    from gongkai.publishing import workflow as publishing

    document = workflow.draft_feedback_report(actor=editor, consultation=consultation, **kwargs)
    publishing.submit(actor=editor, document=document)
    publishing.review(
        actor=reviewer,
        document=document,
        confidentiality_result="经审查，不涉及国家秘密、工作秘密和个人隐私，同意公开。",
        disclosure_confirmed=True,
    )
    publishing.publish(actor=reviewer, document=document)
    document.refresh_from_db()
    return document


def answered_consultation(editor, reviewer, unit, dispositions, **overrides):
    """An open consultation with one shown comment per entry of `dispositions` (each a
    distinct idea, so a group of its own), each group answered with that disposition ("" for
    none yet)."""
    consultation = open_consultation(editor, reviewer, unit, **overrides)
    ideas = ["建议增加早餐网点数量。", "第三条应当公示投诉电话。", "网点外摆应当保持人行道畅通。"]
    for idea, disposition in zip(ideas, dispositions, strict=False):
        comment = workflow.submit_comment(consultation=consultation, text=idea)
        group = workflow.show_comment(actor=editor, comment=comment).group
        if disposition:
            workflow.dispose_group(
                actor=editor, group=group, disposition=disposition, reason="经研究。"
            )
    return consultation
