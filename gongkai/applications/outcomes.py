"""The statutory outcomes of an application and the applicant kinds.

Each outcome is exactly one data row of table 三 of the annual report (国办公开办函〔2021〕30号),
and each applicant kind one of its columns, so the workflow and the report share one vocabulary.
"""

from django.db import models


class ApplicantKind(models.TextChoices):
    NATURAL_PERSON = "natural_person", "自然人"
    COMMERCIAL_ENTERPRISE = "commercial_enterprise", "商业企业"
    RESEARCH_INSTITUTION = "research_institution", "科研机构"
    PUBLIC_INTEREST_ORGANISATION = "public_interest_organisation", "社会公益组织"
    LEGAL_SERVICES_ORGANISATION = "legal_services_organisation", "法律服务机构"
    OTHER_ORGANISATION = "other_organisation", "其他"


class Outcome(models.TextChoices):
    DISCLOSED = "disclosed", "予以公开"
    PARTLY_DISCLOSED = "partly_disclosed", "部分公开"
    WITHHELD_STATE_SECRET = "withheld_state_secret", "属于国家秘密"
    WITHHELD_PROHIBITED_BY_LAW = "withheld_prohibited_by_law", "其他法律行政法规禁止公开"
    WITHHELD_ENDANGERS_SECURITY = "withheld_endangers_security", "危及“三安全一稳定”"
    WITHHELD_THIRD_PARTY = "withheld_third_party", "保护第三方合法权益"
    WITHHELD_INTERNAL_AFFAIRS = "withheld_internal_affairs", "属于三类内部事务信息"
    WITHHELD_PROCESS_INFORMATION = "withheld_process_information", "属于四类过程性信息"
    WITHHELD_ENFORCEMENT_FILE = "withheld_enforcement_file", "属于行政执法案卷"
    WITHHELD_INQUIRY_MATTER = "withheld_inquiry_matter", "属于行政查询事项"
    UNAVAILABLE_NOT_HELD = "unavailable_not_held", "本机关不掌握相关政府信息"
    UNAVAILABLE_NEEDS_CREATION = "unavailable_needs_creation", "没有现成信息需要另行制作"
    UNAVAILABLE_STILL_UNCLEAR = "unavailable_still_unclear", "补正后申请内容仍不明确"
    NOT_PROCESSED_PETITION = "not_processed_petition", "信访举报投诉类申请"
    NOT_PROCESSED_REPEAT = "not_processed_repeat", "重复申请"
    NOT_PROCESSED_PUBLICATION = "not_processed_publication", "要求提供公开出版物"
    NOT_PROCESSED_EXCESSIVE = "not_processed_excessive", "无正当理由大量反复申请"
    NOT_PROCESSED_CONFIRMATION = (
        "not_processed_confirmation",
        "要求行政机关确认或重新出具已获取信息",
    )
    OTHER_CORRECTION_LAPSED = (
        "other_correction_lapsed",
        "申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
    )
    OTHER_FEE_UNPAID = (
        "other_fee_unpaid",
        "申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
    )
    OTHER = "other", "其他"


# Table 三's groups, in the national order: (key, label, outcomes). A group with one outcome
# is itself a data row; the others are rowspan labels over numbered rows.
OUTCOME_GROUPS = (
    ("disclosed", "（一）予以公开", (Outcome.DISCLOSED,)),
    (
        "partly_disclosed",
        "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
        (Outcome.PARTLY_DISCLOSED,),
    ),
    (
        "withheld",
        "（三）不予公开",
        (
            Outcome.WITHHELD_STATE_SECRET,
            Outcome.WITHHELD_PROHIBITED_BY_LAW,
            Outcome.WITHHELD_ENDANGERS_SECURITY,
            Outcome.WITHHELD_THIRD_PARTY,
            Outcome.WITHHELD_INTERNAL_AFFAIRS,
            Outcome.WITHHELD_PROCESS_INFORMATION,
            Outcome.WITHHELD_ENFORCEMENT_FILE,
            Outcome.WITHHELD_INQUIRY_MATTER,
        ),
    ),
    (
        "unavailable",
        "（四）无法提供",
        (
            Outcome.UNAVAILABLE_NOT_HELD,
            Outcome.UNAVAILABLE_NEEDS_CREATION,
            Outcome.UNAVAILABLE_STILL_UNCLEAR,
        ),
    ),
    (
        "not_processed",
        "（五）不予处理",
        (
            Outcome.NOT_PROCESSED_PETITION,
            Outcome.NOT_PROCESSED_REPEAT,
            Outcome.NOT_PROCESSED_PUBLICATION,
            Outcome.NOT_PROCESSED_EXCESSIVE,
            Outcome.NOT_PROCESSED_CONFIRMATION,
        ),
    ),
    (
        "other",
        "（六）其他处理",
        (Outcome.OTHER_CORRECTION_LAPSED, Outcome.OTHER_FEE_UNPAID, Outcome.OTHER),
    ),
)

# Outcomes that refuse some or all of the information: the reply must give reasons and a
# legal basis (Arts. 36(3), 37), and since 2024-01-01 review comes before litigation.
REFUSALS = frozenset(
    outcome
    for key, _label, outcomes in OUTCOME_GROUPS
    if key in ("partly_disclosed", "withheld")
    for outcome in outcomes
)


def group_of(outcome):
    """The key of the table 三 group an outcome belongs to."""
    for key, _label, outcomes in OUTCOME_GROUPS:
        if outcome in outcomes:
            return key
    raise ValueError(f"unknown outcome {outcome!r}")


def row_number(outcome):
    """The outcome's number inside its group (1-based), or None for single-row groups."""
    for _key, _label, outcomes in OUTCOME_GROUPS:
        if outcome in outcomes:
            return outcomes.index(outcome) + 1 if len(outcomes) > 1 else None
    raise ValueError(f"unknown outcome {outcome!r}")
