"""Text analysis shared by indexing and querying (pure Python, no Django).

Text is reduced to a sequence of *units*: each CJK (or other non-ASCII)
letter or digit is one unit, each run of ASCII letters and digits is one
lowercase word unit. Punctuation and spaces are dropped, so 〔2020〕, [2020],
(2020), 【2020】 and （2020） all reduce to the unit ``2020`` and a document
number matches however its brackets are typed.

Text is indexed as streams: its units without positions (a one-unit query
is a single term) and its unit bigrams with positions. A two-unit query is
one bigram term; a longer one is a phrase of bigrams pinned to consecutive
positions, so it matches exactly where the unit sequence occurs:
exact-substring semantics modulo punctuation, case and full-width forms.

A third, position-free stream holds the 4-character words of a shipped
word list (``words.txt.gz``, from the jieba dictionary) that occur in the
text, so that a query that is exactly such a word (人民政府, 法律责任) is one
term instead of a phrase whose positions would be checked in every
candidate. Exactness is kept: a document gets the word iff the word's units
occur contiguously in one of its parts. (Indexing every 3- and 4-gram
instead doubled the tokens and halved indexing speed.)
"""

import gzip
import operator
import re
import unicodedata
from collections.abc import Sequence
from pathlib import Path

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

WORD_LENGTH = 4
WORDS: frozenset[str] = frozenset(
    gzip.decompress((Path(__file__).with_name("words.txt.gz")).read_bytes()).decode().split()
)


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


def is_word(seq) -> bool:
    """Whether a query's unit sequence is one term of the word stream."""
    return len(seq) == WORD_LENGTH and "".join(seq) in WORDS


def listed(seq: list[str], pairs: list[str]) -> list[str]:
    """The listed words occurring in one part, each repeated as often as it occurs.

    Any 4-character run of the joined units that is a listed word is a
    run of single-character units (ASCII word units contain "_"), so
    counting in the joined string counts real occurrences.
    """
    found = WORDS.intersection(map(operator.add, pairs, pairs[2:]))
    if not found:
        return []
    joined = "".join(seq)
    return [w for w in found for _ in range(joined.count(w))]


def index_streams(
    weighted: Sequence[tuple[list[str], int]], *, words: bool = True
) -> tuple[str, str, str]:
    """Whitespace-joined units, positional bigrams and listed words (unless
    ``words`` is false) of a field's parts, given as (units, times): a part
    indexed several times weighs more in scoring.

    tantivy's whitespace tokenizer assigns consecutive positions, which is
    twice as fast as building token objects in Python.
    """
    unigrams: list[str] = []
    positional: list[str] = []
    found: list[str] = []
    for seq, times in weighted:
        if not seq:
            continue
        pairs = bigrams(seq)
        unigrams.extend([" ".join(seq)] * times)
        if pairs:
            positional.extend([" ".join(pairs)] * times)
        if words and len(seq) >= WORD_LENGTH:
            found.extend([" ".join(listed(seq, pairs))] * times)
    return " ".join(unigrams), _PART_FILLER.join(positional), " ".join(found)


def normalize_index_number(value: str) -> str:
    """索引号 compared exactly, ignoring spaces, width and case."""
    return "".join(unicodedata.normalize("NFKC", value).split()).upper()
