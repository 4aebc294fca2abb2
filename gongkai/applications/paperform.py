"""The paper application form (申请表) for post, fax and in-person applications, as DOCX and
PDF. Its rows come from the online form's fields, so paper and online ask for the same things."""

import functools
import io
from pathlib import Path

from django import forms as django_forms
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from .forms import ApplicationForm

TITLE = "政府信息公开申请表"
DOCX_FONT = "仿宋"
# Debian's fonts-wqy-microhei (installed by `make test` and .ci/run) is embedded in the PDF so
# it prints the same everywhere; without it the PDF names Adobe's standard Song font, which
# every PDF reader supplies, rather than failing.
EMBEDDED_FONT_FILE = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")
NOTES = (
    "标有“*”的项目必须填写。请附身份证明复印件：公民附居民身份证，法人或其他组织附营业执照等载有统一社会信用代码的证明。",
    "请写明所需信息的名称、文号或便于查询的其他特征，一份申请表宜只申请一项或一类信息。",
    "受理单位自收到申请之日起20个工作日内答复；挂号邮寄的，以签收之日为收到申请之日。",
    "也可以在本平台在线提交申请，并凭申请编号和查询码查询办理进度。",
)


def rows():
    """(label, required, what to write, lines of space) for each row of the form, in the online
    form's order."""
    lines = [("受理机关", True, "", 1)]
    for name, field in ApplicationForm.base_fields.items():
        if isinstance(field.widget, django_forms.HiddenInput) or name == "unit":
            continue
        space = 5 if isinstance(field.widget, django_forms.Textarea) else 1
        lines.append((str(field.label), field.required, _blank_for(field), space))
    lines.append(("申请人签名或盖章", True, "", 2))
    lines.append(("申请日期", True, "      年    月    日", 1))
    return lines


def _blank_for(field):
    if isinstance(field, django_forms.ChoiceField):
        return "    ".join(f"□{label}" for value, label in field.choices if value != "")
    if isinstance(field, django_forms.FileField):
        return "□已附复印件"
    return ""


def _label(label, required):
    return f"{label}{' *' if required else ''}"


@functools.cache
def docx_bytes():
    document = Document()
    style = document.styles["Normal"]
    style.font.name = DOCX_FONT
    style.font.size = Pt(12)
    style.element.rPr.rFonts.set(qn("w:eastAsia"), DOCX_FONT)
    heading = document.add_paragraph()
    heading.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = heading.add_run(TITLE)
    run.bold = True
    run.font.size = Pt(20)
    table = document.add_table(rows=0, cols=2)
    table.style = "Table Grid"
    for label, required, blank, space in rows():
        cells = table.add_row().cells
        cells[0].text = _label(label, required)
        cells[1].text = blank + "\n" * (space - 1)
    document.add_paragraph("填表说明")
    for number, note in enumerate(NOTES, start=1):
        document.add_paragraph(f"{number}. {note}")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _pdf_font():
    if EMBEDDED_FONT_FILE.exists():
        name = "WenQuanYiMicroHei"
        if name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(name, str(EMBEDDED_FONT_FILE), subfontIndex=0))
        return name
    name = "STSong-Light"
    if name not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(name))
    return name


@functools.cache
def pdf_bytes():
    font = _pdf_font()
    body = ParagraphStyle("body", fontName=font, fontSize=11, leading=16, wordWrap="CJK")
    title = ParagraphStyle("title", parent=body, fontSize=18, leading=26, alignment=1)
    table = Table(
        [
            [Paragraph(_label(label, required), body), Paragraph(blank, body)]
            for label, required, blank, space in rows()
        ],
        colWidths=[45 * mm, 125 * mm],
        rowHeights=[space * 10 * mm if space > 1 else None for *_, space in rows()],
    )
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.75, colors.black),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("TOPPADDING", (0, 0), (-1, -1), 8),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 8),
            ]
        )
    )
    story = [Paragraph(TITLE, title), Spacer(1, 6 * mm), table, Spacer(1, 6 * mm)]
    story.append(Paragraph("填表说明", body))
    story += [Paragraph(f"{n}. {note}", body) for n, note in enumerate(NOTES, start=1)]
    buffer = io.BytesIO()
    SimpleDocTemplate(
        buffer, pagesize=A4, title=TITLE, leftMargin=20 * mm, rightMargin=20 * mm
    ).build(story)
    return buffer.getvalue()
