"""Demo lists for units of the district, made the way a unit makes them: the editor fills the
template and imports it, submits it, and the unit's reviewer publishes it — each step on the
day the demo says it was taken (core.demotime), counted back from the day the demo is loaded,
and every date in the lists counted the same way. So the lists look current whenever the demo
is loaded, and what the flags say is true by construction:

- the openness office asked every unit for its powers list by a day now past: the units
  without one are late (逾期未公开);
- the development-and-reform bureau's powers list has gone longer than the office's year
  without a revision, and the approval bureau's service guides longer than the office's half
  year: both stale (未按期更新);
- the market-supervision bureau revised its powers list a month ago, so its history shows a
  change;
- of the housing bureau's livelihood projects, one milestone passed unmet (逾期未完成);
- of the transport bureau's proposals, one was answered after three months (逾期答复) and one
  is still owed after them (逾期未答复).

Idempotent: a list already published is left alone."""

import io
from datetime import date, timedelta

import openpyxl

from gongkai.accounts.models import User
from gongkai.core.clock import local_today
from gongkai.core.demotime import on, working_day
from gongkai.units.models import Unit
from gongkai.workdays.services import current_calendar

from . import services
from .models import ListSetting, PublicList
from .schemas import SCHEMAS

LAW_LICENCE = "《中华人民共和国行政许可法》"
FOOD_LAW = "《中华人民共和国食品安全法》"
PRICE_LAW = "《中华人民共和国价格法》"
DUTIES = "受理、审查、决定、送达、事后监管等责任"
ACCOUNTABILITY = "对不符合条件的申请准予许可、超过法定期限作出决定等情形，依法依规追究责任"


def _power(code, name, power_type, basis, body, phone):
    return [code, name, power_type, basis, body, DUTIES, ACCOUNTABILITY, phone]


