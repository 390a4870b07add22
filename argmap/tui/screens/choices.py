"""Modal screens that ask to pick one thing: a yes/no question, a kind, a claim from a filterable list."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option


class ChoiceScreen(ModalScreen[str | None]):
    """A question with a few answers; ``enter`` picks the highlighted one, ``escape`` none."""

    CSS_PATH = "dialogs.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel", id="dialog-cancel")]

    def __init__(self, title: str, body: str, choices: Sequence[tuple[str, str]], *, highlighted: int = 0) -> None:
        super().__init__(classes="dialog")
        self.choice_title = title
        self.body = body
        self.choices = list(choices)
        self.highlighted = highlighted

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box"):
            yield Label(self.choice_title, classes="dialog-title")
            if self.body:
                yield Label(self.body, classes="dialog-body")
            yield OptionList(*(Option(label, id=key) for key, label in self.choices), id="choices")
            yield Label("enter: choose   escape: cancel", classes="dialog-hint")

    def on_mount(self) -> None:
        self.query_one(OptionList).highlighted = self.highlighted

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)


class ConfirmDeleteScreen(ChoiceScreen):
    """Says what goes with a claim before it goes."""

    def __init__(self, claim_text: str, going: list[str]) -> None:
        below = going[1:]
        lines = [f"“{claim_text}”"]
        if below:
            lines.append(f"\nWith it go {len(below)} claim{'s' if len(below) != 1 else ''} that hang only from it:")
            lines.extend(f"  • {text}" for text in below[:8])
            if len(below) > 8:
                lines.append(f"  … and {len(below) - 8} more")
        else:
            lines.append("\nNothing else goes with it.")
        choices = [("delete", "Delete"), ("keep", "Keep it")]
        super().__init__("Delete this claim?", "\n".join(lines), choices, highlighted=1)


class QuitScreen(ChoiceScreen):
    """Quitting with unsaved changes."""

    def __init__(self, file: str) -> None:
        super().__init__(
            "Unsaved changes",
            f"{file} has changes that are not saved.",
            [("save", "Save and quit"), ("discard", "Quit without saving"), ("stay", "Keep editing")],
            highlighted=2,
        )


class RecoveryScreen(ChoiceScreen):
    """Unsaved work left by an editor that did not close."""

    def __init__(self, file: str, recovery: str, summary: str) -> None:
        super().__init__(
            "Recover unsaved work?",
            f"{recovery} holds changes to {file} that were never saved ({summary}).",
            [("restore", "Restore them (unsaved, undoable)"), ("discard", "Discard them, open the file as saved")],
        )


class ClaimPicker(ModalScreen[str | None]):
    """A filterable list of claims: type to narrow it, arrows and ``enter`` to pick.

    The editor installs one and reuses it (:meth:`ask`): building a screen's widgets
    again each time would cost more than the keystroke that opens it may take.
    """

    CSS_PATH = "dialogs.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="dialog-cancel"),
        Binding("down", "focus_list", "List", show=False, id="picker-list"),
    ]
    LIMIT = 50

    def __init__(self, title: str, candidates: Callable[[str, int], list[tuple[str, str]]]) -> None:
        super().__init__(classes="dialog")
        self.picker_title = title
        self.candidates = candidates

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box picker"):
            yield Label(self.picker_title, classes="dialog-title")
            yield Input(placeholder="type to filter by text or id", id="picker-filter")
            yield OptionList(id="picker-options")
            yield Label("enter: choose   ↓: to the list   escape: cancel", classes="dialog-hint")

    def ask(self, title: str, candidates: Callable[[str, int], list[tuple[str, str]]]) -> None:
        """Set the question for the next time the picker is shown."""
        self.picker_title = title
        self.candidates = candidates
        if self.is_mounted:
            self.query_one(".dialog-title", Label).update(title)
            self.query_one(Input).value = ""

    def on_mount(self) -> None:
        self._fill("")

    def on_screen_resume(self) -> None:
        self._fill(self.query_one(Input).value)
        self.query_one(Input).focus()

    def _fill(self, query: str) -> None:
        options = self.query_one(OptionList)
        options.clear_options()
        found = self.candidates(query, self.LIMIT)
        options.add_options([Option(Text.assemble(text, (f"  {ident}", "dim")), id=ident) for ident, text in found])
        if found:
            options.highlighted = 0

    def on_input_changed(self, event: Input.Changed) -> None:
        self._fill(event.value)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        options = self.query_one(OptionList)
        if options.highlighted is not None:
            self.dismiss(options.get_option_at_index(options.highlighted).id)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)

    def action_focus_list(self) -> None:
        self.query_one(OptionList).focus()

    def action_cancel(self) -> None:
        self.dismiss(None)
