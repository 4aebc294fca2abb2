"""The feedback report (意见采纳情况) of a consultation as a publishing document: its content,
generated from the records — the period, the figures and every group's disposition with its
reason — never typed, so that what is published is what was decided."""

from django.urls import reverse
from django.utils.html import escape

from gongkai.core.clock import local_today
from gongkai.publishing import vocabularies as v

from .models import Disposition, Moderation

# 综合政务 › 政务公开; the statutory item for what the law otherwise requires to be published.
SUBJECT = "02.01"
STATUTORY_CATEGORY = "a20.15"


def _date(day) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def title_of(consultation) -> str:
    name = consultation.title.removesuffix("（征求意见稿）").removesuffix("(征求意见稿)")
    return f"《{name}》公开征求意见采纳情况"[:200]


def _figures_paragraph(consultation, stats) -> str:
    return (
        f"{consultation.unit.full_name}于{_date(consultation.starts_on)}至"
        f"{_date(consultation.ends_on)}就《{consultation.title}》公开征求意见，"
        f"共{consultation.period_days}个自然日。期间共收到意见{stats['comments']}条，"
        f"经审核公开{stats['shown']}条，相同或相近的意见合并为{stats['groups']}组。"
        f"经认真研究，采纳{stats['fully_adopted']}组，部分采纳{stats['partly_adopted']}组，"
        f"未采纳{stats['not_adopted']}组。各组意见的处理结果和理由如下。"
    )


def _group_rows(consultation) -> str:
    rows = []
    for group in consultation.groups.order_by("number"):
        count = group.comments.filter(moderation=Moderation.SHOWN).count()
        where = f"（针对第{group.paragraph}段）" if group.paragraph else ""
        rows.append(
            "<tr>"
            f"<td>第{group.number}组{where}，{count}条</td>"
            f"<td>{escape(group.representative)}</td>"
            f"<td>{escape(Disposition(group.disposition).label)}</td>"
            f"<td>{escape(group.reason)}</td>"
            "</tr>"
        )
    return "".join(rows)


def content(consultation, *, summary, final_document) -> dict:
    """The document's content for publishing's create_draft/update_draft."""
    stats = consultation.statistics()
    parts = [f"<p>{escape(_figures_paragraph(consultation, stats))}</p>"]
    if stats["groups"]:
        parts.append(
            "<table><caption>意见处理情况</caption>"
            "<thead><tr><th>意见组</th><th>意见内容</th><th>处理结果</th><th>理由</th></tr></thead>"
            f"<tbody>{_group_rows(consultation)}</tbody></table>"
        )
    for paragraph in (summary or "").splitlines():
        if paragraph.strip():
            parts.append(f"<p>{escape(paragraph.strip())}</p>")
    if final_document is not None:
        parts.append(
            f'<p>正式文件：<a href="{final_document.get_absolute_url()}">'
            f"{escape(final_document.title)}</a></p>"
        )
    page = reverse("participation:detail", args=[consultation.pk])
    parts.append(f'<p>征求意见稿及公开的意见见<a href="{page}">意见征集页面</a>。</p>')
    # Filed under the final document's subject and statutory item, when there is one.
    basis = final_document
    return {
        "title": title_of(consultation),
        "doc_number": "",
        "subject": basis.subject if basis is not None and basis.subject else SUBJECT,
        "doc_type": v.FEEDBACK,
        "date_written": local_today(),
        "disclosure": v.PROACTIVE,
        "withholding_reason": "",
        "part": v.PART_STATUTORY,
        "statutory_category": (
            basis.statutory_category
            if basis is not None and basis.statutory_category
            else STATUTORY_CATEGORY
        ),
        "column_id": None,
        "keywords": "意见征集,意见采纳情况",
        "summary": _figures_paragraph(consultation, stats)[:120],
        "body_html": "".join(parts),
        "is_normative": False,
        "effective_date": None,
        "expiry_date": None,
        "needs_interpretation": False,
        "interprets_id": None,
    }
