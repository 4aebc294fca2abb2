"""Controlled vocabularies of a published item: subject categories (主题分类), document types
(文种/体裁), the statutory items an item fulfils (Regulation Arts. 20–21) and the disclosure
attribute. Keys are stable ASCII codes stored in the database; labels are the official wording.
"""

# The State Council's 22 subject categories with their sub-categories.
SUBJECTS: list[tuple[str, str, tuple[str, ...]]] = [
    (
        "01",
        "国务院组织机构",
        (
            "国务院",
            "国务院办公厅",
            "国务院组成部门",
            "国务院直属特设机构",
            "国务院直属机构",
            "国务院办事机构",
            "国务院直属事业单位",
            "国务院部委管理的国家局",
            "国务院议事协调机构",
            "其他",
        ),
    ),
    (
        "02",
        "综合政务",
        (
            "政务公开",
            "政务督查",
            "应急管理",
            "电子政务",
            "文秘工作",
            "保密工作",
            "信访",
            "参事、文史",
            "其他",
        ),
    ),
    (
        "03",
        "国民经济管理、国有资产监管",
        ("宏观经济", "经济体制改革", "统计", "物价", "国有资产监管", "重大建设项目", "其他"),
    ),
    (
        "04",
        "财政、金融、审计",
        (
            "财政",
            "税务",
            "银行",
            "货币（含外汇）",
            "证券",
            "保险",
            "社会信用体系建设",
            "审计",
            "其他",
        ),
    ),
    (
        "05",
        "国土资源、能源",
        ("土地", "矿产", "水资源", "海洋", "煤炭", "石油与天然气", "电力", "其他"),
    ),
    ("06", "农业、林业、水利", ("农业、畜牧业、渔业", "林业", "水利", "其他")),
    (
        "07",
        "工业、交通",
        (
            "机械制造与重工业",
            "轻工纺织",
            "化工",
            "国防工业",
            "航天、航空",
            "信息产业（含电信）",
            "公路",
            "水运",
            "铁路",
            "民航",
            "邮政",
            "其他",
        ),
    ),
    (
        "08",
        "商贸、海关、旅游",
        ("对外经贸合作", "国内贸易（含供销）", "海关", "检验、检疫", "旅游", "其他"),
    ),
    (
        "09",
        "市场监管、安全生产监管",
        ("工商", "质量监督", "标准", "食品药品监管", "安全生产监管", "其他"),
    ),
    (
        "10",
        "城乡建设、环境保护",
        (
            "城市规划",
            "城乡建设（含住房）",
            "环境监测、保护与治理",
            "节能与资源综合利用",
            "气象、水文、测绘、地震",
            "其他",
        ),
    ),
    ("11", "科技、教育", ("科技", "教育", "知识产权", "其他")),
    ("12", "文化、广电、新闻出版", ("文化", "文物", "新闻出版", "广播、电影、电视", "其他")),
    ("13", "卫生、体育", ("卫生", "医药管理", "体育", "其他")),
    ("14", "人口与计划生育、妇女儿童工作", ("人口与计划生育", "妇女儿童", "其他")),
    (
        "15",
        "劳动、人事、监察",
        ("劳动就业", "社会保障", "人事工作", "军转安置", "监察", "纠正行业不正之风", "其他"),
    ),
    ("16", "公安、安全、司法", ("公安", "国家安全", "司法", "其他")),
    (
        "17",
        "民政、扶贫、救灾",
        ("减灾救灾", "优抚安置", "社会福利", "行政区划与地名", "社团管理", "扶贫", "其他"),
    ),
    ("18", "民族、宗教", ("民族事务", "宗教事务")),
    ("19", "对外事务", ("外交、外事", "国际条约、国际组织", "其他")),
    ("20", "港澳台侨工作", ("港澳工作", "对台工作", "侨务工作")),
    ("21", "国防", ("国防建设", "国防动员")),
    ("22", "其他", ()),
]


def _subject_choices():
    choices = []
    for code, name, subs in SUBJECTS:
        choices.append((code, name))
        choices.extend((f"{code}.{i:02d}", f"{name}\\{sub}") for i, sub in enumerate(subs, start=1))
    return choices


# "一级" or "一级\二级", the display convention of gov.cn.
SUBJECT_CHOICES: list[tuple[str, str]] = _subject_choices()
SUBJECT_LABELS = dict(SUBJECT_CHOICES)
TOP_SUBJECTS = [(code, name) for code, name, _ in SUBJECTS]

# The 15 types of 党政机关公文 (中办发〔2012〕14号 Art. 8), then web genres.
OFFICIAL_TYPES = [
    ("resolution", "决议"),
    ("decision", "决定"),
    ("order", "命令（令）"),
    ("communique", "公报"),
    ("announcement", "公告"),
    ("public_notice", "通告"),
    ("opinion", "意见"),
    ("notice", "通知"),
    ("circular", "通报"),
    ("report", "报告"),
    ("request", "请示"),
    ("reply", "批复"),
    ("motion", "议案"),
    ("letter", "函"),
    ("minutes", "纪要"),
]
WEB_GENRES = [
    ("publicity", "公示"),
    ("news", "动态"),
    ("data", "数据"),
    ("interpretation", "解读"),
    # The answer to a public concern or public-opinion incident (回应关切), see concerns.
    ("response", "回应"),
    # A consultation's feedback report (意见采纳情况), published with the final document; see
    # participation.
    ("feedback", "意见采纳情况"),
    ("plan", "规划计划"),
    ("list", "名录清单"),
    ("other", "其他"),
]
DOCUMENT_TYPE_CHOICES = OFFICIAL_TYPES + WEB_GENRES
DOCUMENT_TYPE_LABELS = dict(DOCUMENT_TYPE_CHOICES)
INTERPRETATION = "interpretation"
RESPONSE = "response"
FEEDBACK = "feedback"

