"""The structured lists a unit keeps in the open, and the columns of each.

A list's columns are its standard spreadsheet format: the downloadable template has exactly
these headers in this order, an import is checked against them row by row, and the console's
form and the public page are built from them. Adding a list is adding a `Schema` here.
"""

from calendar import monthrange
from dataclasses import dataclass, field
from datetime import date

# The ten types of administrative power (权力类型) of the 权责清单 standard, and the
# public-service duties listed beside them.
POWER_TYPES = (
    "行政许可",
    "行政处罚",
    "行政强制",
    "行政征收",
    "行政给付",
    "行政检查",
    "行政确认",
    "行政奖励",
    "行政裁决",
    "其他行政权力",
    "公共服务事项",
)


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    required: bool = True
    choices: tuple[str, ...] = ()
    max_length: int = 2000
    long: bool = False  # a paragraph, not a line: a textarea in the form
    filter: bool = False  # offered as a filter on the public page
    # A list of codes of the same unit's powers list (the functions catalogue's link).
    power_codes: bool = False
    # A list of codes of single service items (a "一件事" bundle's link).
    service_codes: bool = False
    is_date: bool = False  # 2026-06-30
    is_number: bool = False
    # The key of another row of the same list (a task's parent task): the list is a tree.
    parent: bool = False
    # Evidence of progress: published documents of this platform or figures with their units.
    evidence: bool = False
    hint: str = ""


@dataclass(frozen=True)
class Schema:
    kind: str
    label: str
    description: str
    columns: tuple[Column, ...]
    # Which column identifies a row across versions (what "changed" compares by).
    key: str
    section: str = ""
    # Which column names a row in listings, diffs and search results (a proposal by its title,
    # not its type); by default the first short column after the key.
    name: str = ""
    extra: dict = field(default_factory=dict)

    def column(self, key: str) -> Column:
        return next(c for c in self.columns if c.key == key)

    @property
    def headers(self) -> list[str]:
        return [c.label for c in self.columns]

    @property
    def filters(self) -> list[Column]:
        return [c for c in self.columns if c.filter]

    @property
    def summary_columns(self) -> list[Column]:
        """The few columns a listing shows; the rest are on the row's own part of the page."""
        return [c for c in self.columns if not c.long][:4]


POWERS = Schema(
    kind="powers",
    label="权责清单",
    section="管理公开",
    description="本单位行使的行政权力和承担的公共服务职责：事项编码、名称、类型、设定依据、"
    "实施主体、责任事项、追责情形和监督电话。",
    key="code",
    columns=(
        Column("code", "事项编码", max_length=60, hint="本单位内唯一，例如 XK-001"),
        Column("name", "事项名称", max_length=200),
        Column("power_type", "权力类型", choices=POWER_TYPES, filter=True),
        Column("legal_basis", "设定依据", long=True),
        Column("body", "实施主体", max_length=120, filter=True),
        Column("duties", "责任事项", long=True),
        Column("accountability", "追责情形", long=True),
        Column("supervision", "监督电话", max_length=60),
    ),
)

FUNCTIONS = Schema(
    kind="functions",
    label="职能目录",
    section="管理公开",
    description="依据“三定”规定列出的内设机构、各自的职能，以及各机构行使的权责清单事项。",
    key="code",
    columns=(
        Column("code", "职能编码", max_length=60),
        Column("body", "内设机构", max_length=120, filter=True),
        Column("function", "职能", long=True),
        Column(
            "powers",
            "行使的权责事项编码",
            required=False,
            power_codes=True,
            max_length=1000,
            hint="本单位权责清单中的事项编码，多个用顿号或分号分隔",
        ),
        Column("mandate", "“三定”依据", required=False, max_length=300),
    ),
)

ENFORCEMENT_OFFICERS = Schema(
    kind="officers",
    label="行政执法人员",
    section="执行公开",
    description="持有行政执法证件的人员：姓名、证件编号、执法机构、执法类别和执法区域。",
    key="certificate",
    columns=(
        Column("certificate", "执法证件编号", max_length=40),
        Column("name", "姓名", max_length=40),
        Column("body", "执法机构", max_length=120, filter=True),
        Column("field", "执法类别", max_length=60, filter=True),
        Column("area", "执法区域", required=False, max_length=120),
        Column("valid_until", "证件有效期至", required=False, max_length=20),
    ),
)

