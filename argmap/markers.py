"""Argument markers: the words that signal a reason, a conclusion, a contrast or a concession.

The lists are data files, one per language, in ``argmap/markers/LANG.txt``:
a ``[role]`` line starts a group, every other line is a marker (any case,
whole words), and ``…`` joins the parts of a marker that come apart in a
sentence (``zwar … aber``).  Extend a language by adding lines; add one by
adding a file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

WORD = re.compile(r"\w+(?:-\w+)*")
"""A word, hyphenated compounds whole: the unit markers and suggestions match on."""
GAP = "…"


@dataclass(frozen=True, slots=True)
class Marker:
    """One marker of a language: its parts (each a tuple of lower-case words) and its role."""

    text: str
    role: str
    parts: tuple[tuple[str, ...], ...]


@dataclass(frozen=True, slots=True)
class MarkerHit:
    """Where a marker stands: one (start, end) span per part, as offsets into the text."""

    marker: Marker
    spans: tuple[tuple[int, int], ...]


def base_language(language: str) -> str:
    """``de`` for ``de``, ``de-CH`` or ``DE_at``: the key of a language's data files."""
    return re.split(r"[-_]", language.strip().lower(), maxsplit=1)[0]


def languages() -> list[str]:
    """The languages that have a marker list."""
    folder = resources.files("argmap") / "markers"
    return sorted(entry.name.removesuffix(".txt") for entry in folder.iterdir() if entry.name.endswith(".txt"))


@cache
def markers(language: str) -> tuple[Marker, ...]:
    """The markers of ``language`` (none for a language without a list)."""
    language = base_language(language)
    if language not in languages():
        return ()
    text = (resources.files("argmap") / "markers" / f"{language}.txt").read_text(encoding="utf-8")
    return parse_markers(text)


def parse_markers(text: str) -> tuple[Marker, ...]:
    """The markers a list file describes (see the module's docstring)."""
    found: list[Marker] = []
    role = ""
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            role = line[1:-1].strip()
            continue
        parts = tuple(tuple(WORD.findall(part.lower())) for part in line.split(GAP))
        if all(parts):
            found.append(Marker(line, role, parts))
    return tuple(found)


@cache
def _by_first_word(language: str) -> dict[str, tuple[Marker, ...]]:
    table: dict[str, list[Marker]] = {}
    for marker in markers(language):
        table.setdefault(marker.parts[0][0], []).append(marker)
    return {word: tuple(group) for word, group in table.items()}


def find_markers(text: str, language: str, start: int = 0, end: int | None = None) -> list[MarkerHit]:
    """The markers in ``text[start:end]`` (one sentence, so that parts apart stay in it), in text order.

    A marker found inside a longer one (``aber`` in ``zwar … aber``) is left out.
    """
    table = _by_first_word(language)
    if not table:
        return []
    found = WORD.finditer(text, start, len(text) if end is None else end)
    words = [(match.group().lower(), match.start(), match.end()) for match in found]
    hits: list[MarkerHit] = []
    for position, (word, _, _) in enumerate(words):
        for marker in table.get(word, ()):
            spans = _match_parts(words, position, marker.parts)
            if spans is not None:
                hits.append(MarkerHit(marker, spans))
    return _drop_contained(hits)


def _match_parts(
    words: list[tuple[str, int, int]], position: int, parts: tuple[tuple[str, ...], ...]
) -> tuple[tuple[int, int], ...] | None:
    """The spans of ``parts`` with the first one at ``position`` and each later one after the previous, or None."""
    spans: list[tuple[int, int]] = []
    at = position
    for number, part in enumerate(parts):
        if number:
            at = next((i for i in range(at, len(words)) if _part_at(words, i, part)), -1)
            if at < 0:
                return None
        elif not _part_at(words, at, part):
            return None
        spans.append((words[at][1], words[at + len(part) - 1][2]))
        at += len(part)
    return tuple(spans)


def _part_at(words: list[tuple[str, int, int]], at: int, part: tuple[str, ...]) -> bool:
    return at + len(part) <= len(words) and all(words[at + i][0] == word for i, word in enumerate(part))


def _drop_contained(hits: list[MarkerHit]) -> list[MarkerHit]:
    def covered(small: MarkerHit, large: MarkerHit) -> bool:
        return small is not large and all(
            any(begin <= a and b <= end for begin, end in large.spans) for a, b in small.spans
        )

    kept = [hit for hit in hits if not any(covered(hit, other) and _size(other) > _size(hit) for other in hits)]
    return sorted(kept, key=lambda hit: hit.spans[0])


def _size(hit: MarkerHit) -> int:
    return sum(end - start for start, end in hit.spans)