DEMO = {
    "scjgj": {
        "powers": [
            _power(
                "XK-001",
                "食品经营许可",
                "行政许可",
                f"{FOOD_LAW}第三十五条",
                "食品经营监管科",
                "0571-86010001",
            ),
            _power(
                "XK-002",
                "特种设备使用登记",
                "行政许可",
                "《中华人民共和国特种设备安全法》第三十三条",
                "特种设备安全监察科",
                "0571-86010002",
            ),
            _power(
                "CF-001",
                "对未取得食品经营许可从事食品经营活动的处罚",
                "行政处罚",
                f"{FOOD_LAW}第一百二十二条",
                "执法稽查大队",
                "0571-86010003",
            ),
            _power(
                "CF-002",
                "对不执行政府定价、政府指导价的处罚",
                "行政处罚",
                f"{PRICE_LAW}第三十九条",
                "价格监督检查科",
                "0571-86010004",
            ),
            _power(
                "QZ-001",
                "查封、扣押不符合食品安全标准的食品",
                "行政强制",
                f"{FOOD_LAW}第一百一十条",
                "执法稽查大队",
                "0571-86010003",
            ),
            _power(
                "JC-001",
                "食品生产经营监督检查",
                "行政检查",
                f"{FOOD_LAW}第一百一十条",
                "食品经营监管科",
                "0571-86010001",
            ),
            _power(
                "JL-001",
                "对举报食品安全违法行为的奖励",
                "行政奖励",
                f"{FOOD_LAW}第一百一十五条",
                "投诉举报中心",
                "12315",
            ),
            _power(
                "FW-001",
                "消费投诉和举报受理",
                "公共服务事项",
                "《中华人民共和国消费者权益保护法》第三十九条",
                "投诉举报中心",
                "12315",
            ),
        ],
        "functions": [
            [
                "ZN-01",
                "食品经营监管科",
                "负责食品经营许可和食品经营活动的监督管理。",
                "XK-001、JC-001",
                "区市场监管局“三定”规定第三条第（一）项",
            ],
            [
                "ZN-02",
                "执法稽查大队",
                "负责市场监管领域行政处罚和行政强制案件的查办。",
                "CF-001、QZ-001",
                "区市场监管局“三定”规定第三条第（五）项",
            ],
            [
                "ZN-03",
                "价格监督检查科",
                "负责价格监督检查和反不正当竞争执法。",
                "CF-002",
                "区市场监管局“三定”规定第三条第（六）项",
            ],
            [
                "ZN-04",
                "投诉举报中心",
                "负责消费投诉举报的受理、分送和处理情况反馈。",
                "JL-001、FW-001",
                "区市场监管局“三定”规定第三条第（九）项",
            ],
        ],
        "market_rules": [
            [
                "GZ-001",
                "食品经营许可和备案管理办法",
                "监管规则",
                "国家市场监督管理总局",
                "2023-12-01",
                "",
            ],
            [
                "GZ-002",
                "明码标价和禁止价格欺诈规定",
                "监管规则",
                "国家市场监督管理总局",
                "2022-07-01",
                "",
            ],
            [
                "BZ-001",
                "GB 31621-2014 食品安全国家标准 食品经营过程卫生规范",
                "国家标准",
                "国家卫生和计划生育委员会",
                "2015-05-24",
                "",
            ],
        ],
    },
    "xzspj": {
        "services": [
            [
                "FW-101",
                "食品经营许可（新办）",
                "单项事项",
                "申请人具有与经营的食品品种、数量相适应的经营场所和设备设施",
                "1. 食品经营许可申请书；2. 营业执照复印件；"
                "3. 与食品经营相适应的主要设备设施布局、操作流程等文件",
                "申请—受理—审查—决定—发证",
                "10个工作日",
                "不收费",
                "区政务服务中心二楼 A 区",
                "https://zwfw.example.gov.cn/",
                "0571-86020001",
                "",
            ],
            [
                "FW-102",
                "个体工商户设立登记",
                "单项事项",
                "有经营能力的公民",
                "1. 个体工商户登记申请书；2. 经营者身份证明；3. 经营场所使用证明",
                "申请—受理—核准—发照",
                "1个工作日",
                "不收费",
                "区政务服务中心二楼 A 区",
                "https://zwfw.example.gov.cn/",
                "0571-86020002",
                "",
            ],
            [
                "YJS-01",
                "开办餐饮店“一件事”",
                "一件事",
                "拟在本区开办餐饮店的申请人",
                "一套材料，一次提交（含营业执照、食品经营许可、户外招牌设置所需材料）",
                "一表申请—并联审批—统一出件",
                "3个工作日",
                "不收费",
                "区政务服务中心一楼“一件事”综合窗口",
                "https://zwfw.example.gov.cn/",
                "0571-86020000",
                "FW-101、FW-102",
            ],
        ],
        "powers": [
            _power(
                "XK-101",
                "食品经营许可",
                "行政许可",
                f"{FOOD_LAW}第三十五条",
                "区行政审批局",
                "0571-86020001",
            ),
            _power(
                "XK-102",
                "建设工程规划许可",
                "行政许可",
                "《中华人民共和国城乡规划法》第四十条",
                "区行政审批局",
                "0571-86020003",
            ),
        ],
    },
    "fgj": {
        "powers": [
            _power(
                "XK-201",
                "企业投资项目核准",
                "行政许可",
                "《企业投资项目核准和备案管理条例》第三条",
                "投资科",
                "0571-86030001",
            ),
            _power(
                "QR-201",
                "企业投资项目备案",
                "行政确认",
                "《企业投资项目核准和备案管理条例》第十三条",
                "投资科",
                "0571-86030001",
            ),
            _power(
                "CF-201",
                "对以不正当手段取得项目核准文件的处罚",
                "行政处罚",
                "《企业投资项目核准和备案管理条例》第十八条",
                "投资科",
                "0571-86030002",
            ),
        ],
    },
}


# A revision of the market-supervision bureau's powers list, so its history shows what changed.
REVISION_NOTE = "依据机构职能调整，新增价格行政检查事项，更新食品经营许可监督电话"


