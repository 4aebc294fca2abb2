"""Demo content of proactive disclosure: for every demo unit a guide and a few columns, and
over 500 published items spread over the statutory categories, with normative documents in
amend/repeal/replace chains, interpretations and real attachment files. A few drafts of the
district development and reform bureau carry planted personal data so the checks can be seen
working; they stay unpublished.

Every item is drafted, submitted, reviewed and published through the workflow by its unit's
editor and reviewer, on the dates the demo pretends (see _publish_all), all relative to the
day the demo is loaded.
"""

import random
from datetime import datetime, time, timedelta

from django.db import transaction

from gongkai.accounts.models import User
from gongkai.core import demotime
from gongkai.core.clock import CHINA, local_today, pretend
from gongkai.units.models import Unit, UnitKind

from . import samplefiles, workflow
from . import vocabularies as v
from .models import (
    Content,
    Document,
    Guide,
    LinkKind,
)

SEED = 20240301
CONFIDENTIALITY_RESULT = "经审查，不涉及国家秘密和个人隐私，同意公开。"

# (statutory item, subject, document type, title templates)
ITEMS = [
    ("a20.02", "02.01", "other", ["{unit}机构职能", "{unit}领导分工", "{unit}内设机构及联系方式"]),
    ("a20.03", "03.01", "plan", ["{unit}“十四五”专项规划中期评估报告", "{unit}{year}年工作要点"]),
    ("a20.04", "03.03", "data", ["{unit}{year}年{month}月主要统计数据", "{unit}{year}年统计公报"]),
    (
        "a20.05",
        "02.01",
        "publicity",
        ["{unit}{year}年第{n}批行政许可结果公示", "{unit}政务服务事项办事指南（{year}年版）"],
    ),
    ("a20.06", "16.03", "publicity", ["{unit}{year}年第{n}季度行政处罚决定公示"]),
    (
        "a20.07",
        "04.01",
        "report",
        ["{unit}{year}年部门预算", "{unit}{prev}年部门决算", "{unit}{year}年“三公”经费预算说明"],
    ),
    ("a20.08", "04.01", "list", ["{unit}行政事业性收费项目清单（{year}年）"]),
    ("a20.09", "04.01", "announcement", ["{unit}{year}年政府采购意向公开（第{n}批）"]),
    ("a20.10", "03.06", "news", ["{unit}重点项目建设进展情况（{year}年{month}月）"]),
    (
        "a20.11",
        "15.02",
        "notice",
        [
            "关于做好{year}年城乡居民基本医疗保险参保缴费工作的通知",
            "{unit}{year}年就业创业补贴发放情况公示",
            "关于调整{year}年城乡居民基本养老保险基础养老金标准的通知",
            "{unit}社会保险（社保）经办服务指南（{year}年版）",
        ],
    ),
    (
        "a20.12",
        "02.03",
        "notice",
        ["关于做好{year}年汛期安全防范工作的通知", "{unit}突发事件应急预案（{year}年修订）"],
    ),
    (
        "a20.13",
        "09.05",
        "circular",
        ["关于{year}年第{n}季度安全生产监督检查情况的通报", "{unit}{year}年食品安全监督抽检结果"],
    ),
    (
        "a20.14",
        "15.03",
        "announcement",
        ["{unit}{year}年公开招聘工作人员公告", "{unit}{year}年拟录用公务员名单公示"],
    ),
]
COUNTY_ITEMS = [
    ("a21c.02", "10.02", "news", ["{unit}{year}年公共服务事项清单"]),
    ("a21c.07", "17.03", "publicity", ["{unit}{year}年{month}月城乡低保对象公示（已去标识化）"]),
]
TOWN_ITEMS = [
    ("a21t.01", "06.01", "notice", ["青石镇{year}年耕地地力保护补贴发放公示"]),
    ("a21t.06", "06.01", "notice", ["青石镇{year}年“一事一议”筹资筹劳方案"]),
]
RULE_TITLES = [
    "{unit}政府信息公开工作制度",
    "{unit}政府信息公开保密审查制度",
    "{unit}政府信息公开申请办理制度",
]
NORMATIVE_UNITS = ("qzfb", "fgj", "jyj", "mzj", "rsj", "zjj", "czj", "scjgj", "wjw", "nyj")
NORMATIVE_TOPICS = [  # in the order of NORMATIVE_UNITS
    ("老旧小区改造项目管理办法", "10.02"),
    ("政府投资项目管理办法", "03.06"),
    ("中小学校课后服务管理办法", "11.02"),
    ("城乡居民临时救助实施办法", "17.03"),
    ("就业创业补贴资金管理办法", "15.01"),
    ("公共租赁住房管理办法", "10.02"),
    ("财政专项资金管理办法", "04.01"),
    ("食品小作坊登记管理办法", "09.04"),
    ("家庭医生签约服务管理办法", "13.01"),
    ("农业产业化龙头企业认定和运行监测办法", "06.01"),
]
PREFIX = {
    "qzfb": "东府办发",
    "fgj": "东发改发",
    "jyj": "东教发",
    "mzj": "东民发",
    "rsj": "东人社发",
    "zjj": "东住建发",
    "czj": "东财发",
    "scjgj": "东市监发",
    "wjw": "东卫健发",
    "nyj": "东农发",
}
COLUMNS = [("tzgg", "通知公告", ""), ("czzj", "财政资金", "a20.07"), ("rsxx", "人事信息", "a20.14")]
EXPRESSIONS = [
    ("截止目前", "截至目前", "“截止”表示停止，“截至”表示到某时为止"),
    ("其它", "其他", "规范用字"),
    ("做为", "作为", ""),
    ("既日起", "即日起", ""),
]


