"""Sentence splitting: German abbreviations, ordinals, dates and quotes; headings kept apart."""

from __future__ import annotations

from pathlib import Path

import pytest

from argmap.sentences import paragraphs, sentence_at, split_sentences

ROOT = Path(__file__).resolve().parent.parent


def sentences_of(text: str) -> list[str]:
    return [text[s.start : s.end] for s in split_sentences(text) if not s.heading]


@pytest.mark.parametrize(
    "text",
    [
        "Das gilt z. B. für Dr. Müller.",
        "Das gilt z.B. für viele, u. a. in Berlin.",
        "Sie kamen bzw. schrieben ca. 30 Briefe.",
        "Die Nr. 5 kam als Erste.",
        "Es begann am 13. September 2023 in Berlin.",
        "Im 2. Weltkrieg war das anders.",
        "Am 03.10.1990 kam die Einheit.",
        "Er sagte: „Das ist gut.“, und ging.",
        "„Geht das?“, fragte sie.",
        "Das steht auf S. 12 des Berichts.",
        "Der Rest usw. folgte später.",
        "Das gilt, d. h. es gilt v. a. hier.",
        "J. R. R. Tolkien schrieb es.",
        "The U.S. economy grew, e.g. in Ohio.",
        "Prices rose by 2.5 per cent.",
    ],
)
def test_one_sentence_stays_whole(text: str) -> None:
    assert sentences_of(text) == [text]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Er kam. Sie ging.", ["Er kam.", "Sie ging."]),
        ("Er sagte: „Das ist gut.“ Dann ging er.", ["Er sagte: „Das ist gut.“", "Dann ging er."]),
        ("Sie rief «Halt!» Er blieb.", ["Sie rief «Halt!»", "Er blieb."]),
        ('He said "No." Then he left.', ['He said "No."', "Then he left."]),
        ("Es geschah zuletzt 2009. Der Rest folgte.", ["Es geschah zuletzt 2009.", "Der Rest folgte."]),
        ("Wirklich? Ja! Gut…", ["Wirklich?", "Ja!", "Gut…"]),
        ("Äpfel, Birnen usw. Die Liste ist lang.", ["Äpfel, Birnen usw.", "Die Liste ist lang."]),
        ("Das war es. „Neue Zeiten“ beginnen.", ["Das war es.", "„Neue Zeiten“ beginnen."]),
        ("Wir wissen es… aber nicht genau.", ["Wir wissen es… aber nicht genau."]),
    ],
)
def test_sentences_split_where_they_end(text: str, expected: list[str]) -> None:
    assert sentences_of(text) == expected


def test_headings_and_paragraphs() -> None:
    text = "Ein Titel ohne Punkt\n\nErster Satz. Zweiter Satz.\n\n\n  Dritter Satz.\n"
    found = split_sentences(text)
    assert [(text[s.start : s.end], s.paragraph, s.heading) for s in found] == [
        ("Ein Titel ohne Punkt", 0, True),
        ("Erster Satz.", 1, False),
        ("Zweiter Satz.", 1, False),
        ("Dritter Satz.", 2, False),
    ]
    assert [p.heading for p in paragraphs(text)] == [True, False, False]
    assert sentence_at(found, text.index("Zweiter") + 3) == found[2]
    assert sentence_at(found, text.index("\n\n") + 1) is None


def test_the_seed_article_has_53_sentences_and_two_headings() -> None:
    text = (ROOT / "maps/sources/russia-north-korea-2024-02.de.txt").read_text(encoding="utf-8")
    found = split_sentences(text)
    assert [text[s.start : s.end] for s in found if s.heading] == [
        "Fehlendes Interesse an wirtschaftlicher Kooperation",
        "Nordkorea braucht sicherheitspolitische Nähe – Russland nicht",
    ]
    assert len([s for s in found if not s.heading]) == 53
    assert all(text[s.end - 1] in ".!?…“" for s in found if not s.heading)
