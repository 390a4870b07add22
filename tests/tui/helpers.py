"""Small real maps on disk for the editor's tests, and a way to open the editor on them."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot

from argmap import ops, store
from argmap.graph import MapGraph
from argmap.model import ArgMap
from argmap.sources import describe_source
from argmap.tui.app import ArgmapApp
from argmap.tui.screens.editor import EditorScreen
from tests.conftest import build_uniforms_map

SIZE = (140, 44)
SOURCE_TEXT = (
    "Some parents argue that school uniforms should be required.\n"
    "They say uniforms reduce bullying, because children are no longer judged by their clothes.\n"
    "Others answer that uniforms cost families money they do not have.\n"
)


def write_uniforms(folder: Path, *, with_source: bool = True) -> Path:
    """The shared uniforms map, with a short text as its source, saved in ``folder``."""
    path = folder / "uniforms.argmap.json"
    argmap: ArgMap = build_uniforms_map()
    if with_source:
        (folder / "uniforms.en.txt").write_text(SOURCE_TEXT, encoding="utf-8")
        graph = MapGraph(argmap)
        source_id, source = describe_source(path, folder / "uniforms.en.txt")
        graph.apply(ops.add_source(graph, source_id, source))
    store.save(argmap, path)
    return path


def editor_app(path: Path, keymap: Path | None = None) -> ArgmapApp:
    """The real app, with a keymap file that does not exist unless a test gives one."""
    return ArgmapApp(path, keymap_file=keymap or path.parent / "no-keymap.toml")


async def open_editor(pilot: Pilot) -> EditorScreen:
    """The editor screen, once the app has shown it."""
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, EditorScreen)
    return screen


def select(screen: EditorScreen, claim: str) -> None:
    """Put the tree's cursor on ``claim`` (expanding what hides it) and focus the tree."""
    assert screen.argument_tree.reveal(claim) is not None
    screen.argument_tree.focus()