def _paragraphs(title, unit, rng):
    phone = f"0999-8{rng.randint(100000, 999999)}"
    return [
        f"为贯彻落实上级有关部署，进一步做好相关工作，{unit.full_name}就《{title}》有关事项说明如下。",
        "一、总体要求。坚持依法行政、公开透明，按照“谁制作、谁公开，谁保存、谁公开”的原则组织实施。",
        "二、主要内容。各责任科室要对照职责分工，细化工作措施，明确完成时限，确保各项任务落到实处。",
        "三、工作要求。各单位要加强组织领导，强化协调配合，及时报送工作进展情况。",
        f"联系人：{unit.body_name or '办公室'}，联系电话：{phone}。",
    ]


def _html(paragraphs):
    from django.utils.html import escape

    return "".join(f"<p>{escape(p)}</p>" for p in paragraphs)


class _Builder:
    def __init__(self, today):
        self.today = today
        self.rng = random.Random(SEED)
        self.units = {u.code: u for u in Unit.objects.active()}
        self.staff = {u.username: u for u in User.objects.filter(username__contains="-")}
        self.documents: list[Document] = []
        self.files: list[tuple[Document, str, bytes]] = []
        self.links: list[tuple[int, int, str]] = []
        self.interprets: list[tuple[int, int]] = []

    def when(self, days_ago: int) -> datetime:
        day = self.today - timedelta(days=days_ago)
        return datetime.combine(day, time(9 + days_ago % 8, (days_ago * 7) % 60), tzinfo=CHINA)

    def add(
        self, unit, *, title, category, subject, doc_type, published, part=v.PART_STATUTORY, **extra
    ) -> int:
        body = _paragraphs(title, unit, self.rng)
        written = published.date() - timedelta(days=self.rng.randint(1, 12))
        # Not saved: the plan of an item that _publish_all puts through the workflow.
        document = Document(
            unit=unit,
            title=title[:300],
            statutory_category=category,
            subject=subject,
            doc_type=doc_type,
            part=part,
            date_written=written,
            disclosure=v.PROACTIVE,
            keywords=title[:20],
            summary=body[0][:120],
            body_html=_html(body),
            body_text="\n".join(body),
            published_at=published,  # when _publish_all will publish it
            **extra,
        )
        self.documents.append(document)
        return len(self.documents) - 1

    def attach(self, position: int, name: str, data: bytes):
        self.files.append((position, name, data))