def _revised_powers():
    rows = [list(row) for row in DEMO["scjgj"]["powers"]]
    rows[0][7] = "0571-86010010"
    rows.append(
        _power(
            "JC-002",
            "价格行为监督检查",
            "行政检查",
            f"{PRICE_LAW}第三十三条",
            "价格监督检查科",
            "0571-86010004",
        )
    )
    return rows


def _months(first: date, last: date) -> str:
    if first.year == last.year:
        return f"{first.year}年{first.month}月至{last.month}月"
    return f"{first.year}年{first.month}月至{last.year}年{last.month}月"


def _officers(today):
    valid = (today + timedelta(days=700)).isoformat()
    return [
        ["33010019001", "陈建国", "执法稽查大队", "市场监管综合执法", "东湖街道、西城街道", valid],
        ["33010019002", "李晓燕", "执法稽查大队", "市场监管综合执法", "南岭街道、北塘街道", valid],
        ["33010019003", "周伟", "食品经营监管科", "食品安全", "全区", valid],
    ]


def _inspections(today):
    done_from, done_to = today - timedelta(days=240), today - timedelta(days=150)
    now_from, now_to = today - timedelta(days=60), today + timedelta(days=30)
    return [
        [
            f"SJ-{done_from.year}-01",
            "食品销售者落实进货查验制度情况抽查",
            "辖区内取得食品经营许可的食品销售者",
            "5%",
            _months(done_from, done_to),
            "《市场监管总局关于全面推进“双随机、一公开”监管工作的通知》",
            "已完成",
            "抽查 62 户，发现问题 5 户，已责令整改并全部复查合格。",
        ],
        [
            f"SJ-{now_from.year}-02",
            "明码标价执行情况抽查",
            "辖区内商场、超市和农贸市场",
            "3%",
            _months(now_from, now_to),
            f"{PRICE_LAW}第十三条",
            "实施中",
            "",
        ],
    ]


def _audit_findings(today):
    year = (today - timedelta(days=200)).year
    return [
        [
            f"SJ-{year}-01",
            "审计",
            "部分专项资金拨付滞后，结存资金未及时统筹使用。",
            "区财政局",
            (today + timedelta(days=30)).isoformat(),
            "建立专项资金拨付进度月报制度，对结存资金清理盘活。",
            "整改中",
            "",
        ],
        [
            f"SJ-{year}-02",
            "审计",
            "个别政府投资项目未按规定办理竣工决算。",
            "区住建局",
            (today - timedelta(days=90)).isoformat(),
            "督促建设单位限期完成竣工决算，纳入年度考核。",
            "已完成",
            "已完成 3 个项目的竣工决算。",
        ],
    ]


def _proposal(code, kind, received, title, co_units, answered, result, disclosure, answer):
    return [
        code,
        kind,
        str(received.year),
        title,
        "区交通局",
        co_units,
        received.isoformat(),
        answered.isoformat() if answered else "",
        result,
        disclosure,
        answer,
    ]


def _proposals(today):
    """Assigned 270, 268, 130 and 40 days ago: answered in 70 days, answered in 108 days
    (after the three months), not answered after 130 days, not yet due."""
    first, second = today - timedelta(days=270), today - timedelta(days=268)
    owed, recent = today - timedelta(days=130), today - timedelta(days=40)
    late = today - timedelta(days=160)
    return [
        _proposal(
            f"JY-{first.year}-015",
            "人大代表建议",
            first,
            "关于在东湖街道增设公交站点的建议",
            "东湖街道",
            first + timedelta(days=70),
            "A类（已解决或采纳）",
            "全文公开",
            "经实地踏勘，已在湖滨路增设公交站点一处，并同步调整 3 条线路的停靠。",
        ),
        _proposal(
            f"TA-{second.year}-042",
            "政协提案",
            second,
            "关于优化学校周边交通组织的提案",
            "区教育局",
            late,
            "B类（正在解决或列入计划）",
            "摘要公开",
            "已完成 6 所学校周边交通组织方案，其余列入下一年度计划。",
        ),
        _proposal(
            f"JY-{owed.year}-031",
            "人大代表建议",
            owed,
            "关于延长夜间公交运营时间的建议",
            "",
            None,
            "办理中",
            "摘要公开",
            "",
        ),
        _proposal(
            f"TA-{recent.year}-077",
            "政协提案",
            recent,
            "关于在南岭街道建设公共停车场的提案",
            "区自然资源局、南岭街道",
            None,
            "办理中",
            "摘要公开",
            "",
        ),
    ]


