"""Splitting a source text into paragraphs, headings and sentences, with their offsets.

The rules are argmap's own (see docs/performance.md for why not ``pysbd``): a
sentence ends at ``.``, ``!``, ``?`` or ``…``, with any closing quotes and
brackets after it, where whitespace and then the start of a new sentence follow
(a capital letter, a digit or an opening quote).  A dot does not end a sentence
after a known abbreviation (``z. B.``, ``u. a.``, ``Dr.``, ``bzw.``, ``ca.``,
``Nr.``, ``e.g.``), after a single letter (initials), or after an ordinal
(``am 13. September``, ``2. Weltkrieg``, but ``zuletzt 2009. Der`` ends one);
a dot with a closing quote after it always ends one (``„Nr.“ Dann``).
A paragraph is text between blank lines; a paragraph of one short line with no
closing punctuation is a heading.  Offsets are code points into the text, as
in the anchors.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


ABBREVIATIONS = _words(
    """
    abb abs abt bd bspw bzgl bzw ca chr dgl dr dt ebd etc evtl f ff fa fr frl gegr gem ggf hg hr hrsg inkl jh jhd
    jr kap lt mio mrd mr mrs ms nr nrn o od prof rd s sog st str tel u usf usw v vgl vs z zt zzgl
    al approx cf dept e eg est fig i ie inc jan feb mar apr jun jul aug sep sept oct okt nov dec dez no p pp vol
    """
)
"""Words (lower case, without their dot) after which a dot does not end a sentence."""

ENDS_LIST = frozenset({"usw", "etc", "usf"})
"""Abbreviations that may also close a sentence: they end one when a capital letter follows."""

MONTHS = _words(
    """
    januar jänner februar märz april mai juni juli august september oktober november dezember
    january february march may june july october december
    """
)

SENTENCE_STARTERS = _words(
    """
    der die das dies diese dieser dieses es er sie wir ich ihr man in im am an auf aus bei mit nach von vor zu zum
    zur und aber doch denn so auch noch nur schon damit dann daher deshalb jedoch trotzdem dennoch als wenn weil
    the a an this these that it he she we they i in on at but and so yet however then there
    """
)
"""Words that start a sentence after a number with a dot: ``2009. Der`` ends one, ``2. Weltkrieg`` does not."""

_END = re.compile(r"[.!?…]+[\"'»«“”‘’)\]]*(?=\s)")
_NEXT = re.compile(r"\s+([\"'„“‚‘«»(\[]*)(\w)", re.UNICODE)
_WORD_BEFORE = re.compile(r"(\w+)$")
_WORD = re.compile(r"\w+")
_BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n\s*")
_CLOSING = ".!?…:\"'»«“”‘’)]"


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence's offsets, the paragraph it stands in (counted from 0) and whether it is a heading."""

    start: int
    end: int
    paragraph: int
    heading: bool = False


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A block of text between blank lines, and whether it is a heading."""

    start: int
    end: int
    heading: bool


def paragraphs(text: str) -> list[Paragraph]:
    """The text's paragraphs (between blank lines), outer whitespace left out."""
    found: list[Paragraph] = []
    position = 0
    for blank in [*_BLANK_LINE.finditer(text), None]:
        stop = blank.start() if blank else len(text)
        start, end = _strip(text, position, stop)
        if start < end:
            found.append(Paragraph(start, end, _is_heading(text[start:end])))
        position = blank.end() if blank else len(text)
    return found


def _is_heading(paragraph: str) -> bool:
    """One short line that does not close like a sentence."""
    return "\n" not in paragraph and len(paragraph) <= 120 and paragraph[-1] not in _CLOSING


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def split_sentences(text: str) -> list[Sentence]:
    """Every sentence of ``text`` in order, headings included (marked as such)."""
    sentences: list[Sentence] = []
    for number, paragraph in enumerate(paragraphs(text)):
        if paragraph.heading:
            sentences.append(Sentence(paragraph.start, paragraph.end, number, heading=True))
            continue
        start = paragraph.start
        for end in _ends(text, paragraph.start, paragraph.end):
            first, last = _strip(text, start, end)
            if first < last:
                sentences.append(Sentence(first, last, number))
            start = end
        first, last = _strip(text, start, paragraph.end)
        if first < last:
            sentences.append(Sentence(first, last, number))
    return sentences


def _ends(text: str, start: int, end: int) -> list[int]:
    """Where sentences end in ``text[start:end]`` (exclusive offsets), the paragraph's own end not included."""
    ends: list[int] = []
    for match in _END.finditer(text, start, end):
        following = _NEXT.match(text, match.end(), end)
        if following is None:
            continue
        if not following.group(1) and following.group(2).islower():
            continue
        if match.group() == "." and not _dot_ends(text, match.start(), following):
            continue
        ends.append(match.end())
    return ends


def _dot_ends(text: str, dot: int, following: re.Match[str]) -> bool:
    """Whether the dot at ``dot`` ends a sentence, judged from the word before it and the one after."""
    before = _WORD_BEFORE.search(text, max(0, dot - 40), dot)
    if before is None:
        return True
    word = before.group(1)
    next_word = _WORD.match(text, following.start(2))
    after = next_word.group().lower() if next_word else ""
    if word.isdigit():
        if after in MONTHS:
            return False
        return len(word) >= 4 or after in SENTENCE_STARTERS
    lowered = word.lower()
    if lowered in ENDS_LIST:
        return True
    return not (lowered in ABBREVIATIONS or len(word) == 1)


def sentence_at(sentences: list[Sentence], index: int) -> Sentence | None:
    """The sentence that holds ``index`` (or ends right at it), if any; ``sentences`` in text order."""
    position = bisect_right(sentences, index, key=lambda sentence: sentence.start) - 1
    if position >= 0 and sentences[position].start <= index <= sentences[position].end:
        return sentences[position]
    return None
