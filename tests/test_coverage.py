"""Coverage of a small hand-made source: anchored, left-out and open sentences, paragraphs, markers."""

from __future__ import annotations

from argmap.coverage import State, source_coverage
from argmap.model import LeftOut

TEXT = """Überschrift

Erster Satz ist Hintergrund. Der Handel sank, weil Zahlungen fehlen.

Daher bleibt Russland vorsichtig. Das Wetter war schön.

Ein neuer Absatz ohne Anker. Doch er hat einen Marker.
"""


def span(quote: str) -> tuple[int, int]:
    start = TEXT.index(quote)
    return start, start + len(quote)


def test_counts_on_a_small_source() -> None:
    anchored = [(*span("Der Handel sank"), "trade-fell"), (*span("Daher bleibt Russland vorsichtig."), "careful")]
    start, end = span("Erster Satz ist Hintergrund.")
    left_out = (LeftOut(quote=TEXT[start:end], start=start, end=end, reason="background"),)
    coverage = source_coverage("text", TEXT, "de", anchored, left_out)
    states = [(TEXT[s.start : s.end], s.state, s.claims) for s in coverage.sentences]
    assert states == [
        ("Erster Satz ist Hintergrund.", State.LEFT_OUT, ()),
        ("Der Handel sank, weil Zahlungen fehlen.", State.ANCHORED, ("trade-fell",)),
        ("Daher bleibt Russland vorsichtig.", State.ANCHORED, ("careful",)),
        ("Das Wetter war schön.", State.OPEN, ()),
        ("Ein neuer Absatz ohne Anker.", State.OPEN, ()),
        ("Doch er hat einen Marker.", State.OPEN, ()),
    ]
    assert coverage.count(State.ANCHORED) == 2 and coverage.count(State.LEFT_OUT) == 1
    assert coverage.share == 0.5
    (paragraph,) = coverage.paragraphs_without_claims()
    assert [TEXT[s.start : s.end] for s in paragraph] == ["Ein neuer Absatz ohne Anker.", "Doch er hat einen Marker."]
    assert [TEXT[s.start : s.end] for s in coverage.open_with_markers()] == ["Doch er hat einen Marker."]


def test_left_out_passages_follow_their_quote_and_report_when_lost() -> None:
    moved = LeftOut(quote="Das Wetter war schön.", start=0, end=21)
    gone = LeftOut(quote="Nicht mehr im Text.", start=0, end=19)
    coverage = source_coverage("text", TEXT, "de", [], (moved, gone))
    assert coverage.lost_left_out == [gone]
    assert [TEXT[s.start : s.end] for s in coverage.sentences if s.state is State.LEFT_OUT] == ["Das Wetter war schön."]


def test_everything_left_out_is_full_coverage() -> None:
    whole = LeftOut(quote=TEXT, start=0, end=len(TEXT), reason="not argumentative")
    coverage = source_coverage("text", TEXT, "de", [], (whole,))
    assert coverage.share == 1.0 and coverage.paragraphs_without_claims() == []
    assert source_coverage("empty", "", "de", []).share == 1.0
