"""Highlighted titles and snippets (pure Python, no Django).

The index stores the original text, so matches are found again here with a
regular expression equivalent to the analysis: units in order, anything that
is not a letter or digit allowed between them, ASCII words whole and in any
case or width. Everything else is HTML-escaped; only ``<mark>`` is added.
"""

import re
from collections.abc import Iterable, Sequence
from html import escape

from gongkai.search import analysis

SNIPPET_CHARS = 160
_LEAD_CHARS = 30
_GAP = r"[\W_]*"
_ALNUM = "0-9A-Za-z０-９Ａ-Ｚａ-ｚ"


def _char_class(ch: str) -> str:
    wide = chr(ord(ch) + 0xFEE0)
    if ch.isalpha():
        return f"[{ch}{ch.upper()}{wide}{chr(ord(ch.upper()) + 0xFEE0)}]"
    return f"[{ch}{wide}]"


def _unit_pattern(unit: str) -> str:
    unit = analysis.display(unit)
    if unit.isascii():
        body = "".join(_char_class(c) for c in unit)
        return f"(?<![{_ALNUM}]){body}(?![{_ALNUM}])"
    return re.escape(unit)


def compile_terms(terms: Iterable[Sequence[str]]) -> re.Pattern[str] | None:
    """One pattern matching any of the terms (each a unit sequence)."""
    alternatives = [_GAP.join(_unit_pattern(u) for u in units) for units in terms if units]
    if not alternatives:
        return None
    # Longest first, so an overlapping longer term wins the mark.
    alternatives.sort(key=len, reverse=True)
    return re.compile("|".join(f"(?:{a})" for a in alternatives), re.IGNORECASE)


def mark(text: str, pattern: re.Pattern[str] | None) -> str:
    """``text`` escaped, with every match wrapped in ``<mark>``."""
    if pattern is None:
        return escape(text)
    out: list[str] = []
    last = 0
    for m in pattern.finditer(text):
        if m.end() == m.start():
            continue
        out.append(escape(text[last : m.start()]))
        out.append(f"<mark>{escape(m.group())}</mark>")
        last = m.end()
    out.append(escape(text[last:]))
    return "".join(out)


def snippet(parts: Sequence[str], pattern: re.Pattern[str] | None) -> str:
    """A short highlighted window around the first match in ``parts``.

    Falls back to the start of the first non-empty part when the match was
    only in the title or document number.
    """
    for part in parts:
        m = pattern.search(part) if (pattern and part) else None
        if m:
            start = max(0, m.start() - _LEAD_CHARS)
            return _window(part, start, pattern)
    first = next((p for p in parts if p), "")
    return _window(first, 0, pattern)


def _window(text: str, start: int, pattern: re.Pattern[str] | None) -> str:
    end = start + SNIPPET_CHARS
    fragment = " ".join(text[start:end].split())
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(text) else ""
    return prefix + mark(fragment, pattern) + suffix
