"""Import of an official document from Word.

The DOCX becomes clean HTML (mammoth, then the body allow-list), plain text, and a set of
proposed metadata read from the text: document number, title, date written and issuing
unit. Proposals are only proposals — the editor confirms them in the form.
"""

import base64
import io
import re
from dataclasses import dataclass, field
from datetime import date

import mammoth

from . import docnumber, inspection
from .sanitize import clean_html

_CN_DIGITS = {
    "〇": 0,
    "○": 0,
    "零": 0,
    "O": 0,
    "一": 1,
    "二": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_CN_NUM = "〇○零O一二三四五六七八九十"
_CN_DATE = re.compile(
    rf"([{_CN_NUM}]{{4}})\s*年\s*([{_CN_NUM}]{{1,3}})\s*月\s*([{_CN_NUM}]{{1,3}})\s*日"
)
_AR_DATE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_DOCNO = re.compile(
    r"[\u4e00-\u9fffA-Za-z]{1,16}\s*[〔\[(（【［﹝]\s*\d{4}\s*[〕\])）】］﹞]\s*第?\s*\d+\s*号"
)
_TITLE_END = re.compile(
    r"(决议|决定|命令|令|公报|公告|通告|意见|通知|通报|报告|请示|批复|议案|函|纪要|办法|规定|细则|方案|规划|计划|公示|解读)$"
)
_UNIT_HINT = re.compile(r"(人民政府|办公室|委员会|局|厅|部|街道办事处|人民政府办公室|中心|管委会)")


class ImportRejected(ValueError):
    """A Word file that cannot be imported; the message is for the user."""


@dataclass
class ImportedDocument:
    body_html: str
    text: str
    doc_number: str = ""
    doc_number_warnings: tuple[str, ...] = ()
    title: str = ""
    date_written: date | None = None
    issuing_unit: str = ""
    hidden: list[inspection.HiddenContent] = field(default_factory=list)
    messages: list[str] = field(default_factory=list)


def _cn_number(text: str) -> int:
    """二十五 → 25, 三 → 3, 十二 → 12, 三十 → 30."""
    if "十" in text:
        tens, _, ones = text.partition("十")
        return (_CN_DIGITS[tens] if tens else 1) * 10 + (_CN_DIGITS[ones] if ones else 0)
    value = 0
    for ch in text:
        value = value * 10 + _CN_DIGITS[ch]
    return value


def parse_date(text: str) -> date | None:
    """The first date in 二〇二四年三月五日 or 2024年3月5日 form, or None."""
    found = find_dates(text)
    return found[0] if found else None


def find_dates(text: str) -> list[date]:
    hits: list[tuple[int, date]] = []
    for m in _CN_DATE.finditer(text):
        try:
            year = int("".join(str(_CN_DIGITS[c]) for c in m.group(1)))
            hits.append((m.start(), date(year, _cn_number(m.group(2)), _cn_number(m.group(3)))))
        except (KeyError, ValueError):
            continue
    for m in _AR_DATE.finditer(text):
        try:
            hits.append((m.start(), date(int(m.group(1)), int(m.group(2)), int(m.group(3)))))
        except ValueError:
            continue
    return [d for _, d in sorted(hits, key=lambda h: h[0])]


def _convert_image(image):
    # Only raster images are kept inline; anything else would be dropped by the allow-list.
    if image.content_type not in ("image/png", "image/jpeg", "image/gif"):
        return {}
    with image.open() as stream:
        encoded = base64.b64encode(stream.read()).decode("ascii")
    return {"src": f"data:{image.content_type};base64,{encoded}"}


def propose_metadata(paragraphs: list[str]) -> dict:
    """Best guesses for 文号, title, 成文日期 and issuing unit from the document's lines."""
    lines = [re.sub(r"\s+", "", p) for p in paragraphs if p and p.strip()]
    proposal: dict = {
        "doc_number": "",
        "doc_number_warnings": (),
        "title": "",
        "date_written": None,
        "issuing_unit": "",
    }
    docno_line = None
    for i, line in enumerate(lines[:12]):
        m = _DOCNO.search(line)
        if m:
            try:
                number = docnumber.normalise(m.group(0))
            except docnumber.DocNumberError:
                continue
            proposal["doc_number"], proposal["doc_number_warnings"] = number.value, number.warnings
            docno_line = i
            break
    # The date written sits under the signature, near the end of the document.
    for line in reversed(lines[-12:]):
        if len(line) <= 24 and (found := find_dates(line)):
            proposal["date_written"] = found[-1]
            break
    proposal["title"] = _guess_title(lines, docno_line)
    proposal["issuing_unit"] = _guess_unit(lines, docno_line, proposal["title"])
    return proposal


def _guess_title(lines: list[str], docno_line: int | None) -> str:
    start = (docno_line + 1) if docno_line is not None else 0
    window = lines[start : start + 8]
    for i, line in enumerate(window):
        if len(line) > 80 or line.endswith(("：", ":")) or _DOCNO.search(line):
            continue
        if "关于" in line or _TITLE_END.search(line):
            title = line
            # Long titles wrap onto a second line that carries the document type.
            if (
                not _TITLE_END.search(title)
                and i + 1 < len(window)
                and _TITLE_END.search(window[i + 1])
            ):
                title += window[i + 1]
            return title
    return window[0] if window else ""


def _guess_unit(lines: list[str], docno_line: int | None, title: str) -> str:
    if docno_line is not None and docno_line > 0:
        header = re.sub(r"文件$", "", lines[docno_line - 1])
        if _UNIT_HINT.search(header):
            return header
    if "关于" in title:
        prefix = title.split("关于", 1)[0]
        if _UNIT_HINT.search(prefix):
            return prefix
    for line in reversed(lines[-6:]):
        if _UNIT_HINT.search(line) and len(line) <= 30 and not find_dates(line):
            return line
    return ""


_LEADING_BLOCK = re.compile(r"^\s*<(p|h[1-6])\b[^>]*>(.*?)</\1>", re.S)


def _front_matter(paragraphs: list[str], title: str) -> set[str]:
    """The lines above the body — the issuing body's header, the 文号 line and the title —
    which the page shows as metadata and so must not repeat in the body. Nothing when the
    title is not found near the top."""
    lines = [re.sub(r"\s+", "", p) for p in paragraphs if p and p.strip()]
    front = set()
    for line in lines[:12]:
        front.add(line)
        if title and title.endswith(line):
            return front
    return set()


def without_front_matter(body_html: str, paragraphs: list[str], title: str) -> str:
    """The body from the first paragraph after the front matter (the salutation, usually)."""
    front = _front_matter(paragraphs, title)
    while front and (block := _LEADING_BLOCK.match(body_html)):
        text = re.sub(r"<[^>]+>|\s+", "", block.group(2))
        if text and text not in front:
            break
        body_html = body_html[block.end() :]
    return body_html.lstrip()


def import_docx(data: bytes, filename: str, *, max_bytes: int | None = None) -> ImportedDocument:
    """Convert an uploaded DOCX into a proposal; raise ImportRejected or FileRejected."""
    found = inspection.inspect(data, filename, max_bytes=max_bytes)
    if found.kind != inspection.DOCX:
        raise ImportRejected(
            f"只能从 Word（DOCX）文档导入，文件“{filename}”是{inspection.KIND_LABELS[found.kind]}。"
        )
    try:
        converted = mammoth.convert_to_html(
            io.BytesIO(data), convert_image=mammoth.images.img_element(_convert_image)
        )
    except Exception as exc:
        raise ImportRejected(f"文件“{filename}”无法转换为网页正文，请检查文档是否损坏。") from exc
    paragraphs = [s.text for s in found.segments if inspection.is_body_paragraph(s)]
    proposal = propose_metadata(paragraphs)
    body = without_front_matter(clean_html(converted.value), paragraphs, proposal["title"])
    return ImportedDocument(
        body_html=body,
        text="\n".join(p for p in paragraphs if p.strip()),
        hidden=found.hidden,
        messages=[m.message for m in converted.messages],
        **proposal,
    )
