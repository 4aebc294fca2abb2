"""Demo 决策公开 for the district government, built through the workflow on the days it
pretends (demotime), relative to the load day: the year's catalogue of major decisions drafted
by the government's editor and published by its reviewer, each decision's steps recorded by
its bureau's editor; two hearings (a fare hearing drawn by lottery with its record published,
and a school-layout hearing taking registrations now); a dozen open meetings with agendas,
invited members of the public, experts and media, decisions and interpretations — one
interpretation released late and one still missing, which the office's supervision flags.
Idempotent."""

from datetime import timedelta

from gongkai.accounts.models import User
from gongkai.core.clock import local_today
from gongkai.core.demotime import on, setup_day
from gongkai.publishing import vocabularies as v
from gongkai.publishing import workflow as publishing
from gongkai.units.models import Unit

from . import workflow
from .models import Catalogue

GOVERNMENT = "dlq"
PROCEDURE = "《重大行政决策程序暂行条例》"
CONFIDENTIALITY_RESULT = "经保密审查，同意公开"

# (bureau, title, basis, summary, steps done: {kind: days after the catalogue}, decided
# after, published after)
DECISIONS = (
    (
        "zjj",
        "东岚区老旧小区改造三年行动计划（2026—2028年）",
        f"{PROCEDURE}第三条；《国务院办公厅关于全面推进城镇老旧小区改造工作的指导意见》",
        "三年内改造 2000 年底前建成的老旧小区 86 个，涉及居民 2.3 万户。",
        {"participation": 40, "experts": 55, "risk": 62, "legality": 75},
        90,
        96,
    ),
    (
        "jyj",
        "东岚区中小学校布局专项规划（2026—2035年）",
        f"{PROCEDURE}第三条；《中华人民共和国教育法》",
        "新建、改扩建中小学 14 所，调整部分学区划分。",
        {"participation": 120, "experts": 150, "risk": 170},
        None,
        None,
    ),
    (
        "jtj",
        "东岚区城市公共交通票价调整方案",
        f"{PROCEDURE}第三条；《政府制定价格听证办法》",
        "调整常规公交基础票价，完善老年人、学生优惠政策。",
        {"participation": 150, "experts": 160, "risk": 180, "legality": 225},
        230,
        None,
    ),
    (
        "cgj",
        "东岚区生活垃圾分类管理办法",
        f"{PROCEDURE}第三条；《中华人民共和国固体废物污染环境防治法》第四十三条",
        "明确分类标准、投放管理责任人和收运处置要求。",
        {"participation": 100},
        None,
        None,
    ),
    (
        "mzj",
        "东岚区养老服务设施布局专项规划",
        f"{PROCEDURE}第三条；《中华人民共和国老年人权益保障法》",
        "按街道配置综合养老服务中心和社区嵌入式养老服务设施。",
        {},
        None,
        None,
    ),
    (
        "zrzyj",
        "东岚区湖滨片区控制性详细规划调整",
        f"{PROCEDURE}第三条；《中华人民共和国城乡规划法》第四十八条",
        "调整湖滨片区部分地块用地性质和容积率。",
        {},
        None,
        None,
    ),
)
NOTES = {
    "participation": "在区政府网站公开征求意见 30 个自然日，召开居民代表座谈会 3 场，"
    "收到意见 126 条。",
    "experts": "组织城市规划、财政、法律等领域专家 7 人论证，形成专家论证意见。",
    "risk": "开展社会稳定风险评估，评估等级为低风险，制定风险防范化解措施。",
    "legality": "区司法局出具合法性审查意见，认为方案合法。",
}
CATALOGUE_DAYS_AGO = 320


def _staff(code, role):
    return User.objects.get(username=f"{code}-{role}")


def _published_document(unit, day, title, *, doc_type="notice", interprets=None, number=""):
    editor, reviewer = _staff(unit.code, "editor"), _staff(unit.code, "reviewer")
    content = {
        "title": title,
        "doc_number": number,
        "subject": "06.02",
        "doc_type": doc_type,
        "date_written": day - timedelta(days=1),
        "disclosure": v.PROACTIVE,
        "withholding_reason": "",
        "statutory_category": "a20.03",
        "part": v.PART_STATUTORY,
        "column_id": None,
        "keywords": "",
        "summary": title,
        "body_html": f"<p>{title}。</p>",
        "is_normative": False,
        "effective_date": None,
        "expiry_date": None,
        "needs_interpretation": False,
        "interprets_id": interprets.pk if interprets else None,
    }
    with on(day - timedelta(days=1)):
        document = publishing.create_draft(actor=editor, unit=unit, content=content)
    with on(day - timedelta(days=1), 30):
        publishing.submit(actor=editor, document=document)
    with on(day, 60):
        publishing.review(
            actor=reviewer,
            document=document,
            confidentiality_result=CONFIDENTIALITY_RESULT,
            disclosure_confirmed=True,
        )
    with on(day, 120):
        publishing.publish(actor=reviewer, document=document)
    document.refresh_from_db()
    return document