ENFORCEMENT_BODIES = Schema(
    kind="enforcement_bodies",
    label="行政执法主体",
    section="执行公开",
    description="执法主体、职责、依据、执法程序和监督渠道（事前公开）。",
    key="code",
    columns=(
        Column("code", "主体编码", max_length=60),
        Column("name", "执法主体名称", max_length=120),
        Column("nature", "主体性质", choices=("法定机关", "法律法规授权组织", "受委托组织")),
        Column("duties", "执法职责", long=True),
        Column("basis", "执法依据", long=True),
        Column("procedure", "执法程序", long=True),
        Column("supervision", "监督渠道", max_length=200),
    ),
)

INSPECTION_PLANS = Schema(
    kind="inspections",
    label="双随机抽查计划和结果",
    section="执行公开",
    description="“双随机、一公开”抽查计划（抽查事项、对象范围、比例、时间）和抽查结果。",
    key="code",
    columns=(
        Column("code", "计划编号", max_length=60),
        Column("title", "抽查事项", max_length=200),
        Column("scope", "抽查对象范围", long=True),
        Column("ratio", "抽查比例", max_length=40),
        Column("period", "抽查时间", max_length=60),
        Column("basis", "抽查依据", long=True),
        Column(
            "status", "状态", choices=("计划中", "实施中", "已完成"), filter=True, max_length=10
        ),
        Column("result", "抽查结果", required=False, long=True),
    ),
)

MARKET_RULES = Schema(
    kind="market_rules",
    label="监管规则和标准",
    section="执行公开",
    description="市场监管领域的监管规则和标准。",
    key="code",
    columns=(
        Column("code", "编号", max_length=60),
        Column("title", "名称", max_length=200),
        Column(
            "category",
            "类别",
            choices=("监管规则", "国家标准", "行业标准", "地方标准"),
            filter=True,
        ),
        Column("issuer", "制定机关", max_length=120),
        Column("effective", "施行日期", max_length=20),
        Column("link", "全文链接", required=False, max_length=300),
    ),
)

SINGLE_ITEM, BUNDLE = "单项事项", "一件事"
BUNDLE_MINIMUM = 2


def _bundle_items(row: dict) -> str:
    from .rules import split_codes

    codes = split_codes(row.get("items", ""))
    if row.get("kind") == BUNDLE and len(codes) < BUNDLE_MINIMUM:
        return f"“一件事”须在“包含事项编码”中列出至少 {BUNDLE_MINIMUM} 个单项事项的编码。"
    if row.get("kind") == SINGLE_ITEM and codes:
        return "单项事项不填写“包含事项编码”，该列只用于“一件事”。"
    return ""


SERVICE_GUIDES = Schema(
    kind="services",
    label="办事指南",
    section="服务公开",
    description="政务服务事项的受理条件、申请材料、办理流程、办理时限、收费、办理地点和咨询电话；"
    "“一件事”套餐列出所含事项编码。",
    key="code",
    columns=(
        Column("code", "事项编码", max_length=60),
        Column("name", "事项名称", max_length=200),
        Column("kind", "类别", choices=(SINGLE_ITEM, BUNDLE), filter=True, max_length=10),
        Column("conditions", "受理条件", long=True),
        Column("materials", "申请材料", long=True),
        Column("procedure", "办理流程", long=True),
        Column("time_limit", "办理时限", max_length=60),
        Column("fees", "收费标准", max_length=200),
        Column("place", "办理地点", max_length=200, filter=True),
        Column("online", "网上办理", required=False, max_length=300),
        Column("contact", "咨询电话", max_length=60),
        Column(
            "items",
            "包含事项编码",
            required=False,
            max_length=1000,
            service_codes=True,
            hint="“一件事”填写：本表或本级政府各单位已公开的单项事项编码，多个用顿号分隔",
        ),
    ),
    extra={"row_rules": (_bundle_items,)},
)

