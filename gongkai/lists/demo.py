"""Demo lists for a few units of the district, made the way a unit makes them: the editor
fills the template and imports it, submits it, and the unit's reviewer publishes it. The
market-supervision bureau's list is then revised once, so its history shows a change.
Idempotent: a list already published is left alone."""

import io

import openpyxl

from gongkai.accounts.models import User
from gongkai.units.models import Unit

from . import services
from .models import PublicList
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
        "officers": [
            [
                "33010019001",
                "陈建国",
                "执法稽查大队",
                "市场监管综合执法",
                "东湖街道、西城街道",
                "2028-06-30",
            ],
            [
                "33010019002",
                "李晓燕",
                "执法稽查大队",
                "市场监管综合执法",
                "南岭街道、北塘街道",
                "2028-06-30",
            ],
            ["33010019003", "周伟", "食品经营监管科", "食品安全", "全区", "2027-12-31"],
        ],
        "inspections": [
            [
                "SJ-2026-01",
                "食品销售者落实进货查验制度情况抽查",
                "辖区内取得食品经营许可的食品销售者",
                "5%",
                "2026年4月至6月",
                "《市场监管总局关于全面推进“双随机、一公开”监管工作的通知》",
                "已完成",
                "抽查 62 户，发现问题 5 户，已责令整改并全部复查合格。",
            ],
            [
                "SJ-2026-02",
                "明码标价执行情况抽查",
                "辖区内商场、超市和农贸市场",
                "3%",
                "2026年9月至11月",
                f"{PRICE_LAW}第十三条",
                "实施中",
                "",
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

DEMO["sjj"] = {
    "audit_findings": [
        [
            "SJ-2026-01",
            "审计",
            "部分专项资金拨付滞后，结存资金未及时统筹使用。",
            "区财政局",
            "2026-12-31",
            "建立专项资金拨付进度月报制度，对结存资金清理盘活。",
            "整改中",
            "",
        ],
        [
            "SJ-2026-02",
            "审计",
            "个别政府投资项目未按规定办理竣工决算。",
            "区住建局",
            "2026-09-30",
            "督促建设单位限期完成竣工决算，纳入年度考核。",
            "已完成",
            "已完成 3 个项目的竣工决算。",
        ],
    ],
}
DEMO["jtj"] = {
    "proposals": [
        [
            "JY-2026-015",
            "人大代表建议",
            "2026",
            "关于在东湖街道增设公交站点的建议",
            "区交通局",
            "东湖街道",
            "2026-03-10",
            "2026-05-28",
            "A类（已解决或采纳）",
            "全文公开",
            "经实地踏勘，已于 2026 年 5 月在湖滨路增设公交站点一处。",
        ],
        [
            "TA-2026-042",
            "政协提案",
            "2026",
            "关于优化学校周边交通组织的提案",
            "区交通局",
            "区教育局",
            "2026-03-12",
            "2026-06-05",
            "B类（正在解决或列入计划）",
            "摘要公开",
            "已完成 6 所学校周边交通组织方案，其余列入 2027 年计划。",
        ],
    ],
}

# A revision of the market-supervision bureau's powers list, so its history shows what changed.
REVISION_NOTE = "依据机构职能调整，新增价格行政检查事项，更新食品经营许可监督电话"


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


def _publish(unit, kind, rows, note):
    editor, reviewer = _staff(unit, "editor"), _staff(unit, "reviewer")
    services.import_rows(
        actor=editor, unit=unit, kind=kind, data=_sheet(kind, rows), filename=f"{kind}.xlsx"
    )
    draft = services.open_draft(PublicList.objects.get(unit=unit, kind=kind))
    services.submit(actor=editor, version=draft, note=note)
    return services.publish(actor=reviewer, version=draft)


def load(stdout):
    made = 0
    for code, lists in DEMO.items():
        unit = Unit.objects.filter(code=code).first()
        if unit is None:
            continue
        # Powers first: the functions catalogue names their codes.
        for kind in sorted(lists, key=lambda k: k != "powers"):
            if PublicList.objects.published().filter(unit=unit, kind=kind).exists():
                continue
            _publish(unit, kind, lists[kind], f"首次发布{SCHEMAS[kind].label}")
            made += 1
            if (code, kind) == ("scjgj", "powers"):
                _revise(unit)
    if made:
        stdout.write(f"公开清单：已发布 {made} 份演示清单。")


def _revise(unit):
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
    _publish(unit, "powers", rows, REVISION_NOTE)