# Statutory items. Art. 20 applies to every organ; Art. 21 adds items for counties and
# districts (and their departments) and, separately, for townships.
ART20 = [
    "行政法规、规章和规范性文件",
    "机关职能、机构设置、办公地址、办公时间、联系方式、负责人姓名",
    "国民经济和社会发展规划、专项规划、区域规划及相关政策",
    "国民经济和社会发展统计信息",
    "办理行政许可和其他对外管理服务事项的依据、条件、程序以及办理结果",
    "实施行政处罚、行政强制的依据、条件、程序以及具有一定社会影响的行政处罚决定",
    "财政预算、决算信息",
    "行政事业性收费项目及其依据、标准",
    "政府集中采购项目的目录、标准及实施情况",
    "重大建设项目的批准和实施情况",
    "扶贫、教育、医疗、社会保障、促进就业等方面的政策、措施及其实施情况",
    "突发公共事件的应急预案、预警信息及应对情况",
    "环境保护、公共卫生、安全生产、食品药品、产品质量的监督检查情况",
    "公务员招考的职位、名额、报考条件等事项以及录用结果",
    "法律、法规、规章和国家有关规定规定应当主动公开的其他政府信息",
]
ART21_COUNTY = ["市政建设", "公共服务", "公益事业", "土地征收", "房屋征收", "治安管理", "社会救助"]
ART21_TOWN = [
    "贯彻落实农业农村政策",
    "农田水利工程建设运营",
    "农村土地承包经营权流转",
    "宅基地使用情况审核",
    "土地征收",
    "房屋征收",
    "筹资筹劳",
    "社会救助",
]
_CN = "一二三四五六七八九十"


def _cn_ordinal(n: int) -> str:
    return _CN[n - 1] if n <= 10 else "十" + _CN[n - 11]


STATUTORY_CHOICES: list[tuple[str, str]] = (
    [(f"a20.{i:02d}", f"第二十条（{_cn_ordinal(i)}）{t}") for i, t in enumerate(ART20, 1)]
    + [(f"a21c.{i:02d}", f"第二十一条 {t}") for i, t in enumerate(ART21_COUNTY, 1)]
    + [(f"a21t.{i:02d}", f"第二十一条（乡镇）{t}") for i, t in enumerate(ART21_TOWN, 1)]
)
STATUTORY_LABELS = dict(STATUTORY_CHOICES)
NORMATIVE_CATEGORY = "a20.01"
CONTINGENCY_CATEGORY = "a20.12"  # 突发公共事件的应急预案、预警信息及应对情况


def statutory_choices_for(unit_kind: str) -> list[tuple[str, str]]:
    """Art. 20 for everyone; townships add the township list, everyone else at county
    level (districts, their departments, sub-districts) adds the county list.

    Art. 21 gives its second list to 乡（镇） governments only. A sub-district (街道办事处)
    is the district government's agency in town (派出机关), not a township: the rural items
    (农田水利, 土地承包, 宅基地) are not its business, the district's urban ones are."""
    prefix = "a21t." if unit_kind == "town" else "a21c."
    return [c for c in STATUTORY_CHOICES if c[0].startswith(("a20.", prefix))]


# Disclosure attribute and the legal reasons for withholding (Regulation Arts. 14–16).
PROACTIVE = "proactive"
ON_APPLICATION = "on_application"
WITHHELD = "withheld"
DISCLOSURE_CHOICES = [
    (PROACTIVE, "主动公开"),
    (ON_APPLICATION, "依申请公开"),
    (WITHHELD, "不予公开"),
]
WITHHOLDING_REASONS = [
    ("art14_secret", "属于国家秘密（条例第十四条）"),
    ("art14_prohibited", "法律、行政法规禁止公开（条例第十四条）"),
    ("art14_security", "公开后可能危及国家安全、公共安全、经济安全、社会稳定（条例第十四条）"),
    (
        "art15_third_party",
        "涉及商业秘密、个人隐私等，公开会对第三方合法权益造成损害（条例第十五条）",
    ),
    ("art16_internal", "内部事务信息（条例第十六条第一款）"),
    ("art16_process", "过程性信息（条例第十六条第二款）"),
    ("art16_enforcement", "行政执法案卷信息（条例第十六条第二款）"),
]

# Where an item sits in the unit's disclosure column.
PART_STATUTORY = "statutory"
PART_RULES = "rules"
PART_CHOICES = [(PART_STATUTORY, "法定主动公开内容"), (PART_RULES, "制度")]