def _regular_items(b: _Builder):
    for unit in b.units.values():
        items = list(ITEMS)
        if unit.kind == UnitKind.TOWN:
            items += TOWN_ITEMS
        elif unit.kind != UnitKind.PUBLIC_ENTERPRISE:
            items += COUNTY_ITEMS
        chosen = b.rng.sample(items, k=min(len(items), 9))
        for category, subject, doc_type, templates in chosen:
            days_ago = b.rng.randint(3, 900)
            published = b.when(days_ago)
            title = b.rng.choice(templates).format(
                unit=unit.short_name,
                year=published.year,
                prev=published.year - 1,
                month=published.month,
                n=b.rng.randint(1, 4),
            )
            plan = {}
            if "应急预案" in title:  # listed at /contingency-plans/ while in force
                start = published.date()
                plan = dict(
                    is_contingency_plan=True,
                    effective_date=start,
                    expiry_date=start + timedelta(days=3 * 365),
                )
            position = b.add(
                unit,
                title=title,
                category=category,
                subject=subject,
                doc_type=doc_type,
                published=published,
                **plan,
            )
            if doc_type in ("data", "report", "list") and b.rng.random() < 0.5:
                # Whole yuan: openpyxl writes 93.15 as 93.15000000000001, whose digits the
                # personal-data check reads as a bank card number.
                rows = [["项目", "金额（元）", "说明"]] + [
                    [f"支出项目{i}", b.rng.randint(50_000, 5_000_000), "—"] for i in range(1, 8)
                ]
                b.attach(position, f"{title}.xlsx", samplefiles.xlsx_bytes(rows, title="数据"))
            elif b.rng.random() < 0.18:
                b.attach(
                    position, f"{title}.pdf", samplefiles.pdf_bytes([[title, "（正文见附件）"]])
                )
        for template in RULE_TITLES[: b.rng.randint(1, 3)]:
            b.add(
                unit,
                title=template.format(unit=unit.short_name),
                category="",
                subject="02.01",
                doc_type="other",
                published=b.when(b.rng.randint(400, 1000)),
                part=v.PART_RULES,
            )


class _Chain:
    """The normative documents of one unit, numbered in order."""

    def __init__(self, b: _Builder, unit, code: str, subject: str):
        self.b, self.unit, self.code, self.subject = b, unit, code, subject
        self.serial = 0

    def normative(self, title, days_ago, *, effective_in=10, expiry=None, doc_type="notice"):
        b, unit = self.b, self.unit
        published = b.when(days_ago)
        self.serial += 1
        position = b.add(
            unit,
            title=title,
            category=v.NORMATIVE_CATEGORY,
            subject=self.subject,
            doc_type=doc_type,
            published=published,
            is_normative=True,
            effective_date=published.date() + timedelta(days=effective_in),
            expiry_date=expiry,
            needs_interpretation=True,
        )
        # The number's year is the year the document was written (成文), not published.
        planned = b.documents[position]
        number = f"{PREFIX[self.code]}〔{planned.date_written.year}〕{self.serial * 3}号"
        planned.doc_number = number
        lines = [unit.full_name, number, title, *_paragraphs(title, unit, b.rng)]
        b.attach(position, f"{title}.docx", samplefiles.plain_docx_bytes(lines))
        return position

    def interpretation(self, position, days_after=0):
        target = self.b.documents[position]
        ip = self.b.add(
            self.unit,
            title=f"《{target.title}》政策解读",
            category=v.NORMATIVE_CATEGORY,
            subject=self.subject,
            doc_type=v.INTERPRETATION,
            published=target.published_at + timedelta(days=days_after),
        )
        self.b.interprets.append((ip, position))


