"""Pure rules of consultations: how alike two comments are, how contact details are masked.
No database, no Django."""

import re

from gongkai.core.masking import mask_phone

# Two comments whose character bigrams overlap this much say the same thing (a copied text
# with a name or a few words changed stays well above it; two different ideas on the same
# paragraph stay well below).
SIMILAR = 0.6

_NOISE = re.compile(r"[\s\W_]+", re.UNICODE)


def normalised(text: str) -> str:
    """The text without spaces and punctuation, Latin letters in lower case."""
    return _NOISE.sub("", text or "").lower()


def bigrams(text: str) -> frozenset[str]:
    plain = normalised(text)
    if len(plain) < 2:
        return frozenset({plain}) if plain else frozenset()
    return frozenset(plain[i : i + 2] for i in range(len(plain) - 1))


def similarity(a: str, b: str) -> float:
    """Jaccard similarity of the two texts' character bigrams, 0 to 1 (1 for equal texts)."""
    x, y = bigrams(a), bigrams(b)
    if not x and not y:
        return 1.0
    return len(x & y) / len(x | y)


def closest(text: str, candidates) -> tuple[object, float] | None:
    """The (key, text) candidate most like `text`, with its similarity, if it reaches SIMILAR."""
    mine = bigrams(text)
    best = None
    for key, other in candidates:
        theirs = bigrams(other)
        score = len(mine & theirs) / len(mine | theirs) if (mine or theirs) else 1.0
        if score >= SIMILAR and (best is None or score > best[1]):
            best = (key, score)
    return best


def mask_contact(value: str) -> str:
    """A phone number as 138****5678, an e-mail address as z***@example.com."""
    value = (value or "").strip()
    if not value:
        return ""
    if "@" in value:
        local, _, domain = value.partition("@")
        return (local[:1] + "***@" + domain) if local else "***@" + domain
    digits = re.sub(r"\D", "", value)
    if len(digits) >= 7:
        return mask_phone(digits)
    return value[:1] + "*" * (len(value) - 1)
