"""A year of public-opinion incidents in the demo district, made through the workflow on the
days the demo pretends: registered by the office, answered first by the handling unit's
editor, answered in full by a 回应 document its editor drafts and its reviewer publishes,
signed off by the reviewer; the escalation job runs every morning, so incidents answered late
are escalated as they would have been; a few higher-level referrals with their reports; and
press conferences. Idempotent."""

from datetime import datetime, time, timedelta

from gongkai.accounts.models import User
from gongkai.core.clock import CHINA, local_today, pretend, real_local_now
from gongkai.publishing import vocabularies as v
from gongkai.publishing import workflow as publishing
from gongkai.units.models import Unit

from . import workflow
from .models import Incident

# (days before the load day, hour found, territory, level, source, title, summary, plan)
# plan: assign (unit code), first (hours after finding), respond (days after finding: the
# response is published and the incident closed), dismiss (reason), referral (office,
# number, days to the report, or None for none yet).
INCIDENTS = (
    (
        350,
        9,
        "dhjd",
        "general",
        "online",
        "东湖街道老旧小区加装电梯工程停工",
        "网民在本地论坛发帖，称湖滨小区加装电梯工程停工两个月无人过问。",
        {"first": 6, "respond": 4},
    ),
    (
        331,
        15,
        "qsz",
        "general",
        "media",
        "青石镇河道出现大面积漂浮物",
        "本地晚报报道青石河下游出现大面积漂浮物，沿岸居民担心水质。",
        {"first": 3, "respond": 2},
    ),
    (
        309,
        10,
        "dlq",
        "significant",
        "online",
        "区内部分中小学课后服务收费引发质疑",
        "多名家长在政务留言平台反映课后服务收费标准不清。",
        {"assign": "jyj", "first": 20, "respond": 6},
    ),
    (
        288,
        11,
        "xcjd",
        "general",
        "petition",
        "西城街道菜市场改造期间临时摊位安置",
        "商户集体来访，反映改造期间临时摊位位置偏远。",
        {"first": 60, "respond": 16},
    ),
    (
        262,
        8,
        "dlq",
        "major",
        "media",
        "暴雨致区内多处道路积水",
        "强降雨导致区内多处道路积水，部分公交线路停运，媒体和网民广泛关注。",
        {"assign": "yjj", "first": 3, "respond": 2, "press": True},
    ),
    (
        240,
        16,
        "nljd",
        "general",
        "referral",
        "南岭街道工地夜间施工噪声扰民",
        "市政府办公厅转办：群众反映南岭街道某工地夜间施工噪声扰民。",
        {"first": 10, "respond": 5, "referral": ("city", "市府办转〔{year}〕41号", 4)},
    ),
    (
        214,
        9,
        "btjd",
        "general",
        "online",
        "北塘街道共享单车乱停放",
        "网民反映地铁站口共享单车堆放影响通行。",
        {"dismiss": "经核实，该问题已由区城管局日常巡查处置完毕，网民已确认。"},
    ),
    (
        190,
        14,
        "dlq",
        "significant",
        "referral",
        "区医保定点药店刷卡异常",
        "省政府办公厅转办：群众反映部分定点药店医保刷卡异常。",
        {
            "assign": "ybj",
            "first": 30,
            "respond": 12,
            "referral": ("province", "省府办转〔{year}〕17号", 9),
        },
    ),
    (
        166,
        10,
        "kfq",
        "general",
        "media",
        "经开区企业招工信息不实",
        "自媒体文章称经开区某企业招工信息与实际待遇不符。",
        {"first": 8, "respond": 3},
    ),
    (
        141,
        9,
        "lsjd",
        "general",
        "online",
        "岚山街道公园健身器材损坏",
        "网民反映公园健身器材损坏多日无人维修。",
        {"first": 5, "respond": 7},
    ),
    (
        118,
        11,
        "dlq",
        "significant",
        "media",
        "区供暖管网改造进度",
        "媒体报道部分小区供暖管网改造滞后，居民担心入冬供暖。",
        {"assign": "zjj", "first": 12, "respond": 4, "press": True},
    ),
    (
        97,
        15,
        "dhjd",
        "general",
        "petition",
        "东湖街道小区物业费上涨",
        "业主来访反映物业公司未经业主大会同意上调物业费。",
        {"first": 30, "respond": 9},
    ),
    (
        75,
        10,
        "qsz",
        "general",
        "referral",
        "青石镇农村饮水水压不足",
        "市政府办公厅转办：群众反映青石镇部分村组饮水水压不足。",
        {"first": 9, "respond": 6, "referral": ("city", "市府办转〔{year}〕88号", 8)},
    ),
    (
        52,
        9,
        "dlq",
        "significant",
        "online",
        "区内学校食堂食品安全",
        "家长在网络平台发帖质疑某学校食堂食材来源。",
        {"assign": "scjgj", "first": 4, "respond": 3, "press": True},
    ),
    (
        33,
        14,
        "xcjd",
        "general",
        "online",
        "西城街道路灯不亮",
        "网民反映多条背街小巷路灯不亮。",
        {"first": 20, "respond": 5},
    ),
    (
        20,
        10,
        "dlq",
        "significant",
        "referral",
        "区内公交线路调整",
        "省政府办公厅转办：群众反映公交线路调整后出行不便。",
        {"assign": "jtj", "first": 40, "referral": ("province", "省府办转〔{year}〕52号", None)},
    ),
    (
        9,
        11,
        "nljd",
        "general",
        "media",
        "南岭街道垃圾清运不及时",
        "本地电视台报道部分小区垃圾清运不及时。",
        {},
    ),
    (
        3,
        9,
        "btjd",
        "general",
        "online",
        "北塘街道农贸市场占道经营",
        "网民反映农贸市场周边占道经营影响通行。",
        {"first": 6},
    ),
    (
        1,
        10,
        "dlq",
        "significant",
        "online",
        "区内部分小区停水通知不及时",
        "网民反映停水前未收到通知。",
        {"assign": "zls"},
    ),
)

