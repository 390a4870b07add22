"""Passage suggestions: a claim's own passage ranks first; the seed map's figures hold."""

from __future__ import annotations

import time
from pathlib import Path

from argmap import store
from argmap.model import Claim
from argmap.sources import read_source_text
from argmap.suggest import PassageIndex, claim_texts, clauses, overlaps

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "maps" / "partnership-of-convenience.argmap.json"

SOURCE = """Die Lage

Russland und Nordkorea haben ihre Kontakte ausgebaut. Im Jahr 2014 betrug der Handel 93 Millionen Dollar.
Der Handel ist seitdem gesunken, weil Zahlungen und Logistik Probleme machen.

Moskau will seinen Sitz im UN-Sicherheitsrat nicht verlieren. Deshalb meidet es ein Bündnis mit Pjöngjang.
"""


def test_a_paraphrased_translation_finds_its_quote_first() -> None:
    index = PassageIndex(SOURCE, "de")
    claim = Claim(
        text="Trade has fallen since, as payments and logistics are a problem.",
        translations={"de": "Seither ging der Handel zurück, denn Zahlung und Logistik sind problematisch."},
    )
    best = index.suggest(claim_texts(claim, "en", "de"), top=3)
    quote = "Der Handel ist seitdem gesunken, weil Zahlungen und Logistik Probleme machen."
    assert SOURCE[best[0].start : best[0].end] in quote
    assert best[0].score > best[1].score


def test_numbers_and_look_alike_names_match_across_languages() -> None:
    index = PassageIndex(SOURCE, "de")
    best = index.suggest([("In 2014 trade came to 93 million dollars.", "en")], top=1)
    assert SOURCE[best[0].start : best[0].end] == "Im Jahr 2014 betrug der Handel 93 Millionen Dollar."
    best = index.suggest([("Moscow does not want to lose its UN Security Council seat.", "en")], top=1)
    assert SOURCE[best[0].start : best[0].end] == "Moskau will seinen Sitz im UN-Sicherheitsrat nicht verlieren."


def test_suggestions_do_not_overlap_and_skip_headings() -> None:
    index = PassageIndex(SOURCE, "de")
    found = index.suggest([("Handel Logistik Russland Moskau Lage", "de")], top=10)
    for number, one in enumerate(found):
        assert SOURCE[one.start : one.end] != "Die Lage"
        assert not any(one.start < other.end and other.start < one.end for other in found[number + 1 :])
    assert index.suggest([("", "de")]) == []


def test_clauses_are_the_pieces_between_commas_and_dashes() -> None:
    text = "Obwohl es seit Tagen stark regnet – und zwar sehr stark –, gehen wir heute hinaus, weil wir das so wollen."
    pieces = [text[a:b] for a, b in clauses(text, 0, len(text))]
    assert pieces == ["Obwohl es seit Tagen stark regnet", "weil wir das so wollen."]  # 5 words or more
    assert clauses("Ein Satz ohne Komma.", 0, 20) == []


def test_overlap_counts_half_of_the_shorter_passage() -> None:
    from argmap.suggest import Suggestion

    assert overlaps(Suggestion(0, 100, 1.0), 40, 60)
    assert overlaps(Suggestion(40, 60, 1.0), 0, 100)
    assert not overlaps(Suggestion(0, 50, 1.0), 40, 100)


def test_the_seed_map_reaches_the_recall_target_with_its_translations() -> None:
    argmap = store.load(SEED)
    source = argmap.sources["article"]
    text, _ = read_source_text(SEED, "article", source)
    index = PassageIndex(text, source.language)
    claims = [claim for claim in argmap.claims.values() if claim.evidence and "de" in claim.translations]
    hits = 0
    for claim in claims:
        found = index.suggest([(claim.translations["de"], "de")], top=3)
        hits += any(overlaps(one, anchor.start, anchor.end) for one in found for anchor in claim.evidence)
    assert hits / len(claims) >= 0.8


def test_one_query_is_fast_on_a_long_source() -> None:
    text = (ROOT / "maps/sources/russia-north-korea-2024-02.de.txt").read_text(encoding="utf-8")
    index = PassageIndex("\n\n".join([text] * 20), "de")
    started = time.perf_counter()
    index.suggest([("Der bilaterale Handel ist trotz besserer Beziehungen zurückgegangen.", "de")])
    assert time.perf_counter() - started < 0.5  # the 50 ms target is measured in benchmarks/annotate_bench.py
