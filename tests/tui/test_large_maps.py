"""A large map opens in two steps: its top shows at once, editing starts once the whole map is validated."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest

from argmap import document, ops, store
from argmap.graph import MapGraph
from argmap.tui.screens.choices import RecoveryScreen
from argmap.tui.screens.editor import EditorScreen
from tests.tui.helpers import SIZE, editor_app, write_uniforms


@pytest.fixture
def everything_is_large(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make every map "large", so the small test maps open the way a 100,000-claim map does."""
    monkeypatch.setattr(document, "PREVIEW_ABOVE", 0)


def deepen(path: Path) -> None:
    """Hang a chain three levels below the objection ``subsidy``: deeper than the preview reaches."""
    graph = MapGraph(store.load(path))
    parent = "subsidy"
    for level in range(3):
        edit = ops.add_reason(graph, parent, f"Reason at level {level}.", claim_id=f"deep-{level}")
        graph.apply(edit)
        parent = f"deep-{level}"
    store.save(graph.map, path)


async def ready(app, pilot) -> EditorScreen:
    screen = app.screen
    while not isinstance(screen, EditorScreen) or screen.ready_at is None:
        await pilot.pause(0.02)
        screen = app.screen
    return screen


@pytest.mark.usefixtures("everything_is_large")
async def test_a_large_map_shows_its_top_first_then_everything_and_can_be_edited(tmp_path: Path) -> None:
    path = write_uniforms(tmp_path)
    deepen(path)
    app = editor_app(path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await ready(app, pilot)
        assert screen.painted_at is not None and screen.painted_at <= screen.ready_at
        assert not screen.claims_to_load and screen.document.map.claims.keys() == store.load(path).claims.keys()
        # Textual's own loading state would cover the screen with its indicator and keep the focus off the tree.
        assert screen.loading is False and screen.argument_tree.has_focus
        assert "deep-2" in screen.document.map.claims
        screen.argument_tree.reveal("deep-2")
        await pilot.press("o", *"Too deep to matter.", "enter", "ctrl+s")
        await pilot.pause()
    saved = store.load(path)
    added = [cid for cid, claim in saved.claims.items() if claim.text == "Too deep to matter."]
    assert len(added) == 1
    assert any(r.target == "deep-2" and r.premises == (added[0],) for r in saved.relations.values())


def test_the_preview_holds_the_theses_and_two_levels_below(tmp_path: Path) -> None:
    path = write_uniforms(tmp_path)
    deepen(path)
    preview = document.Opening(path).preview()
    assert preview is not None
    assert {"thesis", "bullying", "cost", "subsidy", "markers", "clothing"} <= preview.claims.keys()
    assert "deep-0" not in preview.claims and "deep-1" not in preview.claims


def test_while_the_map_loads_only_moving_about_help_and_quit_work(tmp_path: Path) -> None:
    path = write_uniforms(tmp_path)
    preview = document.Opening(path).preview()
    assert preview is not None
    screen = EditorScreen(document.Document(path, preview), claims_to_load=100_000)
    assert not screen.check_action("add_objection", ())
    assert not screen.check_action("undo", ())
    assert screen.check_action("request_quit", ())
    assert screen.check_action("help", ())


@pytest.mark.usefixtures("everything_is_large")
async def test_a_large_map_with_a_bad_record_deep_inside_ends_the_editor_with_one_clear_error(tmp_path: Path) -> None:
    path = write_uniforms(tmp_path)
    deepen(path)
    raw = orjson.loads(path.read_bytes())
    raw["claims"]["deep-2"]["kind"] = "rumour"
    path.write_bytes(orjson.dumps(raw, option=orjson.OPT_INDENT_2) + b"\n")
    app = editor_app(path)
    async with app.run_test(size=SIZE) as pilot:
        for _ in range(100):
            if app.failure is not None:
                break
            await pilot.pause(0.02)
    assert app.return_code == 2
    assert app.failure is not None
    message = str(app.failure)
    assert message.startswith(str(path)) and "claims.deep-2.kind" in message
    assert document.Opening(path).preview() is not None, "the bad record lies beyond the preview"


@pytest.mark.usefixtures("everything_is_large")
async def test_unsaved_work_of_a_large_map_is_offered_once_it_is_loaded(tmp_path: Path) -> None:
    path = write_uniforms(tmp_path)
    crashed = document.Document.open(path)
    crashed.apply(ops.add_objection(crashed.graph, "subsidy", "Budgets are tight.", claim_id="tight"))
    document.write_recovery(crashed.unsaved_edit(), crashed.recovery_path)
    app = editor_app(path)
    async with app.run_test(size=SIZE) as pilot:
        for _ in range(100):
            if isinstance(app.screen, RecoveryScreen) and app.focused is not None and app.focused.screen is app.screen:
                break
            await pilot.pause(0.02)
        assert isinstance(app.screen, RecoveryScreen)
        await pilot.press("enter")
        screen = await ready(app, pilot)
        assert "tight" in screen.document.map.claims and screen.document.dirty
        assert screen.argument_tree.reveal("tight") is not None
