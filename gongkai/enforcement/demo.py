"""Demo enforcement decisions of the market-supervision bureau, registered by its editor and
published by its reviewer; one was published after its deadline and shows as late. The
bureau is not marked as publishing all its decisions here, so the demo annual reports keep
their typed figures. Idempotent."""

from datetime import timedelta

from gongkai.accounts.models import User
from gongkai.core.clock import local_today
from gongkai.units.models import Unit

from . import services
from .models import Decision

FOOD_LAW = "《中华人民共和国食品安全法》"

# (days before today the decision was made, fields)
DECISIONS = (
    (
        3,
        {
            "kind": "licence",
            "number": "东市监许〔2026〕318号",
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
        {
            "kind": "penalty",
            "number": "东市监罚〔2026〕77号",
            "title": "销售超过保质期的食品",
            "party_kind": "individual_business",
            "party_name": "东岚区西城便民超市",
            "party_identifier": "92330100MA2DL00077",
            "facts": "2026年10月执法检查中发现当事人货架上陈列超过保质期的饮料 12 瓶。",
            "basis": f"{FOOD_LAW}第一百二十四条",
            "outcome": "没收违法所得 36 元，罚款人民币五千元。",
        },
    ),
    (
        30,
        {
            "kind": "penalty",
            "number": "东市监罚〔2026〕71号",
            "title": "未取得食品经营许可从事食品经营活动",
            "party_kind": "natural_person",
            "party_name": "赵海生",
            "party_identifier": "330102198503150031",
            "facts": "当事人未取得食品经营许可，在南岭街道农贸市场门口销售自制熟食。",
            "basis": f"{FOOD_LAW}第一百二十二条",
            "outcome": "没收违法所得 420 元，罚款人民币一万元。",
        },
    ),
)


def load(stdout):
    unit = Unit.objects.filter(code="scjgj").first()
    if unit is None or Decision.objects.filter(unit=unit).exists():
        return
    editor = User.objects.get(username="scjgj-editor")
    reviewer = User.objects.get(username="scjgj-reviewer")
    today = local_today()
    for days, fields in DECISIONS:
        decision = services.register(
            actor=editor, unit=unit, decided_on=today - timedelta(days=days), **fields
        )
        services.publish(actor=reviewer, decision=decision)
    stdout.write(f"行政执法公示：已公示 {len(DECISIONS)} 份演示执法决定。")
