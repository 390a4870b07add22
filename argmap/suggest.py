"""Passages suggested for a claim: the source's sentences and clauses ranked by shared words.

Offline and lexical: each sentence and clause of the source is indexed by the
Snowball stems of its words (numbers, names and dates are words too), and a
claim's texts are scored against them with BM25, the ranking search engines
use.  A text in the source's language (the claim's translation into it) is
compared stem by stem; a text in another language (an English claim on a
German article) can only share names, numbers and look-alike words
(``Sanktionen``/``sanctions``, ``Moskau``/``Moscow``), so it is compared by a
rough spelling key of each word and counts for less.  docs/performance.md has
the figures that chose this over a multilingual model.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

import snowballstemmer

from argmap.markers import base_language
from argmap.model import Claim
from argmap.sentences import split_sentences

K1 = 1.2
B = 0.3
"""BM25's usual parameters: how fast repeated words stop counting, how much length matters."""
OTHER_LANGUAGE_WEIGHT = 0.5
"""How much a text in another language than the source's counts against one in its language."""
KEY_LENGTH = 4
"""Letters of a word's spelling key: 4 found most passages by English text alone on the seed map (5: 0.74, 4: 0.81)."""
CLAUSE_WORDS = 5
"""A clause needs this many words to be suggested on its own."""

_WORD = re.compile(r"\w+")
_CLAUSE_BREAK = re.compile(r"\s*[,;:–—()]\s*|\s+-\s+")
_SPELLING = str.maketrans({"ä": "a", "ö": "o", "ü": "u", "ß": "s", "c": "k", "y": "i", "j": "i", "z": "s", "w": "v"})
STEMMERS = {
    "ar": "arabic",
    "da": "danish",
    "de": "german",
    "el": "greek",
    "en": "english",
    "es": "spanish",
    "fi": "finnish",
    "fr": "french",
    "hu": "hungarian",
    "it": "italian",
    "nl": "dutch",
    "no": "norwegian",
    "pt": "portuguese",
    "ro": "romanian",
    "ru": "russian",
    "sv": "swedish",
    "tr": "turkish",
}
"""Language codes and the Snowball stemmer of each; other languages are matched on whole words."""


@dataclass(frozen=True, slots=True)
class Suggestion:
    """A passage of the source and how well it matches (higher is better)."""

    start: int
    end: int
    score: float


@lru_cache(maxsize=32)
def _stemmer(language: str) -> snowballstemmer.Stemmer | None:
    name = STEMMERS.get(base_language(language))
    return snowballstemmer.stemmer(name) if name else None


@lru_cache(maxsize=200_000)
def _stem(language: str, word: str) -> str:
    stemmer = _stemmer(language)
    return stemmer.stemWord(word) if stemmer else word


@lru_cache(maxsize=200_000)
def spelling_key(word: str) -> str:
    """A key that look-alike words of two languages often share: ``Moskau``/``Moscow`` → ``mosk``… ."""
    plain = unicodedata.normalize("NFKD", word.lower().translate(_SPELLING))
    plain = "".join(char for char in plain if not unicodedata.combining(char)).replace("kh", "k").replace("ph", "f")
    return plain[:KEY_LENGTH]


def clear_word_caches() -> None:
    """Forget every stem and spelling key worked out so far (to time a start from nothing)."""
    _stem.cache_clear()
    spelling_key.cache_clear()


def index_terms(text: str, language: str) -> list[str]:
    """A source passage's terms: the stems (``s:``) of its words and their spelling keys (``k:``)."""
    words = [word.lower() for word in _WORD.findall(text)]
    return [f"s:{_stem(language, word)}" for word in words] + [f"k:{spelling_key(word)}" for word in words]


