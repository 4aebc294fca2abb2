"""Document numbers (文号 / 发文字号): validation and normalisation.

The conventional form is 机关代字〔年份〕序号号, e.g. 国办发〔2017〕47号: the year sits in
hexagonal brackets 〔〕, the serial has no leading zeros and no 第. Staff often type other
brackets; those are corrected with a warning rather than refused, because the intent is
unambiguous. Anything whose parts cannot be identified is refused.
"""

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date

CANONICAL = re.compile(r"^(.+?)〔(\d{4})〕([1-9]\d*)号$")

# Brackets seen in practice around the year. 〔〕 is the correct pair; the rest are fixed.
_OPEN = "〔[(（【［﹝<《〈"
_CLOSE = "〕])）】］﹞>》〉"
_LOOSE = re.compile(
    rf"^(?P<prefix>.+?)\s*(?P<open>[{re.escape(_OPEN)}])\s*(?P<year>\d{{4}})\s*"
    rf"(?P<close>[{re.escape(_CLOSE)}])\s*(?P<di>第?)\s*(?P<serial>\d+)\s*(?P<hao>号?)$"
)
_FIRST_YEAR = 1949


class DocNumberError(ValueError):
    """A document number that cannot be normalised; the message is for the user."""


@dataclass(frozen=True)
class DocNumber:
    value: str
    prefix: str
    year: int
    serial: int
    warnings: tuple[str, ...] = field(default=())


def _to_halfwidth_digits(text: str) -> str:
    # NFKC turns full-width digits into ASCII but would also turn 〔 into something else
    # on some platforms, so only digits and spaces are folded.
    return "".join(
        unicodedata.normalize("NFKC", ch) if ch.isdigit() or ch.isspace() else ch for ch in text
    )


def normalise(raw: str, *, date_written: date | None = None) -> DocNumber:
    """Return the canonical document number, or raise DocNumberError with a Chinese message.

    `date_written` (成文日期), when given, bounds the year: a document cannot carry a number
    from a later year than the one it was written in.
    """
    text = _to_halfwidth_digits((raw or "").strip())
    if not text:
        raise DocNumberError("文号为空。")
    match = _LOOSE.match(text)
    if not match:
        raise DocNumberError(
            f"无法识别文号“{raw.strip()}”：应为“机关代字〔年份〕序号号”的形式，例如“国办发〔2017〕47号”。"
        )
    prefix = re.sub(r"\s+", "", match["prefix"])
    year = int(match["year"])
    serial = int(match["serial"])
    if serial == 0:
        raise DocNumberError(f"文号“{raw.strip()}”的序号不能为 0。")
    if not re.search(r"[\u4e00-\u9fffA-Za-z]", prefix):
        raise DocNumberError(f"文号“{raw.strip()}”缺少机关代字。")
    upper = date_written.year if date_written else None
    if year < _FIRST_YEAR or (upper is not None and year > upper):
        bound = f"成文日期所在年份（{upper}年）" if upper else "合理范围"
        raise DocNumberError(f"文号“{raw.strip()}”中的年份 {year} 超出{bound}。")
    value = f"{prefix}〔{year}〕{serial}号"
    return DocNumber(
        value=value,
        prefix=prefix,
        year=year,
        serial=serial,
        warnings=tuple(_warnings(match, raw.strip(), value)),
    )


def _warnings(match: re.Match, raw: str, value: str) -> list[str]:
    notes = []
    if match["open"] != "〔" or match["close"] != "〕":
        notes.append(f"年份应使用六角括号〔〕，已将“{raw}”更正为“{value}”。")
    if match["di"]:
        notes.append("文号序号前不加“第”，已删除。")
    if match["serial"].startswith("0"):
        notes.append("文号序号不编虚位（不加前导 0），已删除。")
    if not match["hao"]:
        notes.append("文号末尾应有“号”字，已补上。")
    if not notes and raw != value:
        notes.append(f"已将“{raw}”规范为“{value}”。")
    return notes


def is_canonical(value: str) -> bool:
    return bool(CANONICAL.match(value or ""))
