"""Settling merge conflicts in the editor: a map merged by the real merge, resolved key by key."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from textual.widgets import Input

from argmap import ops, store
from argmap.document import Document, write_recovery
from argmap.graph import MapGraph
from argmap.merge import merge_maps, resolve_conflict
from argmap.model import ArgMap
from argmap.tui.app import ArgmapApp
from argmap.tui.screens.conflicts import ConflictScreen
from argmap.tui.screens.editor import EditorScreen
from argmap.tui.screens.panels import FindingsScreen
from tests.conftest import build_uniforms_map
from tests.tui.helpers import SIZE, editor_app, open_editor

ROOT = Path(__file__).resolve().parent.parent.parent


def edited(base: ArgMap, *edits) -> ArgMap:
    """A copy of ``base`` with each ``edit(graph)`` applied (the base itself stays as it was)."""
    graph = MapGraph(base.model_copy(update={t: dict(getattr(base, t)) for t in ("claims", "relations")}))
    for edit in edits:
        graph.apply(edit(graph))
    return graph.map


def conflicted_map(*, title_too: bool = False) -> ArgMap:
    """Two sides reword ``bullying`` and ``cost``'s note differently; ours deletes ``subsidy``, theirs rewords it."""
    base = build_uniforms_map()
    ours = edited(
        base,
        lambda g: ops.edit_text(g, "bullying", "Uniforms curb bullying."),
        lambda g: ops.set_note(g, "cost", "Ours: about 80 euros a year."),
        lambda g: ops.delete_claim(g, "subsidy"),
    )
    theirs = edited(
        base,
        lambda g: ops.edit_text(g, "bullying", "Uniforms lessen bullying."),
        lambda g: ops.set_note(g, "cost", "Theirs: about 120 euros a year."),
        lambda g: ops.edit_text(g, "subsidy", "Schools can pay for them."),
    )
    if title_too:
        ours = ours.model_copy(update={"title": "Ours"})
        theirs = theirs.model_copy(update={"title": "Theirs"})
    return merge_maps(base, ours, theirs).map


def write_conflicted(folder: Path, *, title_too: bool = False) -> Path:
    path = folder / "merged.argmap.json"
    store.save(conflicted_map(title_too=title_too), path)
    return path


def status(screen: EditorScreen) -> str:
    return str(screen.query_one("#status").render())