AUDIT_FINDINGS = Schema(
    kind="audit_findings",
    label="审计和督查发现问题整改",
    section="结果公开",
    description="审计、督查发现的问题，责任单位、整改期限、整改措施和整改结果。",
    key="code",
    name="finding",
    columns=(
        Column("code", "问题编号", max_length=60),
        Column("source", "来源", choices=("审计", "督查", "巡察", "其他检查"), filter=True),
        Column("finding", "发现的问题", long=True),
        Column("responsible", "责任单位", max_length=120, filter=True),
        Column("deadline", "整改期限", max_length=10, is_date=True, hint="例如 2026-12-31"),
        Column("steps", "整改措施", long=True),
        Column("status", "整改状态", choices=("整改中", "已完成", "长期坚持"), filter=True),
        Column("result", "整改结果", required=False, long=True),
    ),
    extra={
        "variance": ("deadline", "status", ("已完成", "长期坚持"), "逾期未整改"),
        "statistics": (("responsible",), "status"),
    },
)

# An NPC suggestion or CPPCC proposal is answered within three months of being assigned (the
# national rules: 全国人大代表建议、批评和意见办理工作办法 and 政协提案工作条例, "自交办之日起
# 三个月内"; local rules may differ — the one place to change). Not yet in rules.md: UNCONFIRMED.
ANSWER_MONTHS = 3


def answer_due(received: date) -> date:
    """The last day to answer: the same day ANSWER_MONTHS calendar months on (the month's
    last day when it has no such day)."""
    month = received.month - 1 + ANSWER_MONTHS
    year, month = received.year + month // 12, month % 12 + 1
    return date(year, month, min(received.day, monthrange(year, month)[1]))


def _answer_variance(row: dict, today: date) -> str:
    try:
        received = date.fromisoformat(row.get("received", ""))
    except ValueError:
        return ""
    due = answer_due(received)
    answered = row.get("answered", "")
    if not answered:
        return "逾期未答复" if today > due else ""
    try:
        return "逾期答复" if date.fromisoformat(answered) > due else ""
    except ValueError:
        return ""


PROPOSALS = Schema(
    kind="proposals",
    label="人大代表建议和政协提案办理",
    section="结果公开",
    description="人大代表建议、政协提案的办理情况：主办和协办单位、办理时限和答复（可全文公开的公开全文，"
    "否则公开摘要）。",
    key="code",
    name="title",
    columns=(
        Column("code", "建议或提案编号", max_length=60),
        Column("kind", "类别", choices=("人大代表建议", "政协提案"), filter=True),
        Column("year", "年度", max_length=4, filter=True),
        Column("title", "标题", max_length=200),
        Column("lead", "主办单位", max_length=120, filter=True),
        Column("co_units", "协办单位", required=False, max_length=300),
        Column("received", "交办日期", max_length=10, is_date=True, hint="例如 2026-03-10"),
        Column(
            "answered",
            "答复日期",
            required=False,
            max_length=10,
            is_date=True,
            hint="例如 2026-05-28",
        ),
        Column(
            "result",
            "办理结果",
            choices=(
                "A类（已解决或采纳）",
                "B类（正在解决或列入计划）",
                "C类（因条件限制留作参考）",
                "办理中",
            ),
            filter=True,
        ),
        Column("disclosure", "答复公开方式", choices=("全文公开", "摘要公开"), max_length=10),
        Column("answer", "答复内容", required=False, long=True),
    ),
    # Yearly statistics: rows by year and kind, columns by result, and how many answers were
    # late or are owed after the period (逾期答复 / 逾期未答复, flagged on each row).
    extra={"statistics": (("year", "kind"), "result"), "variance": _answer_variance},
)


def _progress_needs_evidence(row: dict) -> str:
    if row.get("progress") and not row.get("evidence"):
        return (
            "填写了“进展情况”就必须填写“佐证材料”（本平台已发布的文件或照片，或带计量单位的数据）。"
        )
    if row.get("status") == "已完成" and not row.get("evidence"):
        return "标为“已完成”的任务必须填写“佐证材料”。"
    return ""