def _task(code, parent, title, due, status, progress="", evidence="", budget=""):
    return [
        code,
        parent,
        title,
        "民生实事",
        "区住建局",
        "完成老旧小区改造，改善居住条件",
        due.isoformat(),
        budget,
        status,
        progress,
        evidence,
    ]


def _key_tasks(today, updated):
    """The housing bureau's old-estate renovation: the east estate finished, the west one
    past its milestone unfinished, the south one not yet due. `updated` is the second
    version, whose new progress comes with new evidence (figures with their units)."""
    year = (today - timedelta(days=120)).year
    east_done = "改造住宅 480 户；完成投资 2100 万元"
    west = ("主体完工 70%", "完成外立面改造 12 栋") if updated else ("已进场施工", "开工楼栋 6 栋")
    return [
        _task(
            f"MS-{year}-01",
            "",
            "老旧小区改造",
            today + timedelta(days=150),
            "推进中",
            budget="6800",
        ),
        _task(
            f"MS-{year}-01-1",
            f"MS-{year}-01",
            "东湖片区老旧小区改造",
            today - timedelta(days=60),
            "已完成" if updated else "推进中",
            "已竣工验收" if updated else "主体完工 90%",
            east_done if updated else "完成外立面改造 16 栋",
            "2400",
        ),
        _task(
            f"MS-{year}-01-2",
            f"MS-{year}-01",
            "西城片区老旧小区改造",
            today - timedelta(days=15),
            "推进中",
            *west,
            "2600",
        ),
        _task(
            f"MS-{year}-01-3",
            f"MS-{year}-01",
            "南岭片区老旧小区改造",
            today + timedelta(days=120),
            "未开始",
            budget="1800",
        ),
    ]


ENFORCEMENT_BODIES = [
    [
        "ZT-01",
        "东岚区市场监督管理局",
        "法定机关",
        "依法查处市场监管领域违法行为，实施食品、特种设备、价格等监督检查。",
        f"{FOOD_LAW}、{PRICE_LAW}、《中华人民共和国特种设备安全法》",
        "立案—调查取证—审查—告知—听证（依申请）—决定—送达—执行",
        "投诉举报电话 12315；区司法局行政执法监督电话 0571-86050000",
    ],
    [
        "ZT-02",
        "东岚区市场监督管理局执法稽查大队",
        "受委托组织",
        "受区市场监管局委托，以其名义查办市场监管领域行政处罚案件。",
        "《中华人民共和国行政处罚法》第二十条",
        "以委托机关名义立案、调查、决定，委托机关对行为后果承担法律责任",
        "投诉举报电话 12315",
    ],
]


def _subsidies(today):
    """The human-resources bureau's job-retention refund, its publicity week just ended, and
    its unemployment benefit. The demo publishes no recipients' list: that column takes
    only a document published on the platform."""
    start = today - timedelta(days=20)
    return [
        [
            f"BT-{start.year}-01",
            "失业保险稳岗返还",
            "惠企资金",
            "《失业保险条例》；《关于做好失业保险稳岗位提技能防失业工作的通知》",
            "依法参加失业保险并足额缴费、上年度未裁员或裁员率不高于规定比例的企业",
            "中小微企业按上年度实际缴纳失业保险费的 60% 返还，大型企业按 30% 返还",
            "1200",
            "865.4",
            "",
            f"{start.isoformat()} 至 {(start + timedelta(days=6)).isoformat()}",
            "区人社局就业促进科 0571-86060001",
        ],
        [
            f"BT-{start.year}-02",
            "失业保险金",
            "失业保险待遇",
            "《失业保险条例》第十四条",
            "非因本人意愿中断就业、已办理失业登记并有求职要求、失业前缴费满一年的失业人员",
            "按本市失业保险金标准按月发放",
            "2300",
            "1920",
            "",
            "",
            "区人社局失业保险科 0571-86060002",
        ],
    ]


