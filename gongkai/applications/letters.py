"""Letters to the applicant (and to consulted parties) as DOCX files.

The wording lives in ``LetterTemplate`` rows that the openness office edits; each edit is a new
row, so the history stays. A template is Django template text with the variables listed in
``VARIABLES``; until the office saves a version, the default below is used and stored as the
first version. Dates print in Chinese form.

Templates are written in ``letter_language`` (a restricted Django template syntax) over the
names in ``VARIABLES`` only, all plain values; a template naming anything else is refused when
saved. The applicant's name reaches a letter only through ``_reveal_applicant``, which records
the reveal as an audit event, like the console's unmask.
"""

import io

from django.db import transaction
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt

from . import letter_language
from .fees import rate_text
from .models import Letter, LetterKind, LetterTemplate
from .outcomes import group_of
from .remedies import settings_of

FONT = "仿宋"

VARIABLES = {
    "unit": "受理单位全称",
    "body": "政府信息公开工作机构",
    "unit_address": "单位地址",
    "unit_phone": "联系电话",
    "tracking_number": "申请编号",
    "applicant": "申请人",
    "received_on": "收到申请之日",
    "title": "所需信息名称",
    "document_number": "文号",
    "description": "内容描述",
    "issued_on": "文书日期",
    "due_date": "答复期限",
    "correction": "补正：items 事项、due_on 截止日期",
    "consultation": "征求意见：party_name、matter、kind、sent_on、received_on 对方收到之日"
    "（未登记时为空）、window_due、replied_on、reasons 对方意见的理由",
    "extension": "延期：working_days、reason",
    "fee": "收费：method 方式、per_item 是否按件、monthly_rank 本月第几件（按件）、"
    "pages 页数（按量）、rate 该方式的收费标准、amount 金额、payment 缴纳方式和地点、"
    "received_on 申请人收到之日（未登记时为空）、payment_due 截止日期",
    "reply": "答复：reasons、legal_basis 其他依据、responsible_organ、responsible_contact、"
    "where_published、how_to_obtain、public_interest_reason、remedy_notice",
    "outcome": "办理结果名称",
    "basis": "答复的法律依据（办理结果对应的《条例》条款和其他依据）",
}

# What a template may name: each variable, and for the grouped ones the parts listed in
# VARIABLES (the context_for dictionaries have exactly these keys).
SCHEMA = {
    "unit": None,
    "body": None,
    "unit_address": None,
    "unit_phone": None,
    "tracking_number": None,
    "applicant": None,
    "received_on": None,
    "title": None,
    "document_number": None,
    "description": None,
    "issued_on": None,
    "due_date": None,
    "correction": {"items", "due_on"},
    "consultation": {
        "party_name",
        "matter",
        "kind",
        "sent_on",
        "received_on",
        "window_due",
        "replied_on",
        "reasons",
    },
    "extension": {"working_days", "reason"},
    "fee": {
        "method",
        "per_item",
        "monthly_rank",
        "pages",
        "rate",
        "amount",
        "payment",
        "received_on",
        "payment_due",
    },
    "reply": {
        "reasons",
        "legal_basis",
        "responsible_organ",
        "responsible_contact",
        "where_published",
        "how_to_obtain",
        "public_interest_reason",
        "remedy_notice",
    },
    "outcome": None,
    "basis": None,
}
REPLY_FIELDS = sorted(SCHEMA["reply"])

_HEAD = "{{ applicant }}：\n"
_REMEDY = "{{ reply.remedy_notice }}"

