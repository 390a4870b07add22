"""``argmap edit``: the Textual app that opens (or creates) a map and runs the editor screen."""

from __future__ import annotations

import gc
from collections.abc import Iterable
from pathlib import Path
from typing import Any, ClassVar

from textual import work
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.screen import Screen

from argmap import ops, store
from argmap.check import Finding, check_map
from argmap.document import Document, Opening
from argmap.errors import ArgmapError
from argmap.evaluate import evaluate
from argmap.graph import Edit, MapGraph
from argmap.ids import unique_id
from argmap.model import ArgMap
from argmap.render import RenderOptions, default_output, render_map
from argmap.sources import describe_source
from argmap.tui.bindings import EDITOR_BINDINGS
from argmap.tui.keymap import keymap_path, load_keymap
from argmap.tui.screens.choices import RecoveryScreen
from argmap.tui.screens.editor import EditorScreen
from argmap.tui.screens.prompts import TextPrompt
from argmap.tui.widgets.argument_tree import ArgumentTree

APP_BINDINGS: list[BindingType] = [
    Binding("ctrl+q", "quit", "Quit", show=False, priority=True, id="quit-now"),
]


def binding_ids() -> set[str]:
    """Every id a keymap file may rebind."""
    ids = {"command-palette"}
    for binding in (*EDITOR_BINDINGS, *ArgumentTree.BINDINGS, *APP_BINDINGS):
        if isinstance(binding, Binding) and binding.id:
            ids.add(binding.id)
    return ids


