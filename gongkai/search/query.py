"""Turning what a user typed into search terms (pure Python, no Django).

The user's text is never handed to tantivy's query parser: it is split here
into terms, and the engine builds queries from them programmatically, so
``:"()[]^~*+-`` and HTML are just characters.

- Quoted text ("…" or “…”) is one phrase; spaces inside it do not separate.
- Unquoted text is split on spaces; every term must match (several words
  narrow the results).
- Each term matches as an exact substring of units (see ``analysis``);
  terms with no letters or digits (only punctuation) are dropped.
"""

import re
from dataclasses import dataclass

from gongkai.search import analysis

MAX_QUERY_CHARS = 1000
MAX_TERMS = 10
# Longer terms are cut: the prefix still finds every real match (recall is
# kept) and a phrase of 64 bigrams is already as selective as it gets.
MAX_TERM_UNITS = 128

_PHRASE_RE = re.compile(r'"([^"]*)"?|“([^”]*)”?')


@dataclass(frozen=True)
class Term:
    """One term of a query: the text as typed and its unit sequence."""

    text: str
    units: tuple[str, ...]


def parse(text: str) -> list[Term]:
    """The terms of a user query; an empty list when nothing is searchable."""
    text = str(text or "")[:MAX_QUERY_CHARS]
    pieces: list[str] = []
    last = 0
    for match in _PHRASE_RE.finditer(text):
        pieces.extend(text[last : match.start()].split())
        pieces.append(match.group(1) if match.group(1) is not None else match.group(2) or "")
        last = match.end()
    pieces.extend(text[last:].split())
    terms: list[Term] = []
    seen: set[tuple[str, ...]] = set()
    for piece in pieces:
        seq = tuple(analysis.units(piece)[:MAX_TERM_UNITS])
        if seq and seq not in seen:
            seen.add(seq)
            terms.append(Term(text=piece.strip(), units=seq))
    return terms[:MAX_TERMS]