DEFAULTS = {
    LetterKind.RECEIPT: (
        "政府信息公开申请回执",
        _HEAD + "本机关于{{ received_on }}收到您提出的政府信息公"
        "开申请（申请编号 {{ tracking_number }}），"
        "所需信息为“{{ title }}”。\n本机关将依"
        "照《中华人民共和国政府信息公开条例》第三十三条的规定，"
        "在收到申请之日起20个工作日内予以答复，答复期限暂定为{{ due_date }}。\n"
        "您可以凭申请编号和查询码在本网站查询办理进度、下载答复文书。",
    ),
    LetterKind.CORRECTION: (
        "政府信息公开申请补正告知书",
        _HEAD
        + "本机关于{{ received_on }}收到您的政府信息公开申请（申请编号 {{ tracking_number }}）。"
        "经审查，您的申请内容不明确，根据《中华人民共和国政府信息公开条例》第三十条的规定，"
        "请您对以下事项作出补正：\n{{ correction.items }}\n"
        "请于{{ correction.due_on }}前提交补正材料。答复期限自本机关收到补正后的申请之日起计算。"
        "无正当理由逾期不补正的，视为放弃申请，本机关不再处理该政府信息公开申请。",
    ),
    LetterKind.CONSULTATION: (
        "政府信息公开征求意见书",
        "{{ consultation.party_name }}：\n本机关收到一"
        "件政府信息公开申请（申请编号 {{ tracking_number }}），"
        "所申请公开的信息可能涉及你方合法权益（或由你方参与制作）。现就以下事项征求你方意见：\n"
        "{{ consultation.matter }}\n请自收到本意见书之日起15个工作日内"
        "{% if consultation.received_on %}（即{{ consultation.window_due }}前）{% endif %}"
        "书面提出意见。{% if consultation.kind == 'co_maker' %}逾期未提出意见的，视为同意公开。"
        "{% else %}逾期未提出意见的，由本机关依照《"
        "中华人民共和国政府信息公开条例》的规定决定是否公开。"
        "{% endif %}",
    ),
    LetterKind.EXTENSION: (
        "政府信息公开申请延期答复告知书",
        _HEAD
        + "本机关于{{ received_on }}收到您的政府信息公开申请（申请编号 {{ tracking_number }}）。"
        "因{{ extension.reason }}，本机关不能"
        "在规定期限内作出答复。根据《中华人民共和国政府信息公开条例》"
        "第三十三条第二款的规定，经政府信息公开工作机构负责人同意，答复"
        "期限延长{{ extension.working_days }}"
        "个工作日，延长后的答复期限为{{ due_date }}。",
    ),
    LetterKind.EXCESSIVE: (
        "要求说明理由告知书",
        _HEAD
        + "您提出的政府信息公开申请（申请编号 {{ tracking_number }}）的数量、频次明显超过合理范围。"
        "根据《中华人民共和国政府信息公开条例》第三十五条的规定，请您说明申请的理由。"
        "本机关认为理由不合理的，将告知您不予处理；认为理由合理但无法在规定期限内答复的，"
        "将确定延迟答复的合理期限并告知您。",
    ),
    LetterKind.LONGER_DEADLINE: (
        "政府信息公开申请延迟答复告知书",
        _HEAD
        + "您提出的政府信息公开申请（申请编号 {{ tracking_number }}）的数量、频次明显超过合理范围。"
        "经审查，本机关认为申请理由合理，但无法在《中华人民共和国政府信息公开条例》第三十三条"
        "规定的期限内答复。根据该条例第三十五条的规定，本机关确定延迟答复的期限为"
        "{{ due_date }}，将在此期限内作出答复。",
    ),
    LetterKind.PUBLIC_INTEREST: (
        "政府信息公开决定告知书",
        "{{ consultation.party_name }}：\n"
        "本机关就政府信息公开申请（申请编号 {{ tracking_number }}）所涉信息征求你方意见，"
        "你方{% if consultation.replied_on %}于{{ consultation.replied_on }}{% endif %}"
        "提出不同意公开的意见"
        "{% if consultation.reasons %}（理由：{{ consultation.reasons }}）{% endif %}。\n"
        "经审查，本机关认为不公开该信息可能对公共利益造成重大影响。根据《中华人民共和国政府"
        "信息公开条例》第十五条、第三十二条的规定，本机关决定予以公开，现将决定公开的内容和"
        "理由告知如下：\n决定公开的内容：{{ title }}{% if document_number %}"
        "（{{ document_number }}）{% endif %}。{{ consultation.matter }}\n"
        "理由：{{ reply.public_interest_reason }}",
    ),
    LetterKind.FEE: (
        "信息处理费收费通知书",
        _HEAD
        + "您的政府信息公开申请（申请编号 {{ tracking_number }}）数量、频次明显超过合理范围。\n"
        "收费依据：《中华人民共和国政府信息公开条例》第四十二条和《政府信息公开信息处理费管理办法》"
        "（国办函〔2020〕109号）。\n"
        "计收方式和标准：{{ fee.method }}。{{ fee.rate }}\n"
        "{% if fee.per_item %}本申请是您本月向本机关提出的第{{ fee.monthly_rank }}件申请，"
        "{% else %}您所申请的信息共{{ fee.pages }}页，{% endif %}"
        "应缴纳信息处理费{{ fee.amount }}元。\n"
        "缴纳方式和地点：{{ fee.payment }}\n"
        "缴纳期限：请自收到本通知次日起20个工作日内"
        "{% if fee.received_on %}（即{{ fee.payment_due }}前）{% endif %}缴纳。"
        "逾期未缴纳的，视为放弃申请，本机关不再处理该政府信息公开申请。",
    ),
}