async def test_conflicts_resolved_with_ours_theirs_and_an_edit(tmp_path: Path) -> None:
    path = write_conflicted(tmp_path)
    assert sorted(store.load(path).conflicts) == ["claims.bullying.text", "claims.cost.note", "claims.subsidy"]
    app = editor_app(path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_editor(pilot)
        assert "3 conflicts" in status(screen)
        line = screen.argument_tree.reveal("bullying")
        assert line is not None and "⇄" in str(line.label)

        await pilot.press("C")
        dialog = app.screen
        assert isinstance(dialog, ConflictScreen) and dialog.conflict_id == "claims.bullying.text"
        await pilot.press("t")
        assert "claims.bullying.text" not in app.document.map.conflicts
        assert app.document.map.claims["bullying"].text == "Uniforms lessen bullying."

        dialog = app.screen  # the next conflict is offered at once
        assert isinstance(dialog, ConflictScreen) and dialog.conflict_id == "claims.cost.note"
        await pilot.press("e")
        box = dialog.query_one(Input)
        assert box.has_focus and box.value == "Ours: about 80 euros a year."
        box.value = ""
        await pilot.press(*"Both: 80 to 120 euros.", "enter")
        assert app.document.map.claims["cost"].note == "Both: 80 to 120 euros."

        dialog = app.screen
        assert isinstance(dialog, ConflictScreen) and dialog.conflict_id == "claims.subsidy"
        await pilot.press("o")  # ours deleted it: it goes, with nothing left pointing at it
        assert isinstance(app.screen, EditorScreen)
        assert app.document.map.conflicts == {}
        assert "subsidy" not in app.document.map.claims
        assert "no merge conflicts left" in status(screen) and "1 conflict" not in status(screen)
        assert "unsaved" in status(screen)
        line = screen.argument_tree.reveal("bullying")
        assert line is not None and "⇄" not in str(line.label)

        await pilot.press("ctrl+z")
        assert list(app.document.map.conflicts) == ["claims.subsidy"]
        assert app.document.map.claims["subsidy"].text == "Schools can pay for them."
        assert "1 conflict" in status(screen)
        await pilot.press("ctrl+y", "ctrl+s")
        await pilot.pause()

    saved = store.load(path)
    assert saved.conflicts == {}
    assert saved.claims["bullying"].text == "Uniforms lessen bullying."
    assert saved.claims["cost"].note == "Both: 80 to 120 euros."
    assert "subsidy" not in saved.claims
    checked = subprocess.run(
        [sys.executable, "-m", "argmap", "check", str(path)], capture_output=True, text=True, cwd=ROOT
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr


async def test_a_bad_json_value_is_refused_in_the_dialog(tmp_path: Path) -> None:
    app = editor_app(write_conflicted(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_editor(pilot)
        assert screen.argument_tree.reveal("subsidy") is not None
        screen.argument_tree.focus()
        await pilot.press("C", "e")
        dialog = app.screen
        assert isinstance(dialog, ConflictScreen) and dialog.conflict_id == "claims.subsidy"
        box = dialog.query_one(Input)
        assert "Schools can pay for them." in box.value  # ours deleted it: the edit starts from theirs' record
        box.value = "{not json"
        await pilot.press("enter")
        assert app.screen is dialog
        assert "not valid JSON" in str(dialog.query_one("#conflict-error").render())
        box.value = '{"kind": "no-such-kind", "text": "x"}'
        await pilot.press("enter")
        assert app.screen is dialog
        assert "not a valid value" in str(dialog.query_one("#conflict-error").render())
        assert "claims.subsidy" in app.document.map.conflicts
        await pilot.press("escape")
        assert isinstance(app.screen, EditorScreen)
        assert len(app.document.map.conflicts) == 3 and not app.document.dirty


async def test_the_findings_panel_opens_a_conflict(tmp_path: Path) -> None:
    app = editor_app(write_conflicted(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_editor(pilot)
        await pilot.pause(0.5)
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("c")
        panel = app.screen
        assert isinstance(panel, FindingsScreen)
        index = next(i for i, row in enumerate(panel.findings) if "claims.cost.note:" in row[2])
        await pilot.press(*["down"] * index, "enter")
        dialog = app.screen
        assert isinstance(dialog, ConflictScreen) and dialog.conflict_id == "claims.cost.note"
        assert screen.document is app.document


async def test_a_conflict_on_the_map_title_points_to_argmap_resolve(tmp_path: Path) -> None:
    path = write_conflicted(tmp_path, title_too=True)
    app = editor_app(path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_editor(pilot)
        assert "4 conflicts" in status(screen)
        for key in ("C", "o", "o", "o"):
            await pilot.press(key)
        assert list(app.document.map.conflicts) == ["map.title"]
        assert isinstance(app.screen, EditorScreen)  # not offered: the editor cannot settle it
        await pilot.press("C")
        assert isinstance(app.screen, EditorScreen)
        notes = [str(n.message) for n in app._notifications]
        assert any("argmap resolve" in note and "map.title" in note for note in notes)


FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "tui"


def _snapshot_of_the_dialog(snap_compare, monkeypatch, size: tuple[int, int], *keys: str) -> bool:
    """The conflict dialog on ``merged.argmap.json`` (made by :func:`conflicted_map`), opened by a relative
    path, after ``keys`` pressed in it."""
    monkeypatch.chdir(FIXTURES)
    app = ArgmapApp(Path("merged.argmap.json"), keymap_file=Path("no-keymap.toml"))

    async def run_before(pilot) -> None:
        await pilot.pause(0.4)
        await app.workers.wait_for_complete()
        await pilot.pause()
        for key in ("C", *keys):
            await pilot.press(key)
            await pilot.pause()

    return bool(snap_compare(app, terminal_size=size, run_before=run_before))


def test_conflict_dialog_snapshot(snap_compare, monkeypatch) -> None:
    assert _snapshot_of_the_dialog(snap_compare, monkeypatch, (120, 36))


def test_the_fixture_is_what_the_merge_makes() -> None:
    assert store.load(FIXTURES / "merged.argmap.json") == conflicted_map()


async def test_the_key_is_in_help_palette_and_keymap(tmp_path: Path) -> None:
    keymap = tmp_path / "keymap.toml"
    keymap.write_text('resolve-conflict = "f6"\n', encoding="utf-8")
    app = editor_app(write_conflicted(tmp_path), keymap)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_editor(pilot)
        rows = {ident: keys for keys, _description, ident in app.binding_rows()}
        assert rows["resolve-conflict"] == "f6", "help shows the key the user bound, not the default"
        commands = [command.title for command in app.get_system_commands(screen)]
        assert "Resolve conflict" in commands
        await pilot.press("f6")
        assert isinstance(app.screen, ConflictScreen)
        await pilot.press("escape")
        await screen.run_action("resolve_conflict")
        await pilot.pause()
        assert isinstance(app.screen, ConflictScreen)


def test_recovered_work_keeps_the_settled_conflicts(tmp_path: Path) -> None:
    """Unsaved resolutions survive a crash: the recovery restores the conflicts table too, as one undoable edit."""
    path = write_conflicted(tmp_path)
    document = Document.open(path)
    document.apply(resolve_conflict(document.graph, "claims.bullying.text", "theirs"))
    write_recovery(document.unsaved_edit(), document.recovery_path)

    reopened = Document.open(path)
    kept = reopened.pending_recovery()
    assert kept is not None
    reopened.restore(kept)
    assert sorted(reopened.map.conflicts) == ["claims.cost.note", "claims.subsidy"]
    assert reopened.map.claims["bullying"].text == "Uniforms lessen bullying."
    reopened.undo()
    assert "claims.bullying.text" in reopened.map.conflicts


def test_conflict_dialog_at_80_by_24_snapshot(snap_compare, monkeypatch) -> None:
    """At 80×24 with the edit box open: the sides, the buttons, the box and the hint all on screen."""
    assert _snapshot_of_the_dialog(snap_compare, monkeypatch, (80, 24), "e")
