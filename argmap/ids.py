"""Readable, stable ids made from claim texts (``no-economic-complementarity``)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Container

_FOLD = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss"})
_STOP = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "to",
        "and",
        "or",
        "is",
        "are",
        "was",
        "be",
        "in",
        "on",
        "for",
        "with",
        "that",
        "this",
        "its",
        "it",
    ]
)
MAX_WORDS = 5


def slugify(text: str, max_words: int = MAX_WORDS) -> str:
    """A lowercase ASCII slug of the first meaningful words of ``text``."""
    folded = unicodedata.normalize("NFKD", text.translate(_FOLD)).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", folded.lower())
    meaningful = [w for w in words if w not in _STOP] or words
    return "-".join(meaningful[:max_words]) or "claim"


def unique_id(base: str, taken: Container[str]) -> str:
    """``base``, or ``base-2``, ``base-3``… whichever is not yet taken."""
    if base not in taken:
        return base
    n = 2
    while f"{base}-{n}" in taken:
        n += 1
    return f"{base}-{n}"
