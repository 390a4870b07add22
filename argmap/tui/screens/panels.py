"""Modal screens that show things: every key binding, and the map's check findings."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

SEVERITY_STYLE = {"error": "bold red", "warning": "yellow", "hint": "cyan"}


def help_entry(keys: str, description: str, ident: str) -> Text:
    """One binding as the help lists it: the keys, what they do, and the id to rebind them with.

    A list entry wraps to the dialog's width, so nothing is off-screen at 80 columns.
    """
    return Text.assemble((keys, "bold"), "  ", description, ("  · id ", "dim"), (ident, "dim italic"))


class HelpScreen(ModalScreen[None]):
    """Every binding of the editor: keys, what they do, and the id to rebind them with."""

    CSS_PATH = "dialogs.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,f1,question_mark", "close", "Close", id="dialog-close"),
    ]

    def __init__(self, rows: Sequence[tuple[str, str, str]], keymap_file: str) -> None:
        super().__init__(classes="dialog")
        self.rows = list(rows)
        self.keymap_file = keymap_file

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box help-box"):
            yield Label("Keys", classes="dialog-title")
            yield OptionList(*(help_entry(*row) for row in self.rows), id="help-list")
            yield Label(
                f'Rebind keys in {self.keymap_file}, e.g.  add-reason = "a,plus"      escape: close',
                classes="dialog-hint",
            )

    def action_close(self) -> None:
        self.dismiss(None)


FindingRow = tuple[str, str, str, str | None, str | None]
"""(severity, code, message, subject id or None, conflict id or None)."""


class FindingsScreen(ModalScreen[FindingRow | None]):
    """The check findings; choosing one dismisses with it (the editor jumps to its claim, or opens its conflict)."""

    CSS_PATH = "dialogs.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Close", id="dialog-cancel")]

    def __init__(self, findings: Sequence[FindingRow]) -> None:
        super().__init__(classes="dialog")
        self.findings = list(findings)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box picker"):
            count = len(self.findings)
            yield Label(f"Check findings: {count}", classes="dialog-title")
            options = [
                Option(
                    Text.assemble((f"{severity} ", SEVERITY_STYLE.get(severity, "")), (f"{code} ", "dim"), message),
                    id=f"{index}",
                )
                for index, (severity, code, message, _subject, _conflict) in enumerate(self.findings)
            ]
            yield OptionList(*options, id="findings-list")
            yield Label("enter: go to the claim (or settle the conflict)   escape: close", classes="dialog-hint")

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(self.findings[int(event.option.id or 0)])

    def action_cancel(self) -> None:
        self.dismiss(None)