def load(stdout):
    government = Unit.objects.filter(code=GOVERNMENT).first()
    if government is None or Catalogue.objects.filter(government=government).exists():
        return
    today = local_today()
    start = max(today - timedelta(days=CATALOGUE_DAYS_AGO), setup_day(today) + timedelta(days=1))
    decisions = _catalogue(government, start, today)
    _hearings(government, decisions, today)
    meetings = _meetings(government, decisions, today)
    stdout.write(
        f"决策公开：{start.year}年度重大行政决策事项目录（{len(decisions)} 项）、2 场听证、"
        f"{meetings} 次开放会议。"
    )


def _catalogue(government, start, today):
    editor, reviewer = _staff(GOVERNMENT, "editor"), _staff(GOVERNMENT, "reviewer")
    with on(start):
        catalogue = workflow.create_catalogue(
            actor=editor,
            government=government,
            year=start.year,
            note="经区政府常务会议审议通过。",
        )
    made = []
    for position, (code, title, basis, summary, _done, _dec, _pub) in enumerate(DECISIONS):
        unit = Unit.objects.get(code=code)
        planned = {
            kind: {"required": True, "planned_on": start + timedelta(days=days)}
            for kind, days in (
                ("participation", 60 + 20 * position),
                ("experts", 80 + 20 * position),
                ("risk", 95 + 20 * position),
                ("legality", 110 + 20 * position),
                ("collective", 130 + 20 * position),
            )
        }
        if code == "cgj":
            planned["risk"]["required"] = False
        with on(start, 10 + position):
            made.append(
                workflow.add_decision(
                    actor=editor,
                    catalogue=catalogue,
                    title=title,
                    unit=unit,
                    legal_basis=basis,
                    summary=summary,
                    planned_on=start + timedelta(days=150 + 20 * position),
                    steps=planned,
                )
            )
    with on(start + timedelta(days=2)):
        workflow.publish_catalogue(actor=reviewer, catalogue=catalogue)
    for decision, (code, title, _b, _s, done, decided, published) in zip(
        made, DECISIONS, strict=True
    ):
        editor = _staff(code, "editor")
        for kind, days in done.items():
            day = start + timedelta(days=days)
            if day >= today:
                continue
            with on(day, 240):
                workflow.record_step(
                    actor=editor, decision=decision, kind=kind, done_on=day, note=NOTES[kind]
                )
        if decided is not None and start + timedelta(days=decided) < today:
            day = start + timedelta(days=decided)
            with on(day, 300):
                workflow.record_decision(
                    actor=editor,
                    decision=decision,
                    decided_on=day,
                    note="经区政府常务会议审议通过。",
                )
            if published is not None and start + timedelta(days=published) < today:
                day = start + timedelta(days=published)
                unit = decision.unit
                document = _published_document(unit, day, title, number=f"东建发〔{day.year}〕12号")
                _published_document(
                    unit,
                    day,
                    f"一图读懂《{title}》",
                    doc_type=v.INTERPRETATION,
                    interprets=document,
                )
                with on(day, 200):
                    workflow.publish_decision(actor=editor, decision=decision, document=document)
    with on(start + timedelta(days=200)):
        workflow.withdraw_decision(
            actor=_staff(GOVERNMENT, "editor"),
            decision=made[5],
            reason="上级国土空间总体规划尚未批复，本年度暂缓决策，调出目录。",
        )
    return made


