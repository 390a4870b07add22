"""How much of a source text the map covers: anchored sentences, left-out ones, the rest.

A sentence (headings excluded) is *anchored* when some claim's evidence
overlaps it, *left out* when a passage the source lists in ``left_out``
overlaps it (background, an aside: a decision, not an oversight), and *open*
otherwise.  Coverage is the share of sentences anchored or left out, so it
reaches 100 % honestly.  The open sentences that hold an argument marker are
the ones an annotator most likely still has to map.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from enum import StrEnum

from argmap.markers import MarkerHit, find_markers
from argmap.model import ArgMap, LeftOut
from argmap.sentences import Sentence, split_sentences


class State(StrEnum):
    ANCHORED = "anchored"
    LEFT_OUT = "left-out"
    OPEN = "open"


@dataclass(frozen=True, slots=True)
class SentenceCoverage:
    """One sentence: where it is, whether it is covered, by which claims, and its argument markers."""

    start: int
    end: int
    paragraph: int
    state: State
    claims: tuple[str, ...] = ()
    markers: tuple[MarkerHit, ...] = ()


@dataclass(frozen=True, slots=True)
class SourceCoverage:
    """The coverage of one source text."""

    source_id: str
    sentences: list[SentenceCoverage]
    lost_left_out: list[LeftOut] = field(default_factory=list)
    """Left-out passages whose quote is no longer in the text (they cover nothing)."""

    def count(self, state: State) -> int:
        return sum(1 for sentence in self.sentences if sentence.state is state)

    @property
    def share(self) -> float:
        """The share of sentences anchored or left out (1.0 for a text without sentences)."""
        if not self.sentences:
            return 1.0
        return (len(self.sentences) - self.count(State.OPEN)) / len(self.sentences)

    def paragraphs_without_claims(self) -> list[list[SentenceCoverage]]:
        """The paragraphs (their sentences) no claim is anchored in, not counting wholly left-out ones."""
        by_paragraph: dict[int, list[SentenceCoverage]] = {}
        for sentence in self.sentences:
            by_paragraph.setdefault(sentence.paragraph, []).append(sentence)
        return [
            group
            for group in by_paragraph.values()
            if all(s.state is not State.ANCHORED for s in group) and any(s.state is State.OPEN for s in group)
        ]

    def open_with_markers(self) -> list[SentenceCoverage]:
        """The open sentences that hold an argument marker, in text order."""
        return [s for s in self.sentences if s.state is State.OPEN and s.markers]


def locate_left_out(passage: LeftOut, text: str) -> tuple[int, int] | None:
    """Where a left-out passage stands: at its offsets, else where its quote is found first; None if gone."""
    if text[passage.start : passage.end] == passage.quote:
        return passage.start, passage.end
    at = text.find(passage.quote)
    return (at, at + len(passage.quote)) if at >= 0 else None


@dataclass(frozen=True, slots=True)
class Sentences:
    """A text's sentences (headings left out) with the argument markers of each: what coverage is counted on.

    Worked out once per text; the counts are cheap to redo after every change of the map.
    """

    sentences: list[Sentence]
    markers: list[tuple[MarkerHit, ...]]

    @classmethod
    def of(cls, text: str, language: str) -> Sentences:
        sentences = [sentence for sentence in split_sentences(text) if not sentence.heading]
        markers = [tuple(find_markers(text, language, s.start, s.end)) for s in sentences]
        return cls(sentences, markers)

    def overlapping(self, start: int, end: int) -> range:
        """The positions of the sentences that share a character with ``start``–``end``."""
        first = bisect_right(self.sentences, start, key=lambda sentence: sentence.end)
        last = bisect_left(self.sentences, end, key=lambda sentence: sentence.start)
        return range(first, max(first, last))


def source_coverage(
    source_id: str,
    text: str,
    language: str,
    anchored: list[tuple[int, int, str]],
    left_out: tuple[LeftOut, ...] = (),
    sentences: Sentences | None = None,
) -> SourceCoverage:
    """The coverage of ``text`` by the ``anchored`` passages (start, end, claim id) and the left-out ones.

    ``sentences`` are the text's, if already worked out.
    """
    split = sentences if sentences is not None else Sentences.of(text, language)
    claims: list[set[str]] = [set() for _ in split.sentences]
    for start, end, claim in anchored:
        for position in split.overlapping(start, end):
            claims[position].add(claim)
    left: set[int] = set()
    lost = []
    for passage in left_out:
        where = locate_left_out(passage, text)
        if where is None:
            lost.append(passage)
        else:
            left.update(split.overlapping(*where))
    found = [
        SentenceCoverage(
            sentence.start,
            sentence.end,
            sentence.paragraph,
            State.ANCHORED if claims[n] else State.LEFT_OUT if n in left else State.OPEN,
            tuple(sorted(claims[n])),
            split.markers[n],
        )
        for n, sentence in enumerate(split.sentences)
    ]
    return SourceCoverage(source_id, found, lost)


def anchored_passages(argmap: ArgMap, source_id: str) -> list[tuple[int, int, str]]:
    """Every evidence passage into ``source_id``: (start, end, claim id)."""
    return [
        (anchor.start, anchor.end, claim_id)
        for claim_id, claim in argmap.claims.items()
        for anchor in claim.evidence
        if anchor.source == source_id
    ]


def map_coverage(argmap: ArgMap, source_id: str, text: str, sentences: Sentences | None = None) -> SourceCoverage:
    """The coverage of one of the map's sources, whose text is ``text`` (and ``sentences``, if worked out)."""
    source = argmap.sources[source_id]
    anchored = anchored_passages(argmap, source_id)
    return source_coverage(source_id, text, source.language, anchored, source.left_out, sentences)
