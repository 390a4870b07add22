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
MAX_SLUG = 60
"""A slug's length at most: a word of 300 letters makes a readable id no longer."""
MAX_ID = 200
"""The longest id the file format accepts (``argmap.model.Id``)."""


def slugify(text: str, max_words: int = MAX_WORDS) -> str:
    """A lowercase ASCII slug of the first meaningful words of ``text``, at most :data:`MAX_SLUG` long."""
    folded = unicodedata.normalize("NFKD", text.translate(_FOLD)).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", folded.lower())
    meaningful = [w for w in words if w not in _STOP] or words
    slug = "-".join(meaningful[:max_words])
    if len(slug) > MAX_SLUG:
        cut = slug[:MAX_SLUG].rstrip("-")
        whole_words = cut.rsplit("-", 1)[0]
        slug = whole_words if len(whole_words) >= MAX_SLUG // 2 else cut
    return slug or "claim"


def unique_id(base: str, taken: Container[str], limit: int | None = MAX_ID) -> str:
    """``base``, or ``base-2``, ``base-3``… whichever is not yet taken, cut to at most ``limit`` characters."""
    width = limit or len(base) + 20
    base = base[:width]
    if base not in taken:
        return base
    n = 2
    while f"{base[: width - len(str(n)) - 1]}-{n}" in taken:
        n += 1
    return f"{base[: width - len(str(n)) - 1]}-{n}"
