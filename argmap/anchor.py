"""Evidence anchors: making them from a passage, and finding a quote again after edits.

Offsets are Unicode code points into the source text as decoded from UTF-8
without newline translation, so they agree with the SHA-256 of the file's bytes.
"""

from __future__ import annotations

from argmap.errors import ArgmapError
from argmap.model import Anchor

CONTEXT = 20
"""How many characters of text before and after a quote an anchor keeps."""


def make_anchor(source_id: str, text: str, start: int, end: int, speaker: str | None = None) -> Anchor:
    """The anchor for ``text[start:end]``, with its context."""
    if not 0 <= start < end <= len(text):
        raise ArgmapError(f"passage {start}–{end} is outside the source text (0–{len(text)})")
    return Anchor(
        source=source_id,
        quote=text[start:end],
        prefix=text[max(0, start - CONTEXT) : start],
        suffix=text[end : end + CONTEXT],
        start=start,
        end=end,
        speaker=speaker,
    )


def find_quote(source_id: str, text: str, quote: str, occurrence: int = 1) -> Anchor:
    """The anchor for the ``occurrence``-th place (1-based) where ``quote`` stands in ``text``."""
    start = -1
    for _ in range(occurrence):
        start = text.find(quote, start + 1)
        if start < 0:
            raise ArgmapError(
                f"quote not found in source {source_id!r}: {quote[:60]!r}",
                fix="copy the passage exactly as it stands in the text",
            )
    return make_anchor(source_id, text, start, start + len(quote))


def matches(anchor: Anchor, text: str) -> bool:
    """Whether the anchor's offsets still point at its quote."""
    return text[anchor.start : anchor.end] == anchor.quote


def relocate(anchor: Anchor, text: str) -> Anchor | None:
    """Where the quote stands now: the place whose context fits best, nearest the old one.

    Returns None when the quote is nowhere in the text any more.
    """
    candidates: list[int] = []
    at = text.find(anchor.quote)
    while at >= 0:
        candidates.append(at)
        at = text.find(anchor.quote, at + 1)
    if not candidates:
        return None

    def fit(start: int) -> tuple[int, int]:
        end = start + len(anchor.quote)
        before = text[max(0, start - len(anchor.prefix)) : start]
        after = text[end : end + len(anchor.suffix)]
        context = _common_suffix(before, anchor.prefix) + _common_prefix(after, anchor.suffix)
        return (-context, abs(start - anchor.start))

    best = min(candidates, key=fit)
    return make_anchor(anchor.source, text, best, best + len(anchor.quote), anchor.speaker)


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def _common_suffix(a: str, b: str) -> int:
    return _common_prefix(a[::-1], b[::-1])
