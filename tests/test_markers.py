"""Argument markers: the data files, whole-word matching, markers in two parts."""

from __future__ import annotations

from argmap.markers import find_markers, languages, markers, parse_markers


def found(text: str, language: str = "de") -> list[tuple[str, str, list[str]]]:
    return [
        (hit.marker.text, hit.marker.role, [text[a:b] for a, b in hit.spans]) for hit in find_markers(text, language)
    ]


def test_german_and_english_lists_ship_with_the_package() -> None:
    assert {"de", "en"} <= set(languages())
    german = {marker.text for marker in markers("de")}
    assert {"weil", "denn", "daher", "jedoch", "zwar … aber", "obwohl", "folglich", "vielmehr"} <= german
    english = {marker.text for marker in markers("en-GB")}
    assert {"because", "therefore", "however", "although", "not only … but also"} <= english
    assert markers("xx") == ()


def test_whole_words_any_case() -> None:
    assert found("Weil es regnet, bleiben wir; daher kochen wir.") == [
        ("weil", "reason", ["Weil"]),
        ("daher", "conclusion", ["daher"]),
    ]
    assert found("Die Dachrinne ist voll.") == []  # "da" inside a word is no marker


def test_a_marker_in_two_parts_wins_over_its_pieces() -> None:
    assert found("Das ist zwar teuer, aber es lohnt sich.") == [("zwar … aber", "contrast", ["zwar", "aber"])]
    assert found("Das ist teuer, aber es lohnt sich.") == [("aber", "contrast", ["aber"])]
    assert found("It is not only cheap but also good.", "en") == [
        ("not only … but also", "contrast", ["not only", "but also"])
    ]


def test_multi_word_markers_and_a_range() -> None:
    text = "Vorher. Aus diesem Grund bleibt er. Danach."
    start = text.index("Aus")
    hits = find_markers(text, "de", start, text.index("Danach"))
    assert [(h.marker.text, h.spans) for h in hits] == [("aus diesem Grund", ((start, start + 16),))]


def test_a_list_file_is_easy_to_write() -> None:
    parsed = parse_markers("# comment\n[reason]\nweil\n\n[contrast]\n zwar … aber \n")
    assert [(m.text, m.role, m.parts) for m in parsed] == [
        ("weil", "reason", (("weil",),)),
        ("zwar … aber", "contrast", (("zwar",), ("aber",))),
    ]