# (name, phone, kind) — fictional people
PEOPLE = (
    ("王建国", "13800001001", "public"),
    ("李秀英", "13800001002", "public"),
    ("张伟", "13800001003", "stakeholder"),
    ("刘芳", "13800001004", "public"),
    ("陈静", "13800001005", "enterprise"),
    ("杨洋", "13800001006", "public"),
    ("赵磊", "13800001007", "stakeholder"),
    ("黄敏", "13800001008", "public"),
    ("周杰", "13800001009", "expert"),
    ("吴霞", "13800001010", "public"),
    ("徐军", "13800001011", "public"),
    ("孙丽", "13800001012", "stakeholder"),
    ("马超", "13800001013", "public"),
    ("朱红", "13800001014", "enterprise"),
)
FARE_RECORD = "\n".join(
    (
        "听证会由区交通运输局主持，听证参加人 8 名"
        "（消费者代表 5 名、经营者代表 1 名、专家 1 名、其他 1 名）到会。",
        "定价机关说明了票价调整方案和定价成本监审情况。",
        "参加人发言要点：多数参加人同意调整基础票价，建议延长换乘优惠时间；"
        "两名参加人建议保持学生票价不变；一名参加人建议同步提升夜间线路服务。",
        "主持人归纳了各方意见，听证会历时 2 小时 10 分钟。",
    )
)
FARE_OUTCOME = """采纳：换乘优惠时间由 60 分钟延长至 90 分钟；学生票价维持不变。
部分采纳：夜间线路服务提升纳入年度公交线网优化计划。
未采纳：取消基础票价调整的建议（与定价成本监审结论不符）。"""


def _hearings(government, decisions, today):
    fares, schools = decisions[2], decisions[1]
    _fare_hearing(fares, today)
    _school_hearing(schools, today)


def _fare_hearing(decision, today):
    unit = decision.unit
    announced = today - timedelta(days=120)
    held = today - timedelta(days=95)
    with on(announced - timedelta(days=1)):
        hearing = workflow.create_hearing(
            actor=_staff(unit.code, "editor"),
            unit=unit,
            decision=decision,
            subject="东岚区城市公共交通票价调整听证会",
            description="拟将常规公交基础票价由 1 元调整为 2 元，65 周岁以上老年人免费乘车，"
            "学生票价按基础票价五折执行。定价成本监审报告随公告公布。",
            held_at=_moment(held, 330),
            place="东岚区行政服务中心三楼第一会议室",
            registration_opens=announced,
            registration_closes=announced + timedelta(days=12),
            how_to_register="年满 18 周岁、在本区居住或工作的公民均可报名，"
            "在线填写报名表或到区交通运输局价格科现场报名。报名人数超过名额时随机抽签确定参加人，抽签种子和结果公开。",
            seats=8,
            rule="lottery",
        )
    with on(announced):
        workflow.announce_hearing(actor=_staff(unit.code, "reviewer"), hearing=hearing)
    for n, (name, phone, kind) in enumerate(PEOPLE):
        with on(announced + timedelta(days=n % 12), 30 + n):
            workflow.register_for_hearing(
                hearing=hearing, kind=kind, name=name, phone=phone, viewpoint="关心票价调整。"
            )
    with on(announced + timedelta(days=13)):
        workflow.select_participants(
            actor=_staff(unit.code, "editor"), hearing=hearing, seed="20260805-notary-4417"
        )
    with on(held + timedelta(days=5)):
        workflow.publish_hearing_record(
            actor=_staff(unit.code, "reviewer"),
            hearing=hearing,
            record_text=FARE_RECORD,
            outcome=FARE_OUTCOME,
        )


def _school_hearing(decision, today):
    unit = decision.unit
    announced = today - timedelta(days=5)
    with on(announced - timedelta(days=1)):
        hearing = workflow.create_hearing(
            actor=_staff(unit.code, "editor"),
            unit=unit,
            decision=decision,
            subject="东岚区中小学校布局专项规划听证会",
            description="规划新建、改扩建中小学 14 所，调整湖滨、南岭两个学区的划分。",
            held_at=_moment(today + timedelta(days=20), 390),
            place="东岚区教育局二楼报告厅",
            registration_opens=announced,
            registration_closes=today + timedelta(days=7),
            how_to_register="学生家长、学校教职工和关心本规划的公民均可在线报名，按报名先后确定参加人。",
            seats=12,
            rule="first_come",
        )
    with on(announced):
        workflow.announce_hearing(actor=_staff(unit.code, "reviewer"), hearing=hearing)
    for n, (name, phone, kind) in enumerate(PEOPLE[:4]):
        day = min(announced + timedelta(days=n), today)
        with on(day, 60 + n):
            workflow.register_for_hearing(hearing=hearing, kind=kind, name=name, phone=phone)