def _sheet(kind, rows) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(SCHEMAS[kind].headers)
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _staff(unit, role):
    return User.objects.get(username=f"{unit.code}-{role}")


def _working_day(today, days_before):
    """The working day `days_before` days before today, or the last one before it."""
    return working_day(current_calendar(), today - timedelta(days=days_before))


def _publish(unit, kind, rows, note, day):
    """Imported in the morning, submitted, published by the reviewer in the afternoon."""
    editor, reviewer = _staff(unit, "editor"), _staff(unit, "reviewer")
    with on(day, 30):
        services.import_rows(
            actor=editor, unit=unit, kind=kind, data=_sheet(kind, rows), filename=f"{kind}.xlsx"
        )
        draft = services.open_draft(PublicList.objects.get(unit=unit, kind=kind))
        services.submit(actor=editor, version=draft, note=note)
    with on(day, 300):
        return services.publish(actor=reviewer, version=draft)


def _steps(today):
    """(unit code, kind, days before today, rows, revision note), oldest first."""
    return [
        ("scjgj", "powers", 420, DEMO["scjgj"]["powers"], ""),
        ("fgj", "powers", 420, DEMO["fgj"]["powers"], ""),
        ("scjgj", "functions", 415, DEMO["scjgj"]["functions"], ""),
        ("scjgj", "officers", 410, _officers(today), ""),
        ("scjgj", "market_rules", 400, DEMO["scjgj"]["market_rules"], ""),
        ("scjgj", "enforcement_bodies", 395, ENFORCEMENT_BODIES, ""),
        ("xzspj", "services", 250, DEMO["xzspj"]["services"], ""),
        ("xzspj", "powers", 240, DEMO["xzspj"]["powers"], ""),
        ("zjj", "key_tasks", 120, _key_tasks(today, updated=False), ""),
        ("sjj", "audit_findings", 60, _audit_findings(today), ""),
        ("scjgj", "inspections", 45, _inspections(today), ""),
        ("scjgj", "powers", 35, _revised_powers(), REVISION_NOTE),
        ("jtj", "proposals", 30, _proposals(today), ""),
        ("rsj", "subsidies", 10, _subsidies(today), ""),
        ("zjj", "key_tasks", 20, _key_tasks(today, updated=True), "更新各片区改造进展"),
    ]


# What the openness office asks of the units, set long before today: (kind, every unit
# must keep it, update period in days, days before today it had to be first published).
SETTINGS = (
    ("powers", True, 365, 200),
    ("services", False, 180, None),
    ("key_tasks", False, 90, None),
)
SETTINGS_DAYS = 400


def _settings(government, today):
    if ListSetting.objects.filter(government=government).exists():
        return
    office = User.objects.get(username="office")
    with on(_working_day(today, SETTINGS_DAYS)):
        for kind, required, period, due_days in SETTINGS:
            services.save_setting(
                actor=office,
                government=government,
                kind=kind,
                required=required,
                stale_after_days=period,
                due_on=today - timedelta(days=due_days) if due_days else None,
            )


def load(stdout):
    government = Unit.objects.filter(code="dlq").first()
    if government is None:
        return
    today = local_today()
    _settings(government, today)
    done = set(PublicList.objects.published().values_list("unit__code", "kind"))
    made = set()
    for code, kind, days, rows, note in _steps(today):
        unit = Unit.objects.filter(code=code).first()
        if unit is None or (code, kind) in done:
            continue
        note = note or f"首次发布{SCHEMAS[kind].label}"
        _publish(unit, kind, rows, note, _working_day(today, days))
        made.add((code, kind))
    if made:
        stdout.write(f"公开清单：已发布 {len(made)} 份演示清单。")