def _normative_chains(b: _Builder):
    """Per unit: an original amended later, one repealed, one replaced by a new version, one
    in force with an interpretation, one about to expire and one not yet in force."""
    for n, code in enumerate(NORMATIVE_UNITS):
        unit = b.units.get(code)
        if unit is None:
            continue
        topic, subject = NORMATIVE_TOPICS[n]
        chain = _Chain(b, unit, code, subject)
        normative, interpretation = chain.normative, chain.interpretation
        original = normative(f"{unit.full_name}{topic}（试行）", 1000, expiry=None)
        interpretation(original)
        amendment = normative(
            f"{unit.full_name}关于修改《{topic}（试行）》的决定", 500, doc_type="decision"
        )
        interpretation(amendment, 1)
        b.links.append((amendment, original, LinkKind.AMENDS))
        old = normative(f"{unit.full_name}关于印发{topic.replace('办法', '暂行规定')}的通知", 950)
        repealer = normative(
            f"{unit.full_name}关于废止部分行政规范性文件的决定", 300, doc_type="decision"
        )
        b.links.append((repealer, old, LinkKind.REPEALS))
        interpretation(repealer)
        replaced = normative(
            f"{unit.full_name}关于印发{topic}（{b.today.year - 3}年版）的通知", 800
        )
        replacement = normative(
            f"{unit.full_name}关于印发{topic}（{b.today.year - 1}年版）的通知", 200
        )
        b.links.append((replacement, replaced, LinkKind.REPLACES))
        interpretation(replacement, 2)
        expiring = normative(
            f"{unit.full_name}关于实施{topic.replace('办法', '')}专项行动的通知",
            700,
            expiry=b.today + timedelta(days=12 + n),
        )
        interpretation(expiring)
        normative(
            f"{unit.full_name}关于做好{topic.replace('管理办法', '')}有关工作的补充通知",
            9,
            effective_in=30,
        )
        expired = normative(
            f"{unit.full_name}关于{topic.replace('管理办法', '')}过渡期安排的通知",
            600,
            expiry=b.today - timedelta(days=40),
        )
        interpretation(expired)


def _publish_all(b: _Builder):
    """Every item goes through the workflow in the order it was published: the unit's editor
    drafts it (with its attachments) and submits it the day before, its reviewer reviews it an
    hour before publishing it — each step at the moment the demo pretends (demotime), so
    index numbers, review records, validity and audit events are the ones the workflow makes."""
    saved: dict[int, Document] = {}
    attachments: dict[int, list[tuple[str, bytes]]] = {}
    for position, name, data in b.files:
        attachments.setdefault(position, []).append((name, data))
    links: dict[int, list[tuple[int, str]]] = {}
    for source, target, kind in b.links:
        links.setdefault(source, []).append((target, kind))
    interprets = dict(b.interprets)
    order = sorted(range(len(b.documents)), key=lambda i: b.documents[i].published_at)
    for position in order:
        planned = b.documents[position]
        unit = planned.unit
        editor = b.staff[f"{unit.code}-editor"]
        reviewer = b.staff[f"{unit.code}-reviewer"]
        content = {
            name: getattr(planned, name) for name in Content.CONTENT_FIELDS if name != "body_text"
        }
        if position in interprets:
            content["interprets_id"] = saved[interprets[position]].pk
        published = planned.published_at
        drafted = published - timedelta(hours=20)
        with pretend(drafted):
            document = workflow.create_draft(
                actor=editor,
                unit=unit,
                content=content,
                links=[
                    {"target": saved[target].pk, "kind": kind}
                    for target, kind in links.get(position, [])
                ],
            )
        for minute, (name, data) in enumerate(attachments.get(position, []), start=1):
            with pretend(drafted + timedelta(minutes=minute)):
                workflow.add_attachment(actor=editor, document=document, data=data, filename=name)
        with pretend(drafted + timedelta(minutes=30)):
            workflow.submit(actor=editor, document=document)
        with pretend(published - timedelta(hours=1)):
            workflow.review(
                actor=reviewer,
                document=document,
                confidentiality_result=CONFIDENTIALITY_RESULT,
                disclosure_confirmed=True,
            )
        with pretend(published):
            workflow.publish(actor=reviewer, document=document)
        saved[position] = document


