"""Opening the editor: a missing map, a recovery file, an added source, a user keymap, the CLI."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from argmap import ops, store
from argmap.document import Document, read_recovery, write_recovery
from argmap.tui.app import ArgmapApp
from argmap.tui.screens.choices import RecoveryScreen
from argmap.tui.screens.editor import EditorScreen
from argmap.tui.screens.prompts import TextPrompt
from tests.tui.helpers import SIZE, SOURCE_TEXT, editor_app, write_uniforms

ROOT = Path(__file__).resolve().parents[2]


async def test_a_missing_map_is_created_after_asking_for_the_thesis(tmp_path: Path) -> None:
    path = tmp_path / "new.argmap.json"
    app = editor_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press(*"Homework helps.", "enter")
        await pilot.pause()
        assert isinstance(app.screen, EditorScreen)
    argmap = store.load(path)
    assert argmap.claims["thesis"].text == "Homework helps."


async def test_an_empty_thesis_is_asked_for_again(tmp_path: Path) -> None:
    path = tmp_path / "new.argmap.json"
    app = editor_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("space", "enter")
        await pilot.pause()
        assert isinstance(app.screen, TextPrompt) and "needs a thesis" in app.screen.hint
        await pilot.press(*"Homework helps.", "enter")
        await pilot.pause()
        assert isinstance(app.screen, EditorScreen)
    assert store.load(path).claims["thesis"].text == "Homework helps."


async def test_an_unreadable_recovery_file_is_moved_aside_and_said(tmp_path: Path) -> None:
    path = write_uniforms(tmp_path)
    recovery = path.with_name(path.name + ".recover")
    recovery.write_text("{not json")
    app = editor_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, EditorScreen)
        assert any("moved aside" in n.message for n in app._notifications)
    assert not recovery.exists() and recovery.with_name(recovery.name + ".unreadable").exists()


async def test_escape_at_the_thesis_prompt_creates_nothing(tmp_path: Path) -> None:
    path = tmp_path / "new.argmap.json"
    app = editor_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
    assert not path.exists()


async def test_unsaved_work_is_offered_after_a_crash(tmp_path: Path) -> None:
    path = write_uniforms(tmp_path)
    crashed = Document.open(path)
    crashed.apply(ops.add_objection(crashed.graph, "cost", "Cheap."))
    write_recovery(crashed.unsaved_edit(), crashed.recovery_path)
    app = editor_app(path)
    async with app.run_test(size=SIZE) as pilot:
        for _ in range(100):  # on a busy machine the dialog may take a moment to take the focus
            if isinstance(app.screen, RecoveryScreen) and app.focused is not None and app.focused.screen is app.screen:
                break
            await pilot.pause(0.02)
        assert isinstance(app.screen, RecoveryScreen)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, EditorScreen)
        assert "cheap" in app.document.map.claims and app.document.dirty
        await pilot.press("ctrl+s")
    assert "cheap" in store.load(path).claims
    assert not crashed.recovery_path.exists()


async def test_the_recovery_file_is_written_after_changes(tmp_path: Path) -> None:
    path = write_uniforms(tmp_path)
    app = editor_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("o", *"Cheap.", "enter")
        await pilot.pause(1.3)
        await app.workers.wait_for_complete()
        recovery = path.with_name(path.name + ".recover")
        assert ("claims", "cheap") in {(c.table, c.id) for c in read_recovery(recovery).changes}
        await pilot.press("q", "up", "enter")  # "Quit without saving", above the highlighted "Keep editing"
        await pilot.pause()
    assert not recovery.exists()
    assert "cheap" not in store.load(path).claims


async def test_source_option_adds_a_source_as_an_undoable_change(tmp_path: Path) -> None:
    path = write_uniforms(tmp_path, with_source=False)
    text = tmp_path / "notes.en.txt"
    text.write_text(SOURCE_TEXT, encoding="utf-8")
    app = ArgmapApp(path, add_source=text, keymap_file=tmp_path / "none.toml")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, EditorScreen)
        assert app.document.map.sources["notes"].path == "notes.en.txt"
        assert screen.source_text == SOURCE_TEXT
        await pilot.press("ctrl+z")
        assert app.document.map.sources == {}


async def test_a_source_whose_name_is_taken_gets_the_next_free_id(tmp_path: Path) -> None:
    path = write_uniforms(tmp_path, with_source=False)
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "notes.en.txt").write_text(SOURCE_TEXT, encoding="utf-8")
    for folder in ("a", "b"):
        app = ArgmapApp(path, add_source=tmp_path / folder / "notes.en.txt", keymap_file=tmp_path / "none.toml")
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await pilot.press("ctrl+s")
    assert {sid: source.path for sid, source in store.load(path).sources.items()} == {
        "notes": "a/notes.en.txt",
        "notes-2": "b/notes.en.txt",
    }


async def test_a_map_without_source_can_be_edited(tmp_path: Path) -> None:
    path = write_uniforms(tmp_path, with_source=False)
    app = editor_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("x")
        assert any("select a passage" in n.message for n in app._notifications)
        await pilot.press("a", *"Yes.", "enter")
        assert "yes" in app.document.map.claims


async def test_keys_can_be_rebound_in_the_keymap_file(tmp_path: Path) -> None:
    path = write_uniforms(tmp_path)
    keymap = tmp_path / "keymap.toml"
    keymap.write_text('add-objection = "b"\n', encoding="utf-8")
    app = editor_app(path, keymap)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("b", *"Rebound.", "enter")
        assert "rebound" in app.document.map.claims
        await pilot.press("o")
        assert isinstance(app.screen, EditorScreen), "o is no longer bound"


def test_cli_refuses_bad_paths_with_one_line(tmp_path: Path) -> None:
    def edit(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "argmap", "edit", *args], capture_output=True, text=True, cwd=ROOT, timeout=60
        )

    (tmp_path / "broken.argmap.json").write_text("{", encoding="utf-8")
    for args, says in [
        ([str(tmp_path)], "is a directory"),
        ([str(tmp_path / "notes.txt")], "*.argmap.json"),
        ([str(tmp_path / "broken.argmap.json")], "broken.argmap.json:1"),
        ([str(tmp_path / "new.argmap.json"), "--source", str(tmp_path / "missing.txt")], "no such source text"),
    ]:
        result = edit(*args)
        assert result.returncode == 2, result.stderr
        assert says in result.stderr and result.stderr.count("\n") == 1, result.stderr
        assert result.stdout == ""
