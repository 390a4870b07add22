"""The source pane's annotation keys, pressed through Pilot in the real editor on a German source.

A, O, P make a claim from a passage; f suggests passages and x attaches one; M
highlights argument markers; w goes to the next sentence with a marker that nothing
covers; X leaves a passage out (and takes it back); the status line shows coverage.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from argmap import ops, store
from argmap.graph import MapGraph
from argmap.sources import describe_source
from argmap.tui.screens import annotating
from argmap.tui.screens.choices import ChoiceScreen
from argmap.tui.screens.editor import EditorScreen
from argmap.tui.widgets.prompt_bar import PromptBar, PromptInput
from argmap.tui.widgets.source_pane import SourcePane
from argmap.tui.widgets.status_line import StatusLine
from tests.conftest import build_uniforms_map
from tests.tui.helpers import SIZE, editor_app, open_editor, select

GERMAN = (
    "Schuluniformen im Streit\n\n"
    "Viele Eltern fordern Schuluniformen. Sie sagen, Uniformen verringern Mobbing, weil Kinder nicht mehr nach "
    "ihrer Kleidung beurteilt werden.\n\n"
    "Andere antworten, dass Uniformen Familien Geld kosten. Daher lehnen viele Familien sie ab. "
    "Das Wetter war an diesem Tag schön.\n"
)


def write_german(folder: Path) -> Path:
    path = folder / "uniforms.argmap.json"
    (folder / "rede.de.txt").write_text(GERMAN, encoding="utf-8")
    graph = MapGraph(build_uniforms_map())
    source_id, source = describe_source(path, folder / "rede.de.txt")
    graph.apply(ops.add_source(graph, source_id, source))
    graph.apply(ops.set_translation(graph, "cost", "de", "Uniformen kosten die Familien Geld."))
    store.save(graph.map, path)
    return path


def status(screen: EditorScreen) -> str:
    return str(screen.query_one(StatusLine).render())


def span(quote: str) -> tuple[int, int]:
    start = GERMAN.index(quote)
    return start, start + len(quote)


async def test_a_reason_from_the_sentence_at_the_cursor_keeps_its_wording_as_translation(tmp_path: Path) -> None:
    path = write_german(tmp_path)
    app = editor_app(path)
    sentence = "Daher lehnen viele Familien sie ab."
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_editor(pilot)
        select(screen, "cost")
        area = screen.source_area
        area.focus()
        area.move_cursor(area.location(span(sentence)[0] + 3))
        await pilot.press("A")
        bar = screen.query_one(PromptBar)
        assert bar.is_open and screen.query_one(PromptInput).value == sentence
        screen.query_one(PromptInput).value = "Many families reject them for that reason."
        await pilot.press("enter")
        assert isinstance(app.screen, ChoiceScreen)
        await pilot.press("enter")  # keep the passage as the German text
        await pilot.pause()
        new = screen.argument_tree.current
        assert new is not None
        claim = app.document.map.claims[new.claim]
        assert claim.text == "Many families reject them for that reason."
        assert claim.translations == {"de": sentence}
        assert [(a.start, a.end) for a in claim.evidence] == [span(sentence)]
        assert app.document.map.relations[new.relation or ""].target == "cost"
        await pilot.press("ctrl+z")
        assert new.claim not in app.document.map.claims


async def test_an_objection_from_a_selected_passage_without_translation_and_a_co_premise(tmp_path: Path) -> None:
    path = write_german(tmp_path)
    app = editor_app(path)
    passage = "Uniformen verringern Mobbing"
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_editor(pilot)
        select(screen, "thesis")
        screen.source_area.select_passage(*span(passage))
        await pilot.press("O", "enter", "down", "enter")  # keep the text as it is, no translation
        await pilot.pause()
        new = screen.argument_tree.current
        assert new is not None and app.document.map.claims[new.claim].translations == {}
        assert app.document.map.relations[new.relation or ""].type.value == "attack"
        assert app.document.map.claims[new.claim].evidence[0].quote == passage
        select(screen, "bullying")
        screen.source_area.select_passage(*span("weil Kinder nicht mehr nach ihrer Kleidung beurteilt werden"))
        await pilot.press("P", "enter", "escape")  # the translation question cancelled: nothing added
        assert len(app.document.map.relations["r-bullying"].premises) == 2
        await pilot.press("P", "enter", "enter")
        await pilot.pause()
        assert len(app.document.map.relations["r-bullying"].premises) == 3


async def test_suggestions_select_the_best_passage_and_x_attaches_it(tmp_path: Path) -> None:
    path = write_german(tmp_path)
    app = editor_app(path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_editor(pilot)
        select(screen, "cost")
        await pilot.press("f")
        area = screen.source_area
        first = area.selected_span()
        assert (
            first is not None
            and GERMAN[first[0] : first[1]] == "Andere antworten, dass Uniformen Familien Geld kosten."
        )
        assert area.marks["suggestion"] and "suggestion 1 of" in str(screen.query_one(SourcePane).border_subtitle)
        await pilot.press("f")
        assert area.selected_span() != first
        while area.selected_span() != first:  # f goes round the suggestions
            await pilot.press("f")
        await pilot.press("x")
        assert [(a.start, a.end) for a in app.document.map.claims["cost"].evidence] == [first]
        select(screen, "thesis")
        await pilot.pause()
        assert "suggestion" not in area.marks


async def test_markers_coverage_next_open_sentence_and_leaving_out(tmp_path: Path) -> None:
    path = write_german(tmp_path)
    app = editor_app(path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_editor(pilot)
        area = screen.source_area
        assert "0 % covered" in status(screen)
        await pilot.press("M")
        marked = {GERMAN[a:b] for a, b in area.marks["marker"]}
        assert marked == {"weil", "Daher"}
        await pilot.press("M")
        assert "marker" not in area.marks
        await pilot.press("w")
        assert area.selected_span() == span(
            "Sie sagen, Uniformen verringern Mobbing, weil Kinder nicht mehr nach ihrer Kleidung beurteilt werden."
        )
        await pilot.press("w")
        assert area.selected_span() == span("Daher lehnen viele Familien sie ab.")
        area.move_cursor(area.location(span("Das Wetter")[0]))
        await pilot.press("minus")
        assert screen.query_one(PromptInput).value == "background"
        await pilot.press("enter")
        (left,) = app.document.map.sources["rede"].left_out
        assert (left.quote, left.reason) == ("Das Wetter war an diesem Tag schön.", "background")
        assert "20 % covered" in status(screen) and area.marks["left-out"] == [span(left.quote)]
        await pilot.press("minus")
        assert app.document.map.sources["rede"].left_out == ()
        assert "0 % covered" in status(screen) and "left-out" not in area.marks
        await pilot.press("ctrl+z")
        assert "20 % covered" in status(screen)


async def test_a_long_source_is_split_in_a_thread(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(annotating, "SENTENCES_IN_THREAD", 10)
    path = write_german(tmp_path)
    app = editor_app(path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_editor(pilot)
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "0 % covered" in status(screen)
        await pilot.press("w")
        assert screen.source_area.selected_span() is not None
        await pilot.press("minus", "enter")  # leave the selected sentence out: counted again in a thread
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "20 % covered" in status(screen)
        select(screen, "cost")
        await pilot.press("f")  # the first f indexes the text in a thread, then selects the best passage
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert screen.source_area.selected_span() == span("Andere antworten, dass Uniformen Familien Geld kosten.")
