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