KEY_TASKS = Schema(
    kind="key_tasks",
    label="重点任务和民生实事",
    section="结果公开",
    description="政府工作报告重点任务、民生实事和重大项目：目标、责任单位、节点、预算和进展；"
    "进展须有佐证，节点到期未完成的标为“逾期未完成”。",
    key="code",
    columns=(
        Column("code", "任务编码", max_length=60),
        Column("parent", "上级任务编码", required=False, max_length=60, parent=True),
        Column("title", "任务名称", max_length=200),
        Column(
            "category",
            "类别",
            choices=("政府工作报告重点任务", "民生实事", "重大项目"),
            filter=True,
        ),
        Column("unit", "责任单位", max_length=120, filter=True),
        Column("goal", "目标", long=True),
        Column("due", "节点完成日期", max_length=10, is_date=True, hint="例如 2026-06-30"),
        Column("budget", "预算（万元）", required=False, max_length=20, is_number=True),
        Column("status", "状态", choices=("未开始", "推进中", "已完成"), filter=True),
        Column("progress", "进展情况", required=False, long=True),
        Column(
            "evidence",
            "佐证材料",
            required=False,
            max_length=500,
            evidence=True,
            hint="本平台已发布的文件或照片的地址（例如 /documents/123/），"
            "或带计量单位的数据（例如“新增学位 1200 个”）；多项用分号分隔",
        ),
    ),
    extra={
        "row_rules": (_progress_needs_evidence,),
        "variance": ("due", "status", ("已完成",), "逾期未完成"),
        # The roll-up per unit: its tasks by status, and how many are late.
        "statistics": (("unit",), "status"),
        "document_links": ("evidence",),
        # Progress is reported only with evidence: new progress, new evidence.
        "evidence_for": ("progress", "evidence"),
    },
)


def _spending_within_budget(row: dict) -> str:
    from decimal import Decimal, InvalidOperation

    try:
        spent, budget = Decimal(row.get("spent") or "0"), Decimal(row.get("budget") or "0")
    except InvalidOperation:
        return ""  # the number columns report it
    if spent > budget:
        return "“已拨付（万元）”超过“预算（万元）”，请核对或先调整预算。"
    return ""


def _recipients_through_the_gate(row: dict) -> str:
    link = row.get("recipients", "")
    import re

    if link and not re.fullmatch(r"/documents/\d+/", link):
        return (
            "“受益对象名单”应填写本平台已发布的公示文件地址（以 /documents/ 开头）："
            "名单须作为附件经发布前检查和审核后公示。"
        )
    return ""


SUBSIDIES = Schema(
    kind="subsidies",
    label="惠企利民资金",
    section="资金直达",
    description="面向企业、个体工商户和群众的补贴、救助资金：政策依据、申领条件、补助标准、预算和"
    "拨付情况，受益对象名单的公示文件（名单经发布前检查、个人信息遮蔽后公示）、公示期和异议渠道。",
    key="code",
    columns=(
        Column("code", "项目编码", max_length=60),
        Column("name", "项目名称", max_length=200),
        Column(
            "category",
            "资金类别",
            choices=(
                "惠企资金",
                "个体工商户帮扶",
                "社会保险补贴",
                "最低生活保障",
                "失业保险待遇",
                "养老保障",
                "特困人员救助供养",
                "其他惠民资金",
            ),
            filter=True,
        ),
        Column("basis", "政策依据", long=True),
        Column("eligibility", "申领条件", long=True),
        Column("standard", "补助标准", max_length=300),
        Column("budget", "预算（万元）", max_length=20, is_number=True),
        Column("spent", "已拨付（万元）", max_length=20, is_number=True),
        Column(
            "recipients",
            "受益对象名单",
            required=False,
            max_length=300,
            hint="本平台已发布的公示文件地址，例如 /documents/123/",
        ),
        Column(
            "publicity",
            "公示期",
            required=False,
            max_length=60,
            hint="例如 2026-11-01 至 2026-11-07",
        ),
        Column("objection", "异议反映渠道", max_length=200),
    ),
    extra={
        "row_rules": (_spending_within_budget, _recipients_through_the_gate),
        # Columns naming a document of this platform: it must be published.
        "document_links": ("recipients",),
    },
)

SCHEMAS = {
    s.kind: s
    for s in (
        POWERS,
        FUNCTIONS,
        ENFORCEMENT_BODIES,
        ENFORCEMENT_OFFICERS,
        INSPECTION_PLANS,
        MARKET_RULES,
        SERVICE_GUIDES,
        AUDIT_FINDINGS,
        PROPOSALS,
        KEY_TASKS,
        SUBSIDIES,
    )
}
KIND_CHOICES = [(s.kind, s.label) for s in SCHEMAS.values()]


def schema(kind: str) -> Schema:
    return SCHEMAS[kind]
