"""Settling merge conflicts in the editor: one conflict's dialog at a time, each settlement a message.

The screen hears :class:`ConflictFlow.Settled`, applies the edit like any other
(undoable), and opens the next conflict with :meth:`ConflictFlow.open`.
"""

from __future__ import annotations

from textual.message import Message
from textual.widget import Widget

from argmap.document import Document
from argmap.graph import Edit
from argmap.merge import resolve_conflict
from argmap.tui.screens.conflicts import ConflictScreen


class ConflictFlow(Widget):
    """Not drawn: it opens the conflict dialogs and reports what was chosen."""

    DEFAULT_CSS = "ConflictFlow { display: none; }"

    class Settled(Message):
        """``edit`` settles ``conflict_id`` (the screen applies it)."""

        def __init__(self, edit: Edit, conflict_id: str) -> None:
            super().__init__()
            self.edit = edit
            self.conflict_id = conflict_id

    def open(self, document: Document, conflict_id: str) -> None:
        """Show one conflict; one on the map's own fields is left to ``argmap resolve``, with the command to run."""
        conflict = document.map.conflicts[conflict_id]
        if conflict.table == "map":
            self.notify(
                f"{conflict.field} of the map differs on both sides; the editor changes records only: "
                f"settle it with  argmap resolve {document.path} {conflict_id} --ours|--theirs|--value JSON",
                title="Not in the editor",
                severity="warning",
                timeout=10,
            )
            return

        def build(choice: str, value: object) -> Edit:
            return resolve_conflict(document.graph, conflict_id, choice, value)

        def done(edit: Edit | None) -> None:
            if edit is not None:
                self.post_message(self.Settled(edit, conflict_id))

        self.app.push_screen(ConflictScreen(conflict_id, conflict, len(document.map.conflicts), build), done)
