"""Personal data in text that is about to be published.

Finds resident ID numbers (18-digit with the GB 11643 check digit, and the old 15-digit
form), mainland mobile numbers and bank card numbers (Luhn). A number that is already
masked (digits replaced by *) is not a finding: it is what de-identification produces.
Each finding carries the location of the text segment it came from (paragraph, page,
sheet!cell) so an editor can go and fix it.

Text is normalised before matching, because a number split to slip past a check is still
personal data: full-width digits become ASCII (NFKC), zero-width characters are dropped, and
a second pass joins digits separated by spaces or hyphens ("110101 1990 0307 7777").
"""

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from gongkai.core.identity import is_valid_resident_id

RESIDENT_ID = "resident_id"
MOBILE = "mobile"
BANK_CARD = "bank_card"

KIND_LABELS = {
    RESIDENT_ID: "居民身份证号码",
    MOBILE: "手机号码",
    BANK_CARD: "银行卡号",
}

# A digit run must not touch other digits, letters or a mask character: "138****5678"
# leaves "138" and "5678", neither of which is a finding.
_EDGE_BEFORE = r"(?<![0-9A-Za-z*＊])"
_EDGE_AFTER = r"(?![0-9A-Za-z*＊])"
_ID_RE = re.compile(_EDGE_BEFORE + r"(\d{17}[\dXx]|\d{15})" + _EDGE_AFTER)
_MOBILE_RE = re.compile(_EDGE_BEFORE + r"(1[3-9]\d)[ -]?(\d{4})[ -]?(\d{4})" + _EDGE_AFTER)
# Cards are often written in groups of four separated by a space or hyphen.
_CARD_RE = re.compile(_EDGE_BEFORE + r"(\d{4}(?:[ -]?\d{4}){3}(?:[ -]?\d{1,3})?)" + _EDGE_AFTER)


@dataclass(frozen=True)
class Segment:
    """A piece of text and where it sits (e.g. "正文第3段", "第2页", "名单!B7")."""

    location: str
    text: str


@dataclass(frozen=True)
class Finding:
    kind: str
    location: str
    masked: str

    @property
    def label(self) -> str:
        return KIND_LABELS[self.kind]

    def describe(self) -> str:
        return f"{self.location}：疑似{self.label} {self.masked}"


def _looks_like_resident_id(number: str) -> bool:
    # Region codes start with 1–8 (province level); other digit runs that happen to check
    # are far more likely to be order or account numbers.
    return number[0] in "12345678" and is_valid_resident_id(number)


def luhn_valid(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        n = int(ch)
        if i % 2:
            n = n * 2 - 9 if n > 4 else n * 2
        total += n
    return total % 10 == 0


def mask(number: str) -> str:
    """Show enough to find the number again, never the whole of it."""
    digits = re.sub(r"[ -]", "", number)
    keep_head = 3 if len(digits) <= 11 else 6
    return digits[:keep_head] + "*" * (len(digits) - keep_head - 4) + digits[-4:]


# Zero-width and invisible formatting characters, never meaningful between digits.
_INVISIBLE = re.compile("[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]")
# Horizontal separators inside a number (not line breaks, which separate table cells).
_SPLIT = re.compile(r"(?<=\d)[ \t\-_.·]+(?=[\dXx])")


def visible(text: str) -> str:
    """`text` as a reader sees it: NFKC (full-width digits → ASCII), no invisible characters."""
    return _INVISIBLE.sub("", unicodedata.normalize("NFKC", text))


def joined(text: str) -> str:
    """`visible(text)` with the separators inside digit runs removed."""
    return _SPLIT.sub("", visible(text))


def scan_text(text: str, location: str) -> list[Finding]:
    """Findings in the text as written and in its joined form, each number once."""
    seen: dict[tuple[str, str], Finding] = {}
    shown = visible(text)
    variants = (shown, joined(shown)) if _SPLIT.search(shown) else (shown,)
    for variant in variants:
        for finding in _scan(variant, location):
            seen.setdefault((finding.kind, finding.masked), finding)
    return list(seen.values())


def _scan(text: str, location: str) -> list[Finding]:
    findings: list[Finding] = []
    taken: list[tuple[int, int]] = []

    def free(span: tuple[int, int]) -> bool:
        return all(span[1] <= a or span[0] >= b for a, b in taken)

    for m in _ID_RE.finditer(text):
        if _looks_like_resident_id(m.group(1)):
            taken.append(m.span())
            findings.append(Finding(RESIDENT_ID, location, mask(m.group(1))))
    for m in _CARD_RE.finditer(text):
        digits = re.sub(r"[ -]", "", m.group(1))
        if 16 <= len(digits) <= 19 and luhn_valid(digits) and free(m.span()):
            taken.append(m.span())
            findings.append(Finding(BANK_CARD, location, mask(digits)))
    for m in _MOBILE_RE.finditer(text):
        if free(m.span()):
            taken.append(m.span())
            findings.append(Finding(MOBILE, location, mask("".join(m.groups()))))
    return findings


def scan(segments: Iterable[Segment]) -> list[Finding]:
    """All findings over the segments, in document order."""
    return [f for seg in segments for f in scan_text(seg.text, seg.location)]