def query_terms(text: str, language: str, source_language: str) -> tuple[list[str], float]:
    """A claim text's terms and their weight: stems in the source's language, spelling keys across languages."""
    words = [word.lower() for word in _WORD.findall(text)]
    if base_language(language) == base_language(source_language):
        return [f"s:{_stem(source_language, word)}" for word in words], 1.0
    keys = [f"k:{spelling_key(word)}" for word in words if len(word) >= 3 or word.isdigit()]
    return keys, OTHER_LANGUAGE_WEIGHT


def clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The clauses of the sentence ``text[start:end]`` (pieces between commas, dashes…) long enough to stand alone.

    A sentence that is one piece has none.
    """
    pieces: list[tuple[int, int]] = []
    position = start
    for match in [*_CLAUSE_BREAK.finditer(text, start, end), None]:
        stop = match.start() if match else end
        if len(_WORD.findall(text, position, stop)) >= CLAUSE_WORDS:
            pieces.append((position, stop))
        position = match.end() if match else end
    return pieces if len(pieces) > 1 else []


class PassageIndex:
    """Every sentence and clause of one source text (headings left out), ready to rank."""

    def __init__(self, text: str, language: str) -> None:
        self.text = text
        self.language = language
        units: list[tuple[int, int]] = []
        for sentence in split_sentences(text):
            if not sentence.heading:
                units.append((sentence.start, sentence.end))
                units.extend(clauses(text, sentence.start, sentence.end))
        self.units = units
        postings: dict[str, list[tuple[int, int]]] = {}
        lengths: list[int] = []
        for number, (start, end) in enumerate(units):
            counts = Counter(index_terms(text[start:end], language))
            lengths.append(sum(counts.values()))
            for term, count in counts.items():
                postings.setdefault(term, []).append((number, count))
        self.postings = postings
        self.lengths = lengths
        self.average_length = sum(lengths) / len(lengths) if lengths else 0.0

    def idf(self, term: str) -> float:
        found = len(self.postings.get(term, ()))
        return math.log(1 + (len(self.units) - found + 0.5) / (found + 0.5))

    def scores(self, texts: Iterable[tuple[str, str]]) -> dict[int, float]:
        """Each unit's BM25 score for ``texts`` (each a text and its language), summed over the texts."""
        total: dict[int, float] = {}
        for text, language in texts:
            found, weight = query_terms(text, language, self.language)
            for term in set(found):
                postings = self.postings.get(term)
                if not postings:
                    continue
                idf = self.idf(term) * weight
                for unit, count in postings:
                    norm = count + K1 * (1 - B + B * self.lengths[unit] / self.average_length)
                    total[unit] = total.get(unit, 0.0) + idf * count * (K1 + 1) / norm
        return total

    def suggest(self, texts: Iterable[tuple[str, str]], top: int = 5) -> list[Suggestion]:
        """The ``top`` best passages for ``texts``, best first, none overlapping a better one."""
        ranked = sorted(self.scores(texts).items(), key=lambda item: (-item[1], item[0]))
        chosen: list[Suggestion] = []
        for unit, score in ranked:
            start, end = self.units[unit]
            if any(start < other.end and other.start < end for other in chosen):
                continue
            chosen.append(Suggestion(start, end, score))
            if len(chosen) == top:
                break
        return chosen


def claim_texts(claim: Claim, map_language: str, source_language: str) -> list[tuple[str, str]]:
    """What a claim is matched by: its translation into the source's language (if any) and its own text."""
    texts: list[tuple[str, str]] = []
    wanted = base_language(source_language)
    for language, translation in claim.translations.items():
        if base_language(language) == wanted and translation.strip():
            texts.append((translation, language))
    if claim.text.strip():
        texts.append((claim.text, map_language))
    return texts


def overlaps(suggestion: Suggestion, start: int, end: int) -> bool:
    """Whether a suggestion finds the passage ``start``–``end``: they share at least half of the shorter one."""
    shared = min(suggestion.end, end) - max(suggestion.start, start)
    return shared > 0 and shared * 2 >= min(suggestion.end - suggestion.start, end - start)
