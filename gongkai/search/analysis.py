"""Text analysis shared by indexing and querying (pure Python, no Django).

Text is reduced to a sequence of *units*: each CJK (or other non-ASCII)
letter or digit is one unit, each run of ASCII letters and digits is one
lowercase word unit. Punctuation and spaces are dropped, so 〔2020〕, [2020],
(2020), 【2020】 and （2020） all reduce to the unit ``2020`` and a document
number matches however its brackets are typed.

Each field is indexed twice: its units without positions (a one-unit query
is a single term) and its unit bigrams with positions. A query of n ≥ 2
units is a phrase of bigrams pinned to consecutive positions, so it matches
exactly where the unit sequence occurs: exact-substring semantics modulo
punctuation, case and full-width forms. (3- and 4-gram fields would spare
the position checks for common words like 人民政府, but doubled the tokens
and halved indexing speed.)
"""

import operator
import re
import unicodedata

# ASCII words carry a trailing "_" so that any units concatenate
# unambiguously ("pm2_5_" ≠ "pm_25_") and n-grams are plain C-level
# ``map(add, …)``: a non-ASCII unit is always exactly one character.
_WORD_RE = re.compile(r"[0-9a-z]+")
_UNIT_RE = re.compile(r"[0-9a-z]+_|[^\W_]")
_NON_WORD_RE = re.compile(r"[\W_]+")

# Longer "words" are junk (hashes, base64); tantivy also limits term length.
MAX_WORD_LENGTH = 40
_LONG_WORD_RE = re.compile(rf"[0-9a-z]{{{MAX_WORD_LENGTH + 1},}}")

# Filler tokens between separate text parts (summary, body, attachments) in
# the positional stream, so that no phrase spans two parts: consecutive terms
# of a cover are at most two positions apart, so two fillers always break it.
# Queries never produce "|".
_PART_FILLER = " | | "


def normalize(text: str) -> str:
    """NFKC (full-width → half-width, compatibility ideographs) and lowercase."""
    # The check is ~20x cheaper than normalizing, and most text already is.
    if not unicodedata.is_normalized("NFKC", text):
        text = unicodedata.normalize("NFKC", text)
    return text.lower()


def units(text: str) -> list[str]:
    """The unit sequence of ``text`` (ASCII words end in "_")."""
    # Dropping punctuation first leaves most Chinese text already in NFKC
    # form (full-width ，。 are what usually fails the check).
    text = normalize(_NON_WORD_RE.sub(" ", text))
    if _WORD_RE.search(text):
        text = _LONG_WORD_RE.sub(lambda m: m.group()[:MAX_WORD_LENGTH], text)
        return _UNIT_RE.findall(_WORD_RE.sub(r"\g<0>_", text))
    # Without ASCII words every remaining character is a unit; list() is
    # several times faster than findall.
    return list(_NON_WORD_RE.sub("", text))


def display(unit: str) -> str:
    """A unit as it reads in text (without the word marker)."""
    return unit[:-1] if unit.endswith("_") else unit


def bigrams(seq: list[str]) -> list[str]:
    """Adjacent unit pairs; bigram i covers units i and i + 1."""
    return list(map(operator.add, seq, seq[1:]))


def cover(seq: list[str]) -> list[tuple[int, str]]:
    """The fewest position-pinned bigrams that still pin every unit.

    Bigrams at offsets 0, 2, 4, … plus the last one fix each unit at its
    place, so the phrase stays exact with about half the terms.
    """
    pairs = bigrams(seq)
    offsets = list(range(0, len(pairs), 2))
    if offsets[-1] != len(pairs) - 1:
        offsets.append(len(pairs) - 1)
    return [(i, pairs[i]) for i in offsets]


def index_streams(parts: tuple[str, ...]) -> tuple[str, str]:
    """Whitespace-joined units and positional bigrams of one field's parts.

    tantivy's whitespace tokenizer assigns consecutive positions, which is
    twice as fast as building token objects in Python.
    """
    unit_lists = [units(p) for p in parts if p]
    unigrams = " ".join(" ".join(seq) for seq in unit_lists)
    positional = _PART_FILLER.join(" ".join(bigrams(seq)) for seq in unit_lists if len(seq) > 1)
    return unigrams, positional


def normalize_index_number(value: str) -> str:
    """索引号 compared exactly, ignoring spaces, width and case."""
    return "".join(unicodedata.normalize("NFKC", value).split()).upper()