CONFERENCE_SPEAKERS = {
    "yjj": "区应急管理局局长\n区交通运输局副局长",
    "zjj": "区住房和城乡建设局局长\n区城市管理局副局长",
    "scjgj": "区市场监督管理局局长\n区教育局副局长",
}


def _moment(today, days_ago, hour, after=timedelta()):
    return datetime.combine(today - timedelta(days=days_ago), time(hour), tzinfo=CHINA) + after


def _content(title, summary, day):
    return {
        "title": title,
        "doc_number": "",
        "subject": "02.01",
        "doc_type": v.RESPONSE,
        "date_written": day,
        "disclosure": v.PROACTIVE,
        "withholding_reason": "",
        "part": v.PART_STATUTORY,
        "statutory_category": "a20.15",
        "column_id": None,
        "keywords": "回应关切",
        "summary": summary[:120],
        "body_html": f"<p>{summary}</p><p>欢迎社会各界继续监督。</p>",
        "is_normative": False,
        "effective_date": None,
        "expiry_date": None,
        "needs_interpretation": False,
        "interprets_id": None,
    }


class _Demo:
    def __init__(self, today):
        self.today = today
        self.units = {u.code: u for u in Unit.objects.all()}
        self.staff = {u.username: u for u in User.objects.all()}
        self.incidents = {}
        self.responses = {}
        self.steps = []  # (moment, order, function)

    def plan(self):
        for n, (days, hour, where, _level, _source, title, summary, plan) in enumerate(INCIDENTS):
            found = _moment(self.today, days, hour)
            self.steps.append((found + timedelta(minutes=30), n, self._register(n, found)))
            handler = plan.get("assign") or where
            if plan.get("assign"):
                self.steps.append((found + timedelta(hours=1), n, self._assign(n, handler)))
            if "first" in plan:
                at = found + timedelta(hours=plan["first"])
                self.steps.append((at, n, self._first(n, handler, at)))
            if "respond" in plan:
                at = found + timedelta(days=plan["respond"])
                self.steps.append((at, n, self._respond(n, handler, title, summary, at)))
                if plan.get("press"):
                    held = found + timedelta(days=1, hours=6)
                    self.steps.append(
                        (at + timedelta(hours=2), n, self._press(n, handler, title, held))
                    )
            if "dismiss" in plan:
                at = found + timedelta(days=2)
                self.steps.append((at, n, self._dismiss(n, plan["dismiss"])))
            referral = plan.get("referral")
            if referral and referral[2] is not None:
                at = found + timedelta(days=referral[2], hours=2)
                self.steps.append((at, n, self._report(n, handler)))
        first = _moment(self.today, INCIDENTS[0][0], 8)
        day = first
        while day < real_local_now():
            self.steps.append((day, -1, self._job()))
            day += timedelta(days=1)
        self.steps.sort(key=lambda step: (step[0], step[1]))

    def run(self):
        limit = real_local_now() - timedelta(seconds=1)
        for moment, _order, step in self.steps:
            if moment > limit:
                continue
            with pretend(moment):
                step()

    def _register(self, n, found):
        days, hour, where, level, source, title, summary, plan = INCIDENTS[n]
        referral = plan.get("referral")

        def step():
            extra = {}
            if referral:
                extra = {
                    "referring_office": referral[0],
                    "referral_number": referral[1].format(year=found.year),
                }
            self.incidents[n] = workflow.register_incident(
                actor=self.staff["office"],
                title=title,
                summary=summary,
                source=source,
                level=level,
                territory_unit=self.units[where],
                detected_at=found,
                source_detail={"media": "东岚日报", "online": "区政务留言平台"}.get(source, ""),
                **extra,
            )

        return step

    def _assign(self, n, code):
        def step():
            self.incidents[n] = workflow.assign_incident(
                actor=self.staff["office"],
                incident=self.incidents[n],
                unit=self.units[code],
                note="按职责交由主管部门承办。",
            )

        return step

    def _first(self, n, code, at):
        def step():
            self.incidents[n] = workflow.record_first_response(
                actor=self.staff[f"{code}-editor"],
                incident=self.incidents[n],
                text="已关注到相关情况，正在组织核实，将及时公布处置进展。",
                channel="区政府门户网站、“东岚发布”政务微博",
                at=at,
            )

        return step

    def _respond(self, n, code, title, summary, at):
        def step():
            editor, reviewer = self.staff[f"{code}-editor"], self.staff[f"{code}-reviewer"]
            text = f"针对“{title}”，经调查核实，现将有关情况和处置措施回应如下：{summary}"
            with pretend(at - timedelta(hours=3)):
                document = publishing.create_draft(
                    actor=editor,
                    unit=self.units[code],
                    content=_content(f"关于{title}的回应", text, at.date()),
                )
                workflow.link_response(actor=editor, incident=self.incidents[n], document=document)
                publishing.submit(actor=editor, document=document)
            with pretend(at - timedelta(hours=1)):
                publishing.review(
                    actor=reviewer,
                    document=document,
                    confidentiality_result="经审查，不涉及国家秘密、工作秘密和个人隐私，同意公开。",
                    disclosure_confirmed=True,
                )
            publishing.publish(actor=reviewer, document=document)
            self.responses[n] = document
            self.incidents[n] = workflow.close_as_responded(
                actor=reviewer, incident=self.incidents[n]
            )

        return step

    def _press(self, n, code, title, held):
        def step():
            unit = self.units["dlq"]
            conference = workflow.record_press_conference(
                actor=self.staff["dlq-editor"],
                unit=unit,
                title=f"{title}有关情况新闻发布会",
                held_at=held,
                place="区政府新闻发布厅",
                speakers=CONFERENCE_SPEAKERS.get(code, "区政府新闻发言人"),
                topics=f"通报{title}的处置进展，回答记者提问。",
                transcript=(
                    "主持人：各位记者朋友，大家好。今天我们邀请有关部门负责同志介绍情况。\n"
                    f"发布人：{title}发生后，区委、区政府高度重视，第一时间组织核查处置。\n"
                    "记者：后续还有哪些措施？\n"
                    "发布人：我们将持续公布进展，欢迎社会各界监督。"
                ),
                documents=[self.responses[n]],
                incidents=[self.incidents[n]],
            )
            workflow.publish_press_conference(
                actor=self.staff["dlq-reviewer"], conference=conference
            )

        return step

    def _dismiss(self, n, reason):
        def step():
            self.incidents[n] = workflow.dismiss_incident(
                actor=self.staff["office"], incident=self.incidents[n], reason=reason
            )

        return step

    def _report(self, n, code):
        def step():
            self.incidents[n] = workflow.report_referral(
                actor=self.staff[f"{code}-editor"],
                incident=self.incidents[n],
                report="已按要求核实处置，并在区政府门户网站发布回应，现将办理情况报告如下。",
            )

        return step

    def _job(self):
        def step():
            workflow.escalate_late()

        return step


def load(stdout):
    if "dlq" not in set(Unit.objects.values_list("code", flat=True)) or Incident.objects.exists():
        return
    if not User.objects.filter(username="office").exists():
        return
    demo = _Demo(local_today())
    demo.plan()
    demo.run()
    late = sum(1 for i in Incident.objects.all() if i.escalations.exists())
    stdout.write(
        f"回应关切：{Incident.objects.count()} 件政务舆情（{late} 件超时提级督办），"
        f"{len(demo.responses)} 份回应。"
    )