_REPLY_HEAD = (
    _HEAD
    + "本机关于{{ received_on }}收到您提出的政府信息公开申请（申请编号 {{ tracking_number }}），"
    "所需信息为“{{ title }}”。经审查，现答复如下：\n"
)
_BASIS = "\n依据：{{ basis }}"
REPLY_DEFAULTS = {
    "disclosed": "您申请的信息予以公开。{{ reply.where_published }}{{ reply.how_to_obtain }}",
    "partly_disclosed": "您申请的信息部分公开。可以公开的部分：{{ reply.how_to_obtain }}\n"
    "其余部分不予公开，理由：{{ reply.reasons }}",
    "withheld": "您申请的信息不予公开（{{ outcome }}）。理由：{{ reply.reasons }}",
    "unavailable": "您申请的信息本机关无法提供（{{ outcome }}）。{{ reply.reasons }}"
    "{% if reply.responsible_organ %}该信息由{{ reply.responsible_organ }}负责公开，"
    "联系方式：{{ reply.responsible_contact }}。{% endif %}",
    "not_processed": "本机关对您的申请不予处理（{{ outcome }}）。{{ reply.reasons }}"
    "{{ reply.where_published }}",
    "other": "{{ outcome }}。{{ reply.reasons }}",
}
for _group, _text in REPLY_DEFAULTS.items():
    DEFAULTS[f"reply.{_group}"] = (
        "政府信息公开申请答复书",
        _REPLY_HEAD + _text + _BASIS + "\n" + _REMEDY,
    )


def template_key(kind, reply=None):
    return f"reply.{group_of(reply.outcome)}" if kind == LetterKind.REPLY else str(kind)


def current_template(key):
    """The newest version of a template, storing the default as version one if none exists."""
    template = LetterTemplate.objects.filter(key=key).order_by("-id").first()
    if template is None:
        title, body = DEFAULTS[key]
        template = LetterTemplate.objects.create(key=key, title=title, body=body)
    return template


@transaction.atomic
def save_template(*, actor, key, title, body):
    """A new version of a template; only the openness office may edit wording. A template
    that uses anything outside letter_language and SCHEMA is refused and nothing is saved."""
    from django.core.exceptions import ValidationError

    from gongkai.accounts.permissions import require_any_role
    from gongkai.accounts.roles import Role
    from gongkai.audit.services import record

    require_any_role(actor, Role.OFFICE)
    if key not in DEFAULTS:
        raise ValidationError("没有这个文书模板。")
    if not title.strip() or not body.strip():
        raise ValidationError("标题和正文都不能为空。")
    letter_language.check(body, SCHEMA)
    template = LetterTemplate.objects.create(
        key=key, title=title.strip(), body=body, created_by=actor
    )
    record(actor=actor, action="letter_template.save", target=template, data={"key": key})
    return template


def chinese_date(value):
    return f"{value.year}年{value.month}月{value.day}日" if value else ""


