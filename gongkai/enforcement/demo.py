"""Demo enforcement decisions of the market-supervision bureau, registered by its editor on
the day each was made and published by its reviewer, each step on the day the demo says
(core.demotime), counted back from the day the demo is loaded: two published within the
deadline, one published two working days after it (late, counted on the working-day
calendar), and one revoked after an administrative review. The bureau is not marked as
publishing all its decisions here, so the demo annual reports keep their typed figures.
Idempotent."""

from datetime import timedelta

from gongkai.accounts.models import User
from gongkai.core.clock import local_today
from gongkai.core.demotime import on, working_day
from gongkai.units.models import Unit
from gongkai.workdays.calendar import add_working_days
from gongkai.workdays.services import current_calendar

from . import rules, services
from .models import Decision

FOOD_LAW = "《中华人民共和国食品安全法》"
# Working days past the deadline the late decision was published.
LATE_BY = 2
REVOKE_REASON = "经行政复议，区人民政府决定撤销该处罚决定"


def _decisions(today):
    """(days before today it was made, how it was published, fields); the number carries the
    year it was made, the facts the month of the inspection."""
    made = {days: today - timedelta(days=days) for days in (3, 5, 40, 60)}
    inspected = made[5] - timedelta(days=20)
    return (
        (
            3,
            "on_time",
            {
                "kind": "licence",
                "number": f"东市监许〔{made[3].year}〕318号",
                "title": "食品经营许可（新办）",
                "party_kind": "organisation",
                "party_name": "东岚区湖畔餐饮管理有限公司",
                "party_identifier": "91330100MA2DL00318",
                "facts": "申请从事热食类食品制售，经营场所位于东湖街道湖滨路 18 号。",
                "basis": f"{FOOD_LAW}第三十五条",
                "outcome": "准予许可，许可证有效期五年。",
            },
        ),
        (
            5,
            "on_time",
            {
                "kind": "penalty",
                "number": f"东市监罚〔{made[5].year}〕77号",
                "title": "销售超过保质期的食品",
                "party_kind": "individual_business",
                "party_name": "东岚区西城便民超市",
                "party_identifier": "92330100MA2DL00077",
                "facts": f"{inspected.year}年{inspected.month}月执法检查中发现当事人货架上陈列"
                "超过保质期的饮料 12 瓶。",
                "basis": f"{FOOD_LAW}第一百二十四条",
                "outcome": "没收违法所得 36 元，罚款人民币五千元。",
            },
        ),
        (
            40,
            "late",
            {
                "kind": "penalty",
                "number": f"东市监罚〔{made[40].year}〕71号",
                "title": "未取得食品经营许可从事食品经营活动",
                "party_kind": "natural_person",
                "party_name": "赵海生",
                "party_identifier": "330102198503150031",
                "facts": "当事人未取得食品经营许可，在南岭街道农贸市场门口销售自制熟食。",
                "basis": f"{FOOD_LAW}第一百二十二条",
                "outcome": "没收违法所得 420 元，罚款人民币一万元。",
            },
        ),
        (
            60,
            "revoked",
            {
                "kind": "penalty",
                "number": f"东市监罚〔{made[60].year}〕64号",
                "title": "未按规定公示食品经营许可证",
                "party_kind": "organisation",
                "party_name": "东岚区北塘小吃店有限公司",
                "party_identifier": "91330100MA2DL00064",
                "facts": "当事人未在经营场所醒目位置公示食品经营许可证。",
                "basis": f"{FOOD_LAW}第一百二十六条",
                "outcome": "警告。",
            },
        ),
    )


def _publication_day(calendar, decided_on, how, today):
    if how == "late":
        due = rules.publication_due(calendar, decided_on)
        return add_working_days(calendar, due, LATE_BY)
    return min(add_working_days(calendar, decided_on, 1), today)


def load(stdout):
    unit = Unit.objects.filter(code="scjgj").first()
    if unit is None or Decision.objects.filter(unit=unit).exists():
        return
    editor = User.objects.get(username="scjgj-editor")
    reviewer = User.objects.get(username="scjgj-reviewer")
    calendar, today = current_calendar(), local_today()
    decisions = _decisions(today)
    for days, how, fields in sorted(decisions, key=lambda d: -d[0]):
        decided_on = working_day(calendar, today - timedelta(days=days))
        with on(decided_on, 60):
            decision = services.register(actor=editor, unit=unit, decided_on=decided_on, **fields)
        with on(_publication_day(calendar, decided_on, how, today), 240):
            services.publish(actor=reviewer, decision=decision)
        if how == "revoked":
            with on(working_day(calendar, today - timedelta(days=25)), 120):
                services.revoke(actor=reviewer, decision=decision, reason=REVOKE_REASON)
    stdout.write(f"行政执法公示：已公示 {len(decisions)} 份演示执法决定（其中 1 份已撤销）。")
