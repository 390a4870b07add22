"""The dialog that settles one merge conflict: base, ours and theirs side by side, then a choice.

The dialog only builds the edit (with the ``build`` function it is given, which
calls :func:`argmap.merge.resolve_conflict`); a refused value is shown in the
dialog, and the editor applies the edit it is handed back.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import PurePath
from typing import Any, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

from argmap.errors import ArgmapError
from argmap.graph import Edit
from argmap.merge import describe_conflict
from argmap.model import Conflict

BuildEdit = Callable[[str, Any], Edit]
"""(choice: ours|theirs|edit, value) → the edit that settles the conflict; raises ArgmapError when refused."""


def value_text(value: Any) -> Text:
    """A side's value as shown: text as it is (wrapped by the pane), anything else as indented JSON."""
    if value is None:
        return Text("(deleted / not set)", style="dim italic")
    if isinstance(value, str):
        return Text(value)
    return Text(json.dumps(value, indent=2, ensure_ascii=False))


def is_text(conflict: Conflict) -> bool:
    """Whether the edit box takes plain text (a field whose value is a string) rather than JSON."""
    return bool(conflict.field) and all(isinstance(v, str | None) for v in (conflict.ours, conflict.theirs))


class ConflictScreen(ModalScreen[Edit | None]):
    """One conflict: ``o`` ours, ``t`` theirs, ``e`` edit, ``escape`` cancel; dismisses with the edit.

    The edit box starts from ours' value (theirs' when ours deleted the record).
    """

    CSS_PATH: ClassVar[list[str | PurePath]] = ["dialogs.tcss", "conflicts.tcss"]
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("o", "choose('ours')", "Ours", id="conflict-ours"),
        Binding("t", "choose('theirs')", "Theirs", id="conflict-theirs"),
        Binding("e", "start_edit", "Edit", id="conflict-edit"),
        Binding("escape", "cancel", "Cancel", id="dialog-cancel"),
    ]

    def __init__(self, conflict_id: str, conflict: Conflict, left: int, build: BuildEdit) -> None:
        super().__init__(classes="dialog")
        self.conflict_id = conflict_id
        self.conflict = conflict
        self.left = left
        self.build = build

    def compose(self) -> ComposeResult:
        conflict = self.conflict
        with Vertical(classes="dialog-box conflict-box"):
            more = f"  ({self.left - 1} more after this)" if self.left > 1 else ""
            yield Label(f"Merge conflict {self.conflict_id}{more}", classes="dialog-title")
            yield Label(describe_conflict(conflict), classes="dialog-body")
            with Horizontal(id="conflict-sides"):
                for side, value in (("base", conflict.base), ("ours", conflict.ours), ("theirs", conflict.theirs)):
                    with VerticalScroll(classes="conflict-side", id=f"side-{side}") as pane:
                        pane.border_title = side
                        yield Static(value_text(value))
            with Horizontal(id="conflict-buttons"):
                yield Button("Ours (o)", id="ours", variant="primary", compact=True)
                yield Button("Theirs (t)", id="theirs", compact=True)
                yield Button("Edit (e)", id="edit", compact=True)
                yield Button("Cancel (esc)", id="cancel", compact=True)
            kind = "text" if is_text(conflict) else "JSON (a string needs quotes; null deletes)"
            yield Input(placeholder=f"the value to keep, as {kind}", id="conflict-value", compact=True)
            yield Label("", id="conflict-error")
            yield Label("o: keep ours   t: take theirs   e: edit   escape: cancel", classes="dialog-hint")

    def on_mount(self) -> None:
        self.query_one("#ours", Button).focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """While the edit box has the focus, its letters are for typing."""
        return not (action in {"choose", "start_edit"} and self.query_one(Input).has_focus)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "edit":
            self.action_start_edit()
        elif event.button.id == "cancel":
            self.action_cancel()
        else:
            self.action_choose(event.button.id or "")

    def action_choose(self, choice: str) -> None:
        self._finish(choice, None)

    def action_start_edit(self) -> None:
        box = self.query_one(Input)
        start = self.conflict.ours if self.conflict.ours is not None else self.conflict.theirs
        if is_text(self.conflict):
            box.value = start if isinstance(start, str) else ""  # a text's value, or None for a deleted record
        else:
            box.value = json.dumps(start, ensure_ascii=False)
        box.add_class("open")
        box.focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if is_text(self.conflict):
            self._finish("edit", event.value)
            return
        try:
            value = json.loads(event.value)
        except json.JSONDecodeError as error:
            self._refuse(f"not valid JSON: {error.msg} at column {error.colno}")
            return
        self._finish("edit", value)

    def _finish(self, choice: str, value: Any) -> None:
        try:
            edit = self.build(choice, value)
        except ArgmapError as error:
            self._refuse(str(error))
            return
        self.dismiss(edit)

    def _refuse(self, message: str) -> None:
        self.query_one("#conflict-error", Label).update(Text(message, style="bold red"))

    def action_cancel(self) -> None:
        self.dismiss(None)