def context_for(application, issued_on, *, consultation=None, reply=None):
    unit = application.unit
    settings = settings_of(unit)
    correction = getattr(application, "correction", None)
    extension = getattr(application, "extension", None)
    fee = getattr(application, "fee_notice", None)
    return {
        "unit": unit.full_name,
        "body": unit.body_name or unit.full_name,
        "unit_address": unit.address,
        "unit_phone": unit.phone,
        "tracking_number": application.tracking_number,
        # Personal data: filled in by issue() through _reveal_applicant, only when used.
        "applicant": "",
        "received_on": chinese_date(application.received_on),
        "title": application.title,
        "document_number": application.document_number,
        "description": application.description,
        "issued_on": chinese_date(issued_on),
        "due_date": chinese_date(application.due_date),
        "correction": correction
        and {"items": correction.items, "due_on": chinese_date(correction.due_on)},
        "consultation": consultation
        and {
            "party_name": consultation.party_name,
            "matter": consultation.matter,
            "kind": str(consultation.kind),
            "sent_on": chinese_date(consultation.sent_on),
            "received_on": chinese_date(consultation.received_on),
            "window_due": chinese_date(consultation.window_due),
            "replied_on": chinese_date(consultation.replied_on),
            "reasons": consultation.reasons,
        },
        "extension": extension
        and {"working_days": extension.working_days, "reason": extension.reason},
        "fee": fee
        and {
            "method": fee.get_method_display(),
            "per_item": fee.monthly_rank is not None,
            "monthly_rank": fee.monthly_rank,
            "pages": fee.pages,
            "rate": rate_text(fee.method),
            "amount": fee.amount,
            "payment": settings.fee_payment.strip() or _default_payment(unit),
            "received_on": chinese_date(fee.received_on),
            "payment_due": chinese_date(fee.payment_due),
        },
        "reply": reply and {name: getattr(reply, name) or "" for name in REPLY_FIELDS},
        "outcome": reply.get_outcome_display() if reply else "",
        "basis": reply.basis() if reply else "",
    }


def _default_payment(unit):
    where = f"到{unit.full_name}（{unit.address}）" if unit.address else f"到{unit.full_name}"
    phone = f"，咨询电话{unit.phone}" if unit.phone else ""
    return f"{where}领取非税收入缴款书，按缴款书载明的方式缴入国库{phone}。"


def render_docx(*, title, text, unit_name, issued_on, tracking_number):
    document = Document()
    style = document.styles["Normal"]
    style.font.name = FONT
    style.font.size = Pt(16)
    style.element.rPr.rFonts.set(qn("w:eastAsia"), FONT)
    heading = document.add_paragraph()
    heading.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = heading.add_run(title)
    run.bold = True
    run.font.size = Pt(22)
    number = document.add_paragraph(f"申请编号：{tracking_number}")
    number.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    for line in text.splitlines():
        if line.strip():
            document.add_paragraph(line.strip())
    for closing in (unit_name, chinese_date(issued_on)):
        paragraph = document.add_paragraph(closing)
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def usable_body(template):
    """The template's text, or — for a version stored before the rules of letter_language
    that breaks them — the default wording, so that no step of an application fails on it."""
    from django.core.exceptions import ValidationError

    try:
        letter_language.check(template.body, SCHEMA)
    except ValidationError:
        return DEFAULTS[template.key][1]
    return template.body


def _reveal_applicant(application, *, actor, kind):
    """The applicant's name for a letter, recorded like any other reveal of personal data."""
    from gongkai.audit.services import record

    record(
        actor=actor,
        action="application.letter_personal_data",
        target=application,
        reason=f"生成文书：{LetterKind(kind).label}",
        data={"letter": str(kind), "fields": ["applicant_name"]},
    )
    return application.applicant_name


def issue(application, kind, *, issued_on, actor=None, consultation=None, reply=None):
    """Fix the wording of one letter for the application; the DOCX is rendered on download.
    ``actor`` is whoever's step issues it (None for the public form and the system)."""
    template = current_template(template_key(kind, reply))
    body = usable_body(template)
    context = context_for(application, issued_on, consultation=consultation, reply=reply)
    if ("applicant",) in letter_language.names_used(body):
        context["applicant"] = _reveal_applicant(application, actor=actor, kind=kind)
    text = letter_language.render(body, context, SCHEMA)
    if kind == LetterKind.REPLY and context["basis"] not in text:
        # A reply template saved without the basis still states it: every reply must.
        text = f"{text.rstrip()}\n依据：{context['basis']}"
    return Letter.objects.create(
        application=application,
        kind=kind,
        template=template,
        issued_on=issued_on,
        title=template.title,
        text=text,
    )


def docx_text(content):
    """The paragraphs of a stored letter, for previews and tests."""
    return "\n".join(p.text for p in Document(io.BytesIO(bytes(content))).paragraphs)
