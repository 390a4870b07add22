"""The editor: tree, details, source and status, and one action per key of docs/editor.md.

Every action builds an :class:`~argmap.graph.Edit` with :mod:`argmap.ops` and
hands it to the :class:`~argmap.document.Document`; then :meth:`EditorScreen.changed`
brings the widgets up to date.  No edit logic lives here.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import PurePath
from typing import TYPE_CHECKING, Any, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.reactive import Reactive
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Select

from argmap.document import Document
from argmap.errors import ArgmapError
from argmap.graph import Edit
from argmap.navigate import (
    claim_of,
    conflicted_records,
    next_conflict,
)
from argmap.sources import read_source_text
from argmap.tui.bindings import EDITOR_ACTIONS, EDITOR_BINDINGS
from argmap.tui.claim_picker import ClaimPicker
from argmap.tui.conflict_flow import ConflictFlow
from argmap.tui.heap import freeze_survivors
from argmap.tui.live_check import Checked, LiveCheck
from argmap.tui.recovery import RecoveryKeeper
from argmap.tui.screens.adding import AddingActions
from argmap.tui.screens.annotating import AnnotationActions
from argmap.tui.screens.choices import QuitScreen
from argmap.tui.screens.claim_fields import ClaimFieldActions
from argmap.tui.screens.finding import FindingActions
from argmap.tui.screens.panels import FindingRow, FindingsScreen, HelpScreen
from argmap.tui.screens.restructuring import RestructuringActions
from argmap.tui.svg_renderer import SvgRenderer
from argmap.tui.widgets.argument_tree import ArgumentTree, NodeRef
from argmap.tui.widgets.details import DetailsPane
from argmap.tui.widgets.key_hints import KeyHints, hints
from argmap.tui.widgets.prompt_bar import PromptBar
from argmap.tui.widgets.source_pane import SourcePane, SourceText, passages_for
from argmap.tui.widgets.status_line import StatusLine

if TYPE_CHECKING:
    from argmap.tui.app import ArgmapApp


class EditorScreen(
    AddingActions, AnnotationActions, ClaimFieldActions, FindingActions, RestructuringActions, Screen[None]
):
    """The main screen of ``argmap edit``."""

    CSS_PATH: ClassVar[list[str | PurePath]] = [
        "editor.tcss",
        "../widgets/widgets.tcss",
        # Read now, not at the first dialog: a new file makes Textual re-parse all CSS (60 ms).
        "dialogs.tcss",
    ]
    BINDINGS: ClassVar[list[BindingType]] = EDITOR_BINDINGS
    BINDINGS_SHOWN: ClassVar[list[Binding]] = [
        *(b for b in EDITOR_BINDINGS if isinstance(b, Binding)),
        Binding("ctrl+p", "command_palette", "Palette", id="command-palette"),
    ]

    focused: Reactive[Widget | None] = Reactive(None, repaint=False)
    """The focused widget.  Textual's own declaration repaints the whole screen at each change
    (30–40 ms on a large map, twice for every prompt); the widgets that gain and lose the
    focus repaint themselves (their ``:focus`` styles)."""

    def __init__(self, document: Document, *, claims_to_load: int = 0) -> None:
        """``claims_to_load`` (the whole map's number of claims) means ``document`` is a preview: see :meth:`adopt`."""
        super().__init__()
        self.document = document
        self.claims_to_load = claims_to_load
        """Not ``loading``: that is Textual's own reactive, which covers the screen with a loading indicator."""
        self.painted_at: float | None = None
        """When the first frame was on screen (``time.perf_counter``), and when the whole map was:
        what ``benchmarks/tui_bench.py`` reports as first paint and as ready."""
        self.ready_at: float | None = None
        self._freeze_pending = False
        self.source_id: str | None = None
        self.source_text: str | None = None
        self.findings: list[FindingRow] | None = None
        self.findings_revision = -1
        self.flagged: dict[str, tuple[tuple[str, str], ...]] = {}
        self.badges: dict[str, str] = {}
        self.message = ""
        self.search_matches: list[str] = []
        self.search_index = -1
        self._details_shown: tuple[object, ...] = ()

    @property
    def argmap_app(self) -> ArgmapApp:
        return self.app  # type: ignore[return-value]  # Textual types a screen's app as App[Any]; this one's is ours

    def compose(self) -> ComposeResult:
        tree = ArgumentTree(self.document.graph, id="tree")
        tree.border_title = self.document.map.title or self.document.path.name
        with Horizontal(id="upper"):
            yield tree
            yield DetailsPane(id="details")
        yield SourcePane(id="source")
        yield PromptBar(id="prompt")
        yield StatusLine(id="status")
        yield KeyHints(hints(self.BINDINGS_SHOWN, self.argmap_app.keymap), id="keys")
        yield LiveCheck(self.argmap_app.check, self.argmap_app.evaluate)
        yield RecoveryKeeper()
        yield ClaimPicker()
        yield ConflictFlow()
        yield SvgRenderer(self.argmap_app.render_picture)

    def on_mount(self) -> None:
        self.argument_tree.conflicted = conflicted_records(self.document.map)
        self.argument_tree.load()
        self.query_one("#source", SourcePane).border_title = "source"
        self.query_one("#details", DetailsPane).border_title = "details"
        self.argument_tree.focus()
        if self.argument_tree.root.children:
            self.argument_tree.move_cursor(self.argument_tree.root.children[0], animate=False)
        self.call_after_refresh(self._note_time, "painted_at")
        if self.claims_to_load:
            self.query_one(SourcePane).show_text(None, "the source text shows once the whole map is loaded")
            self.say(f"loading {self.claims_to_load:,} claims… (the top of the map is shown; editing waits)")
            return
        self._start_editing()

    def _note_time(self, attribute: str) -> None:
        setattr(self, attribute, time.perf_counter())

    def adopt(self, document: Document) -> None:
        """Take over the whole map after a preview: every line, the sources, the checks, and editing."""
        where = self.argument_tree.path_of(self.argument_tree.cursor_node)
        self.document = document
        self.claims_to_load = 0
        self.message = ""
        self.argument_tree.graph = document.graph
        self.argument_tree.conflicted = conflicted_records(self.document.map)
        self.argument_tree.reload()
        self.argument_tree.reveal_path(where)
        self._start_editing()
        self.refresh_details()
        self.refresh_bindings()

    def _start_editing(self) -> None:
        """The whole map is here: show its sources, check it, settle the heap, note the time."""
        sources = sorted(self.document.map.sources)
        self.query_one(SourcePane).set_sources([(sid, sid) for sid in sources], sources[0] if sources else None)
        self.show_source(sources[0] if sources else None)
        self.refresh_status()
        self.query_one(LiveCheck).schedule(self.document)
        self.schedule_freeze()
        self.call_after_refresh(self._note_time, "ready_at")

    def schedule_freeze(self) -> None:
        """Run :func:`freeze_survivors` after the next refresh, once however often it is asked for meanwhile."""
        if not self._freeze_pending:
            self._freeze_pending = True
            self.call_after_refresh(self._freeze)

    def _freeze(self) -> None:
        self._freeze_pending = False
        freeze_survivors()

    # Widgets ----------------------------------------------------------------------------------

    def ask(self, title: str, value: str, done: Callable[[str | None], None], **options: Any) -> None:
        """Ask for one line of text in the prompt bar under the panes (options: see :meth:`PromptBar.ask`).

        The tree lends the prompt its focus: it keeps its look meanwhile, so that
        opening and closing the prompt does not repaint it.
        """
        tree = self.argument_tree
        tree.lend_focus = tree.has_focus

        def answered(text: str | None) -> None:
            if tree.lend_focus:
                tree.lend_focus = False
                if self.focused is not tree:  # the prompt was left by a click or tab elsewhere
                    tree.has_focus = False
            done(text)

        self.query_one(PromptBar).ask(title, value, answered, **options)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """While the prompt bar is open, its keys are for typing; while the map loads, only moving about works."""
        if action not in EDITOR_ACTIONS:
            return True
        if self.claims_to_load:
            return action in ("request_quit", "help")
        return not self.query_one(PromptBar).is_open

    @property
    def argument_tree(self) -> ArgumentTree:
        return self.query_one(ArgumentTree)

    @property
    def source_area(self) -> SourceText:
        return self.query_one(SourceText)

    @property
    def current(self) -> NodeRef | None:
        return self.argument_tree.current

    def refresh_status(self) -> None:
        findings = None if self.findings is None else len(self.findings)
        self.query_one(StatusLine).show(
            str(self.document.path),
            self.document.dirty,
            findings,
            self.argument_tree.language,
            self.message,
            len(self.document.map.conflicts),
            self.coverage_label(),
        )

    def say(self, message: str) -> None:
        """A short note in the status line (until the next change): cheaper than a toast for routine news."""
        self.message = message
        self.refresh_status()

    def refresh_details(self) -> None:
        """Show the current line's details, unless they are what the pane already shows."""
        ref = self.current
        findings = self.flagged.get(ref.claim, ()) if ref is not None else ()
        badge = self.badges.get(ref.claim) if ref is not None else None
        pane = self.query_one(DetailsPane)
        if pane.offering:  # a check that ends meanwhile must not take the list away
            return
        shown = (ref, self.document, self.document.revision, findings, badge)
        if shown != self._details_shown:
            self._details_shown = shown
            pane.show(self.document.graph, ref, findings, badge)
        area = self.source_area
        claim = ref.claim if ref is not None else None
        if area.current_claim != claim:
            area.show_claim(claim)
            self.scroll_source_to(claim)

    def on_argument_tree_node_highlighted(self, event: ArgumentTree.NodeHighlighted) -> None:
        self.refresh_details()

    # Source -------------------------------------------------------------------------------------

    def show_source(self, source_id: str | None) -> None:
        pane = self.query_one(SourcePane)
        self.source_id = source_id
        self.source_text = None
        if source_id is None:
            pane.show_text(None, "This map has no source text. Add one with: argmap edit MAP --source FILE")
            return
        source = self.document.map.sources[source_id]
        try:
            text, digest = read_source_text(self.document.path, source_id, source)
        except ArgmapError as error:
            pane.show_text(None, str(error))
            return
        self.source_text = text
        stale = bool(source.sha256) and digest != source.sha256
        pane.show_text(text, "the text changed since it was anchored: argmap check --fix re-anchors" if stale else "")
        pane.border_title = f"source: {source.title or source_id}"
        self.refresh_passages()
        self.schedule_freeze()

    def refresh_passages(self) -> None:
        if self.source_id is None:
            return
        passages = passages_for(self.document.map.claims, self.source_id)
        ref = self.current
        self.source_area.set_passages(passages, ref.claim if ref is not None else None)
        self.refresh_annotation()

    def scroll_source_to(self, claim_id: str | None) -> None:
        """Bring the claim's first passage into view without touching the user's selection."""
        claim = self.document.map.claims.get(claim_id) if claim_id else None
        if claim is None or self.source_text is None:
            return
        anchor = next((a for a in claim.evidence if a.source == self.source_id), None)
        if anchor is not None:
            self.source_area.scroll_to_index(anchor.start)

    def on_select_changed(self, event: Select.Changed) -> None:
        if isinstance(event.value, str) and event.value != self.source_id:
            self.show_source(event.value)

    # Applying edits -----------------------------------------------------------------------------

    def apply(self, make: Callable[[], Edit], path_for: Callable[[Edit], list[NodeRef]] | None = None) -> Edit | None:
        """Build an edit, apply it, and show the result; a refused edit becomes a notification.

        ``path_for`` says which tree line to select afterwards (e.g. the new claim under
        the line it was added to); by default the edit's own ``select``.
        """
        where = self.argument_tree.path_of(self.argument_tree.cursor_node)
        try:
            edit = make()
        except ArgmapError as error:
            self.notify(str(error), title="Not done", severity="error")
            return None
        if not self.document.apply(edit, where):
            self.say("nothing changed")
            return None
        self.changed(edit, path_for(edit) if path_for is not None else None)
        return edit

    def changed(self, edit: Edit, path: list[NodeRef] | None) -> None:
        """Bring every widget up to date after ``edit`` was applied (or undone)."""
        where = self.argument_tree.path_of(self.argument_tree.cursor_node)
        self.message = ""
        touched = edit.touched()
        if edit.changes_table("sources"):
            self.refresh_sources()
        if edit.changes_table("conflicts"):
            self.argument_tree.conflicted = conflicted_records(self.document.map)
        self.argument_tree.sync(touched)
        if path is not None:
            self.argument_tree.reveal_path(path)
        elif edit.select is not None and edit.select in self.document.map.claims:
            self.argument_tree.reveal(edit.select)
        else:
            self.argument_tree.reveal_path(where)
        self.argument_tree.repaint_changed_lines()
        if edit.changes_evidence():
            self.refresh_passages()
        self.refresh_details()
        self.refresh_status()
        self.query_one(RecoveryKeeper).schedule(self.document)
        self.query_one(LiveCheck).schedule(self.document)

    def refresh_sources(self) -> None:
        sources = sorted(self.document.map.sources)
        current = self.source_id if self.source_id in sources else (sources[0] if sources else None)
        self.query_one(SourcePane).set_sources([(sid, sid) for sid in sources], current)
        if current != self.source_id or self.source_text is None:
            self.show_source(current)
        self.refresh_annotation()

    def _need_claim(self) -> NodeRef | None:
        ref = self.current
        if ref is None:
            self.notify("select a claim first", severity="warning")
        return ref

    def _need_relation(self, what: str) -> NodeRef | None:
        ref = self._need_claim()
        if ref is not None and ref.relation is None:
            self.notify(f"{what} needs a reason or objection; this claim has no parent", severity="warning")
            return None
        return ref

    def _text(self, claim_id: str) -> str:
        claim = self.document.map.claims.get(claim_id)
        return claim.text if claim else claim_id

    # Picking a claim --------------------------------------------------------------------------------

    def pick_claim(self, title: str, exclude: str | None, done: Callable[[str], None]) -> None:
        """Ask for a claim other than ``exclude`` (see :mod:`argmap.tui.claim_picker`)."""
        picker = self.query_one(ClaimPicker)
        picker.pick(self.document, self.argument_tree.language, title, exclude, done, self.ask)

    def on_claim_picker_closed(self, event: ClaimPicker.Closed) -> None:
        self._details_shown = ()
        if event.unmatched:
            self.say("no claim matches; nothing done")
        self.refresh_details()

    def on_details_pane_picked(self, event: DetailsPane.Picked) -> None:
        self.query_one(PromptBar).submit()

    # Safety -------------------------------------------------------------------------------------

    def action_undo(self) -> None:
        step = self.document.undo()
        if step is None:
            self.say("nothing to undo")
            return
        self.changed(step.edit.inverse(), step.where if isinstance(step.where, list) else None)
        self.say(f"undone: {step.edit.label}")

    def action_redo(self) -> None:
        step = self.document.redo()
        if step is None:
            self.say("nothing to redo")
            return
        self.changed(step.edit, None)
        self.say(f"redone: {step.edit.label}")

    def action_save(self) -> None:
        try:
            self.document.save()
        except (ArgmapError, OSError) as error:
            self.notify(f"not saved: {error}", severity="error")
            return
        self.refresh_status()
        self.say(f"saved {self.document.path}")

    def action_request_quit(self) -> None:
        if not self.document.dirty:
            self.document.discard_recovery()
            self.app.exit()
            return

        def done(choice: str | None) -> None:
            if choice == "save":
                self.action_save()
                if not self.document.dirty:
                    self.app.exit()
            elif choice == "discard":
                self.document.discard_recovery()
                self.app.exit()

        self.app.push_screen(QuitScreen(str(self.document.path)), done)

    def action_help(self) -> None:
        app = self.argmap_app
        self.app.push_screen(HelpScreen(app.binding_rows(), str(app.keymap_file)))

    def action_render(self, fmt: str = "svg") -> None:
        self.say("rendering the page…" if fmt == "html" else "rendering…")
        self.query_one(SvgRenderer).draw(self.document.snapshot(), self.document.path, fmt)

    # Findings ---------------------------------------------------------------------------------

    def on_live_check_done(self, event: LiveCheck.Done) -> None:
        self.show_findings(event.checked, event.revision)

    def show_findings(self, checked: Checked, revision: int) -> None:
        """Take over a finished check unless the map changed meanwhile (a newer one is on its way).

        A check can also end while the editor closes, its widgets already gone.
        """
        if revision != self.document.revision or not self.query(ArgumentTree):
            return
        self.findings = checked.findings
        self.badges = checked.badges
        self.findings_revision = revision
        changed = checked.serious ^ self.argument_tree.flagged
        self.flagged = checked.about
        self.argument_tree.flagged = checked.serious
        for node in self.argument_tree.loaded_nodes():
            if node.data is not None and node.data.claim in changed:
                node.set_label(self.argument_tree.label_for(node.data))
        self.refresh_status()
        self.refresh_details()

    def action_findings(self) -> None:
        if self.findings is None:
            self.say("still checking…")
            return
        rows = self.findings

        def done(row: FindingRow | None) -> None:
            if row is None:
                return
            _severity, _code, _message, subject, conflict_id = row
            if conflict_id is not None and conflict_id in self.document.map.conflicts:
                self.open_conflict(conflict_id)
                return
            claim = claim_of(self.document.map, subject)
            if claim is not None:
                self.argument_tree.reveal(claim)
                self.argument_tree.focus()

        self.app.push_screen(FindingsScreen(rows), done)

    # Merge conflicts ------------------------------------------------------------------------------

    def action_resolve_conflict(self) -> None:
        """Open the selected claim's first conflict, else the map's first."""
        conflicts = self.document.map.conflicts
        if not conflicts:
            self.say("no merge conflicts in this map")
            return
        ref = self.current
        mine = [cid for cid in sorted(conflicts) if ref is not None and conflicts[cid].id in (ref.claim, ref.relation)]
        self.open_conflict(mine[0] if mine else next_conflict(self.document.map.conflicts))

    def open_conflict(self, conflict_id: str) -> None:
        self.query_one(ConflictFlow).open(self.document, conflict_id)

    def on_conflict_flow_settled(self, event: ConflictFlow.Settled) -> None:
        """Apply a settlement; then offer the next conflict the editor can settle."""
        if self.apply(lambda: event.edit) is None:
            return
        if not self.document.map.conflicts:
            self.say(f"resolved {event.conflict_id}: no merge conflicts left")
            return
        self.say(f"resolved {event.conflict_id}")
        following = next_conflict(self.document.map.conflicts)
        if self.document.map.conflicts[following].table != "map":
            self.open_conflict(following)