def _guides_and_columns(b: _Builder):
    """Each unit's administrator writes its guide and adds its columns, and the openness
    office its list of forbidden expressions, the day the platform went live."""
    office = User.objects.get(username="office")
    with demotime.on(demotime.setup_day(b.today)):
        for u in b.units.values():
            admin = b.staff[f"{u.code}-admin"]
            workflow.save_guide(actor=admin, unit=u, data=_guide(u))
            if u.kind in (UnitKind.DEPARTMENT, UnitKind.GOVERNMENT_OFFICE):
                for slug, name, category in COLUMNS:
                    workflow.add_column(
                        actor=admin, unit=u, name=name, slug=slug, statutory_category=category
                    )
        for phrase, suggestion, note in EXPRESSIONS:
            workflow.save_expression(actor=office, phrase=phrase, suggestion=suggestion, note=note)


def _guide(u) -> dict:
    return dict(
        arrangement=(
            f"{u.short_name}主动公开的政府信息按《中华人民共和国政府信息公开条例》"
            "第二十条、第二十一条规定的法定公开事项分类，并设本单位栏目；"
            "同一类别内按发布日期由近及远排列。"
        ),
        obtaining=(
            "可通过本平台“政府信息公开”专栏查阅、检索和下载；也可到区档案馆、"
            "区图书馆和区政务服务中心政府信息查阅点查阅。"
        ),
        applying=(
            "公民、法人或者其他组织可以通过本平台在线提交、当面递交、邮寄或传真方式"
            "提出政府信息公开申请。本机关自收到申请之日起20个工作日内予以答复；"
            "需要延长答复期限的，经负责人同意后延长不超过20个工作日。"
            if u.receives_applications
            else "本单位是公共企事业单位，不受理政府信息公开申请；对本单位信息公开"
            "工作有意见的，可以向主管部门申诉。"
        ),
        application_place=u.address,
        remedies="认为本机关在政府信息公开工作中侵犯其合法权益的，可以向东岚区人民政府申请行政复议或者依法提起行政诉讼。",
    )


def _planted_drafts(stdout):
    """Drafts of the development and reform bureau with personal data; never published."""
    unit = Unit.objects.filter(code="fgj").first()
    editor = User.objects.filter(username="fgj-editor").first()
    if unit is None or editor is None:
        return
    base = {
        "subject": "17.03",
        "doc_type": "publicity",
        "date_written": local_today(),
        "statutory_category": "a21c.07",
        "disclosure": v.PROACTIVE,
    }
    samples = [
        (
            "2024年度临时救助对象公示（待审）",
            "<p>救助对象：张某某，身份证号 11010519491231002X，住址东岚区岚山大道18号。</p>",
        ),
        ("惠民补贴发放名单（草稿）", "<p>联系人：李某，手机 13912345678，补贴已发放。</p>"),
        (
            "企业奖补资金拨付情况（草稿）",
            "<p>收款人个人账户 4111 1111 1111 1111。</p><p>截止目前已拨付完毕。</p>",
        ),
    ]
    for title, body in samples:
        document = workflow.create_draft(
            actor=editor, unit=unit, content={**base, "title": title, "body_html": body}
        )
        if "名单" in title:
            rows = [["姓名", "金额"], ["王某", 300]]
            data = samplefiles.xlsx_bytes(
                rows,
                very_hidden_sheet=(
                    "原始名单",
                    [["姓名", "身份证号"], ["王五", "440524188001010014"]],
                ),
            )
            workflow.add_attachment(
                actor=editor, document=document, data=data, filename="发放名单.xlsx"
            )
    stdout.write("主动公开：3 份含个人信息的草稿（供演示发布前检查，不会发布）")


def load(stdout):
    if Guide.objects.exists():
        return
    today = local_today()
    with transaction.atomic():
        b = _Builder(today)
        _guides_and_columns(b)
        _regular_items(b)
        _normative_chains(b)
        _publish_all(b)
        # The daily job's work since: amendments, repeals and expiries that took effect.
        workflow.update_validity(today=today)
    stdout.write(f"主动公开：{len(b.documents)} 条已发布信息，{len(b.files)} 个附件")
    _planted_drafts(stdout)
    workflow.raise_alerts(today=today)
