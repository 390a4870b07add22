"""At 80×24 every dialog keeps its choices, its hint and its edit box on the screen.

A dialog taller than the terminal was cut at the bottom: the merge-conflict dialog
lost its edit box and hint, a deletion that takes many claims along pushed its
choices out of view.  Long bodies now scroll inside the dialog.
"""

from __future__ import annotations

from pathlib import Path

from textual.widget import Widget
from textual.widgets import Label

from argmap import ops, store
from argmap.graph import MapGraph
from argmap.model import RelationType
from argmap.tui.app import ArgmapApp
from argmap.tui.screens.choices import ConfirmDeleteScreen
from argmap.tui.screens.conflicts import ConflictScreen
from argmap.tui.screens.panels import HelpScreen
from argmap.tui.widgets.prompt_bar import PromptInput
from tests.tui.helpers import editor_app, open_editor, select, write_uniforms

SMALL = (80, 24)
FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "tui"


def assert_fits(app: ArgmapApp) -> None:
    """Each part of the dialog box lies inside the box, and the box inside the terminal."""
    box = app.screen.query_one(".dialog-box", Widget)
    assert app.screen.region.contains_region(box.region)
    cut = [
        f"{part.id or type(part).__name__} at {part.region}"
        for part in box.children
        if part.display and not box.region.contains_region(part.region)
    ]
    assert cut == [], f"cut off by the box at {box.region}"


async def test_the_conflict_dialog_with_its_edit_box_fits(monkeypatch) -> None:
    monkeypatch.chdir(FIXTURES)
    app = ArgmapApp(Path("merged.argmap.json"), keymap_file=Path("no-keymap.toml"))
    async with app.run_test(size=SMALL) as pilot:
        await open_editor(pilot)
        await pilot.press("C")
        await pilot.pause()
        assert isinstance(app.screen, ConflictScreen)
        await pilot.press("e")
        await pilot.pause()
        assert_fits(app)


async def test_a_deletion_that_takes_many_claims_keeps_its_choices_in_view(tmp_path: Path) -> None:
    path = tmp_path / "many.argmap.json"
    graph = MapGraph(ops.new_map("Cities should ban cars from their centres.", thesis_id="thesis"))
    for n in range(30):
        graph.apply(
            ops.add_claim(graph, "thesis", f"Reason number {n} for the ban, at some length.", RelationType.SUPPORT)
        )
    store.save(graph.map, path)
    app = editor_app(path)
    async with app.run_test(size=SMALL) as pilot:
        screen = await open_editor(pilot)
        select(screen, "thesis")
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDeleteScreen)
        assert_fits(app)
        await pilot.press("enter")  # the answers have the keys: "Keep it" is highlighted
        await pilot.pause()
        assert app.screen is screen and "thesis" in app.document.map.claims


async def test_help_fits(tmp_path: Path) -> None:
    app = editor_app(write_uniforms(tmp_path))
    async with app.run_test(size=SMALL) as pilot:
        await open_editor(pilot)
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        assert_fits(app)


async def test_the_prompt_bar_leaves_its_answer_half_the_line_at_80_columns(tmp_path: Path) -> None:
    path = tmp_path / "long.argmap.json"
    thesis = "A thesis long enough that the question about it cannot fit into an eighty-column prompt line at all."
    store.save(ops.new_map(thesis, thesis_id="thesis"), path)
    app = editor_app(path)
    async with app.run_test(size=SMALL) as pilot:
        screen = await open_editor(pilot)
        select(screen, "thesis")
        await pilot.press("o")
        await pilot.pause()
        title = screen.query_one("#prompt-title", Label)
        answer = screen.query_one(PromptInput)
        assert title.region.width <= SMALL[0] // 2
        assert str(title.render()).rstrip().endswith("…"), "the question is cut with an ellipsis, inside its room"
        assert len(answer.placeholder) <= answer.content_region.width, "the hint in the answer field shows whole"