def _moment(day, minutes):
    from datetime import datetime

    from gongkai.core.clock import CHINA
    from gongkai.core.demotime import OPENING

    return datetime.combine(day, OPENING, tzinfo=CHINA) + timedelta(minutes=minutes)


# The government's executive meetings, about one a month, each (days ago, items); an item is
# (title, index of a catalogue decision or None, needs an interpretation).
EXECUTIVE = (
    (300, (("研究部署年度重点民生实事项目", None, True),)),
    (
        270,
        (
            ("审议东岚区优化营商环境若干措施", None, True),
            ("听取一季度经济运行情况汇报", None, False),
        ),
    ),
    (230, (("审议东岚区老旧小区改造三年行动计划（2026—2028年）", 0, True),)),
    (210, (("审议东岚区防汛防台应急预案修订稿", None, True),)),
    (180, (("研究中心城区停车设施建设有关事项", None, True),)),
    (150, (("审议东岚区就业创业扶持政策", None, True),)),
    (120, (("研究秋季学期学校建设和招生工作", None, True),)),
    (90, (("审议东岚区城市公共交通票价调整方案（听证后修改稿）", 2, True),)),
    (60, (("审议东岚区社区嵌入式养老服务推进方案", None, True),)),
    (4, (("审议东岚区冬春季森林防火工作方案", None, True),)),
)
UNIT_MEETINGS = (
    (
        "zjj",
        "区住建局局务会议（老旧小区改造实施方案）",
        230,
        "研究老旧小区改造年度实施计划和居民意见办理",
    ),
    ("cgj", "区城管局局务会议（垃圾分类收运）", 45, "研究生活垃圾分类收运体系调整方案"),
)
ATTENDEES = (
    ("public", "钱国平", "东湖街道居民代表"),
    ("expert", "沈立", "浙东大学公共管理学院教授"),
    ("media", "叶青", "东岚融媒体中心记者"),
)


def _meetings(government, decisions, today):
    count = 0
    for number, (days, items) in enumerate(EXECUTIVE, start=1):
        held = today - timedelta(days=days)
        title = f"区政府第{number}次常务会议"
        # The first meeting's interpretation is released two days late; the latest has none
        # yet (the office's supervision flags it once one working day has passed).
        delay = 2 if number == 1 else (None if days < 7 else 0)
        _meeting(government, "executive", title, held, items, decisions, delay, today)
        count += 1
    for code, title, days, subject in UNIT_MEETINGS:
        unit = Unit.objects.get(code=code)
        held = today - timedelta(days=days)
        _meeting(unit, "unit", title, held, ((subject, None, True),), decisions, 0, today)
        count += 1
    return count


def _meeting(unit, kind, title, held, items, decisions, delay, today):
    editor, reviewer = _staff(unit.code, "editor"), _staff(unit.code, "reviewer")
    prepared = held - timedelta(days=6)
    with on(prepared):
        meeting = workflow.create_meeting(
            actor=editor, unit=unit, kind=kind, title=title, held_on=held, place="区行政中心"
        )
    for n, (item_title, decision, needs) in enumerate(items, start=1):
        with on(prepared, n):
            workflow.add_agenda_item(
                actor=editor,
                meeting=meeting,
                title=item_title,
                decision=decisions[decision] if decision is not None else None,
                needs_interpretation=needs,
            )
    for n, (attendee_kind, name, organisation) in enumerate(ATTENDEES, start=10):
        with on(prepared, n):
            workflow.invite_attendee(
                actor=editor,
                meeting=meeting,
                kind=attendee_kind,
                name=name,
                organisation=organisation,
            )
    with on(held - timedelta(days=3)):
        workflow.announce_meeting(actor=reviewer, meeting=meeting)
    with on(held, 240):
        workflow.record_meeting_decisions(
            actor=reviewer,
            meeting=meeting,
            outcomes={
                n: "会议原则通过，由承办单位按会议意见修改完善后印发实施。"
                for n in range(1, len(items) + 1)
            },
        )
    if delay is None:
        return
    day = held + timedelta(days=delay)
    if day >= today:
        return
    for item in meeting.items.filter(needs_interpretation=True):
        document = _published_document(unit, day, f"解读：{item.title}", doc_type="news")
        with on(day, 180):
            workflow.link_interpretation(
                actor=editor, meeting=meeting, item=item, document=document
            )
