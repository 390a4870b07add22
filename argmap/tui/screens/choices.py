"""Modal screens that ask to pick one of a few answers: a yes/no question, a kind, what to do with unsaved work."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
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
                with VerticalScroll(classes="dialog-scroll"):
                    yield Label(self.body, classes="dialog-body")
            yield OptionList(*(Option(label, id=key) for key, label in self.choices), id="choices")
            yield Label("enter: choose   escape: cancel", classes="dialog-hint")

    def on_mount(self) -> None:
        """The answers have the keys; ``tab`` reaches a long body to scroll it."""
        answers = self.query_one(OptionList)
        answers.highlighted = self.highlighted
        answers.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)


class ConfirmDeleteScreen(ChoiceScreen):
    """Says what goes with a claim before it goes, and offers to take it from this place only when it has others."""

    def __init__(self, claim_text: str, going: list[str], elsewhere: list[str] | None = None) -> None:
        below = going[1:]
        lines = [f"“{claim_text}”"]
        if elsewhere:
            lines.append(f"\nIt is also placed under {len(elsewhere)} other claim{'s' if len(elsewhere) != 1 else ''}:")
            lines.extend(f"  • {text}" for text in elsewhere[:4])
            if len(elsewhere) > 4:
                lines.append(f"  … and {len(elsewhere) - 4} more")
            lines.append("Deleting it takes it from every place.")
        if below:
            lines.append(f"\nWith it go {len(below)} claim{'s' if len(below) != 1 else ''} that hang only from it:")
            lines.extend(f"  • {text}" for text in below[:8])
            if len(below) > 8:
                lines.append(f"  … and {len(below) - 8} more")
        else:
            lines.append("\nNothing else goes with it.")
        choices = [("delete", "Delete it everywhere" if elsewhere else "Delete"), ("keep", "Keep it")]
        if elsewhere:
            choices.insert(0, ("remove-here", "Remove it from here only, keep it elsewhere"))
        super().__init__("Delete this claim?", "\n".join(lines), choices, highlighted=len(choices) - 1)


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
