"""The demo district: a fictional district government shaped like a real one."""

from gongkai.core.identity import credit_code_check_char

from .models import Unit, UnitKind

DISTRICT = "东岚区"
REGION = "990102"  # not a real administrative division code

# (code, full name, short name, kind, parent code)
UNITS = [
    ("dlq", f"{DISTRICT}人民政府", f"{DISTRICT}政府", UnitKind.GOVERNMENT, None),
    ("qzfb", f"{DISTRICT}人民政府办公室", "区政府办", UnitKind.GOVERNMENT_OFFICE, "dlq"),
    ("fgj", f"{DISTRICT}发展和改革局", "区发改局", UnitKind.DEPARTMENT, "dlq"),
    ("jyj", f"{DISTRICT}教育局", "区教育局", UnitKind.DEPARTMENT, "dlq"),
    ("kjj", f"{DISTRICT}科学技术局", "区科技局", UnitKind.DEPARTMENT, "dlq"),
    ("gxj", f"{DISTRICT}工业和信息化局", "区工信局", UnitKind.DEPARTMENT, "dlq"),
    ("mzj", f"{DISTRICT}民政局", "区民政局", UnitKind.DEPARTMENT, "dlq"),
    ("sfj", f"{DISTRICT}司法局", "区司法局", UnitKind.DEPARTMENT, "dlq"),
    ("czj", f"{DISTRICT}财政局", "区财政局", UnitKind.DEPARTMENT, "dlq"),
    ("rsj", f"{DISTRICT}人力资源和社会保障局", "区人社局", UnitKind.DEPARTMENT, "dlq"),
    ("zrzyj", f"{DISTRICT}自然资源局", "区自然资源局", UnitKind.DEPARTMENT, "dlq"),
    ("sthjj", f"{DISTRICT}生态环境分局", "区生态环境分局", UnitKind.DEPARTMENT, "dlq"),
    ("zjj", f"{DISTRICT}住房和城乡建设局", "区住建局", UnitKind.DEPARTMENT, "dlq"),
    ("jtj", f"{DISTRICT}交通运输局", "区交通局", UnitKind.DEPARTMENT, "dlq"),
    ("slj", f"{DISTRICT}水利局", "区水利局", UnitKind.DEPARTMENT, "dlq"),
    ("nyj", f"{DISTRICT}农业农村局", "区农业农村局", UnitKind.DEPARTMENT, "dlq"),
    ("swj", f"{DISTRICT}商务局", "区商务局", UnitKind.DEPARTMENT, "dlq"),
    ("wlj", f"{DISTRICT}文化和旅游局", "区文旅局", UnitKind.DEPARTMENT, "dlq"),
    ("wjw", f"{DISTRICT}卫生健康委员会", "区卫健委", UnitKind.DEPARTMENT, "dlq"),
    ("tyjrj", f"{DISTRICT}退役军人事务局", "区退役军人局", UnitKind.DEPARTMENT, "dlq"),
    ("yjj", f"{DISTRICT}应急管理局", "区应急局", UnitKind.DEPARTMENT, "dlq"),
    ("sjj", f"{DISTRICT}审计局", "区审计局", UnitKind.DEPARTMENT, "dlq"),
    ("scjgj", f"{DISTRICT}市场监督管理局", "区市场监管局", UnitKind.DEPARTMENT, "dlq"),
    ("tjj", f"{DISTRICT}统计局", "区统计局", UnitKind.DEPARTMENT, "dlq"),
    ("ybj", f"{DISTRICT}医疗保障局", "区医保局", UnitKind.DEPARTMENT, "dlq"),
    ("cgj", f"{DISTRICT}城市管理局", "区城管局", UnitKind.DEPARTMENT, "dlq"),
    ("xzspj", f"{DISTRICT}行政审批局", "区行政审批局", UnitKind.DEPARTMENT, "dlq"),
    ("xfj", f"{DISTRICT}信访局", "区信访局", UnitKind.DEPARTMENT, "dlq"),
    ("mzzj", f"{DISTRICT}民族宗教事务局", "区民宗局", UnitKind.DEPARTMENT, "dlq"),
    ("tyj", f"{DISTRICT}体育局", "区体育局", UnitKind.DEPARTMENT, "dlq"),
    ("sjglj", f"{DISTRICT}数据局", "区数据局", UnitKind.DEPARTMENT, "dlq"),
    ("tcj", f"{DISTRICT}投资促进局", "区投促局", UnitKind.DEPARTMENT, "dlq"),
    ("jgswj", f"{DISTRICT}机关事务管理局", "区机关事务局", UnitKind.DEPARTMENT, "dlq"),
    ("lyj", f"{DISTRICT}林业局", "区林业局", UnitKind.DEPARTMENT, "dlq"),
    ("dhjd", f"{DISTRICT}东湖街道办事处", "东湖街道", UnitKind.SUBDISTRICT, "dlq"),
    ("xcjd", f"{DISTRICT}西城街道办事处", "西城街道", UnitKind.SUBDISTRICT, "dlq"),
    ("nljd", f"{DISTRICT}南岭街道办事处", "南岭街道", UnitKind.SUBDISTRICT, "dlq"),
    ("btjd", f"{DISTRICT}北塘街道办事处", "北塘街道", UnitKind.SUBDISTRICT, "dlq"),
    ("lsjd", f"{DISTRICT}岚山街道办事处", "岚山街道", UnitKind.SUBDISTRICT, "dlq"),
    ("qsz", f"{DISTRICT}青石镇人民政府", "青石镇", UnitKind.TOWN, "dlq"),
    ("kfq", "东岚经济技术开发区管理委员会", "东岚经开区", UnitKind.ZONE, "dlq"),
    ("zls", "东岚区自来水有限公司", "区自来水公司", UnitKind.PUBLIC_ENTERPRISE, "dlq"),
    ("gdgs", "国网东岚区供电公司", "区供电公司", UnitKind.PUBLIC_ENTERPRISE, "dlq"),
    ("rqgs", "东岚燃气有限公司", "东岚燃气", UnitKind.PUBLIC_ENTERPRISE, "dlq"),
]

SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕"
GIVEN = ["建国", "海燕", "志强", "晓梅", "国华", "丽娟", "伟", "静", "明", "红霞", "立新", "春生"]


def demo_credit_code(number):
    # 11 = organ of the state; then a fictional region code and a 9-character organisation code.
    first17 = f"11{REGION}{number:09d}"
    return first17 + credit_code_check_char(first17)


def _contact(number, code, short_name):
    return {
        "leader_name": SURNAMES[number % len(SURNAMES)] + GIVEN[number % len(GIVEN)],
        "leader_post": "党组成员、副局长" if number > 2 else "副区长",
        "body_name": f"{short_name}办公室",
        "address": f"东岚区岚山大道{100 + number * 2}号",
        "postcode": "990102",
        "phone": f"0999-8{number:03d}{number * 37 % 10000:04d}",
        "fax": f"0999-8{number:03d}0000",
        "office_hours": "工作日 上午 9:00–12:00，下午 13:30–17:30",
        "email": f"{code}@donglan.gov.example",
    }


def load(stdout):
    if Unit.objects.filter(code="dlq").exists():
        return
    by_code = {}
    for number, (code, full_name, short_name, kind, parent_code) in enumerate(UNITS, start=1):
        parent = by_code.get(parent_code)
        credit_code = demo_credit_code(number)
        unit = Unit.objects.create(
            code=code,
            full_name=full_name,
            short_name=short_name,
            kind=kind,
            parent=parent,
            government=parent.government if parent else None,
            credit_code=credit_code,
            index_code=credit_code[8:17],
            display_order=number * 10,
            **_contact(number, code, short_name),
        )
        if unit.is_government:
            unit.government = unit
            unit.save(update_fields=["government"])
        by_code[code] = unit
    stdout.write(f"单位：{len(by_code)} 个")