class ArgmapApp(App[None]):
    """Opens ``path`` (asking for a thesis when it does not exist) and edits it."""

    CSS_PATH = "app.tcss"
    TITLE = "argmap"
    VERTICAL_BREAKPOINTS = [(0, "-short"), (32, "-tall")]  # noqa: RUF012 (Textual declares it without ClassVar)
    """A terminal under 32 rows (80×24) gets compact dialogs (dialogs.tcss): every choice stays on screen."""
    BINDINGS: ClassVar[list[BindingType]] = APP_BINDINGS

    def __init__(
        self,
        path: Path,
        *,
        document: Document | None = None,
        opening: Opening | None = None,
        add_source: Path | None = None,
        keymap_file: Path | None = None,
    ) -> None:
        self.keymap_file = keymap_file if keymap_file is not None else keymap_path()
        self.keymap = load_keymap(self.keymap_file, binding_ids())
        palette_keys = self.keymap.get("command-palette")
        if palette_keys:
            # Textual types it a ClassVar but reads it from the instance in App.__init__; the keymap is per app.
            self.COMMAND_PALETTE_BINDING = palette_keys  # type: ignore[misc]
        super().__init__()
        self.path = path
        self.add_source = add_source
        self.document = document
        self.opening = opening
        """A large map being opened: its preview shows while the rest is validated."""
        self.failure: ArgmapError | None = None
        self.set_keymap({ident: keys for ident, keys in self.keymap.items() if ident != "command-palette"})

    def on_mount(self) -> None:
        self.theme = "textual-dark"
        if self.document is None and self.opening is None and self.path.exists():
            try:
                self.opening = Opening(self.path)
            except ArgmapError as error:
                self._fail(error)
                return
        if self.opening is not None:
            preview = self.opening.preview() if self.opening.large else None
            if preview is not None:
                self.push_screen(EditorScreen(Document(self.path, preview), claims_to_load=self.opening.claims))
                self.call_after_refresh(self._finish_opening)
                return
            try:
                self.document = self.opening.finish()
            except ArgmapError as error:
                self._fail(error)
                return
            self.opening = None
        if self.document is not None:
            self._opened(self.document)
        else:
            self._ask_thesis()

    def _fail(self, error: ArgmapError) -> None:
        """Quit because the map cannot be opened; ``argmap edit`` prints :attr:`failure` as one line."""
        self.failure = error
        self.exit(return_code=2)

    @work(thread=True, exclusive=True, group="open", description="validate the whole map")
    def _finish_opening(self) -> None:
        """Validate the whole map behind its preview (about a second at 100,000 claims)."""
        assert self.opening is not None
        try:
            document = self.opening.finish()
        except ArgmapError as error:
            self.call_from_thread(self._fail, error)
            return
        self.call_from_thread(self._opened, document)

    def _opened(self, document: Document) -> None:
        self.opening = None
        self.document = document
        kept = document.pending_recovery()
        if document.recovery_set_aside is not None:
            self.notify(document.recovery_set_aside, title="Recovery file", severity="warning", timeout=15)
        if kept is not None:
            self.push_screen(self._recovery_screen(kept), lambda choice: self._recover(choice, kept))
            return
        self._start()

    def _recovery_screen(self, kept: Edit) -> RecoveryScreen:
        assert self.document is not None
        summary = f"{len(kept.changes)} changed record{'s' if len(kept.changes) != 1 else ''}"
        return RecoveryScreen(str(self.path), str(self.document.recovery_path), summary)

    def _recover(self, choice: str | None, kept: Edit) -> None:
        assert self.document is not None
        if choice == "restore":
            self.document.restore(kept)
        elif choice == "discard":
            self.document.discard_recovery()
        self._start()

    def _ask_thesis(self, again: bool = False) -> None:
        hint = "enter: create the map   escape: quit without creating it"
        self.push_screen(
            TextPrompt(
                f"New map {self.path.name}: what is its thesis?",
                placeholder="the claim the map argues about",
                hint=("A map needs a thesis: type it, or escape to quit.   " if again else "") + hint,
            ),
            self._create,
        )

    def _create(self, thesis: str | None) -> None:
        if thesis is None:
            self.exit(message="no map created")
            return
        if not thesis.strip():
            self._ask_thesis(again=True)
            return
        argmap = ops.new_map(thesis, thesis_id="thesis")
        store.save(argmap, self.path)
        self.document = Document(self.path, argmap)
        self._start()

    def _start(self) -> None:
        assert self.document is not None
        # The map's records live as long as the editor: keep the cycle collector from rescanning
        # them (a full pass over a 100k-claim map takes about a second, at any keystroke).
        gc.freeze()
        if self.add_source is not None:
            self._add_source(self.document, self.add_source)
        preview = next((s for s in self.screen_stack if isinstance(s, EditorScreen) and s.claims_to_load), None)
        if preview is not None:
            preview.adopt(self.document)
        else:
            self.push_screen(EditorScreen(self.document))

    def _add_source(self, document: Document, text_path: Path) -> None:
        try:
            source_id, source = describe_source(document.path, text_path)
        except ArgmapError as error:
            self.notify(str(error), severity="error")
            return
        graph: MapGraph = document.graph
        source_id = unique_id(source_id, graph.map.sources)
        try:
            document.apply(ops.add_source(graph, source_id, source))
        except ArgmapError as error:
            self.notify(str(error), timeout=3)
            return
        self.notify(f"added source {source_id!r} (unsaved)", timeout=3)

    async def action_quit(self) -> None:
        """``ctrl+q`` asks about unsaved changes too, like ``q``."""
        if isinstance(self.screen, EditorScreen):
            self.screen.action_request_quit()
        elif self.document is None or not self.document.dirty:
            self.exit()

    # Shared services of the screens ------------------------------------------------------------

    def check(self, snapshot: ArgMap, path: Path) -> list[Finding]:
        """The map's findings (runs in a worker thread)."""
        return check_map(snapshot, path)

    def evaluate(self, snapshot: ArgMap) -> dict[str, str]:
        """``{claim id: "IN 0.73"}`` for the details pane (runs in a worker thread)."""
        return evaluate(snapshot).badges()

    def render_picture(self, snapshot: ArgMap, path: Path, fmt: str) -> tuple[Path, list[str]]:
        """Draw the map as it is now (saved or not) beside its file (runs in a worker thread).

        ``fmt`` is ``svg`` (the diagram) or ``html`` (the classroom page, with the source
        texts the map may read). Warnings are collected, not printed: a print would land in
        the middle of the screen.
        """
        warnings: list[str] = []
        target = default_output(path, fmt)
        if fmt == "html":
            from argmap.render.html import render_html

            picture = render_html(snapshot, RenderOptions(), map_path=path, warn=warnings.append)
        else:
            picture = render_map(snapshot, fmt, RenderOptions(), warn=warnings.append)
        store.write_atomic(target, picture)
        return target, warnings

    def binding_rows(self) -> list[tuple[str, str, str]]:
        """(keys, description, id) of every binding, after the user's keymap, for the help screen."""
        rows: dict[str, tuple[list[str], str]] = {}
        for binding in (*EDITOR_BINDINGS, *ArgumentTree.BINDINGS, *APP_BINDINGS):
            if not isinstance(binding, Binding) or not binding.id:
                continue
            keys, _ = rows.setdefault(binding.id, ([], binding.tooltip or binding.description))
            rebound = self.keymap.get(binding.id)
            for key in (rebound or binding.key).split(","):
                if key.strip() not in keys:
                    keys.append(key.strip())
        rows.setdefault("command-palette", ([self.COMMAND_PALETTE_BINDING], "Command palette: every action"))
        rows.setdefault("tab", (["tab", "shift+tab"], "Next / previous pane: tree, details, source"))
        return [(", ".join(keys), description, ident) for ident, (keys, description) in rows.items()]

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        if not isinstance(screen, EditorScreen):
            return
        for binding in EDITOR_BINDINGS:
            assert isinstance(binding, Binding)
            keys = ", ".join(self.keymap.get(binding.id or "", binding.key).split(","))
            yield SystemCommand(
                binding.description,
                f"{binding.tooltip}   key: {keys}",
                lambda action=binding.action: self.call_later(screen.run_action, action),
            )
