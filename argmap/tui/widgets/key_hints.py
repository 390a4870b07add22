"""The bottom line of key hints, drawn once per width.

Textual's Footer rebuilds its widgets whenever the focused widget's bindings
change, which costs more than a keystroke may; the editor's main keys do not
depend on focus, so one static line says them.  On a narrow terminal the hints
that fit are shown whole, and help, save and quit always are.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

from rich.text import Text
from textual.binding import Binding
from textual.widget import Widget

KEY_NAMES = {"ctrl+": "^", "question_mark": "?", "slash": "/", "delete": "del", "enter": "⏎"}
ESSENTIAL = ("help", "save", "quit")
"""Binding ids whose hints show at any width: with these a newcomer finds everything else."""
GAP = 2


def short_key(key: str) -> str:
    for long, short in KEY_NAMES.items():
        key = key.replace(long, short)
    return key


class Hint(NamedTuple):
    key: str
    description: str
    essential: bool

    @property
    def width(self) -> int:
        return len(self.key) + 1 + len(self.description) + GAP


def hints(bindings: Iterable[Binding], keymap: dict[str, str]) -> list[Hint]:
    """One hint for each binding marked ``show``, with the user's first key for it."""
    return [
        Hint(short_key(keymap.get(b.id or "", b.key).split(",")[0].strip()), b.description, b.id in ESSENTIAL)
        for b in bindings
        if b.show
    ]


def fitted(all_hints: list[Hint], width: int) -> Text:
    """``a Reason  o Objection …``: the essential hints, then the others in order as long as each fits whole."""
    room = width - 1 - sum(hint.width for hint in all_hints if hint.essential)
    shown = set()
    for index, hint in enumerate(all_hints):
        if not hint.essential and hint.width <= room:
            shown.add(index)
            room -= hint.width
        elif not hint.essential:
            room = -1  # keep the order: nothing after the first that does not fit
    line = Text(" ")
    for index, hint in enumerate(all_hints):
        if hint.essential or index in shown:
            line.append(hint.key, style="bold").append(f" {hint.description}" + " " * GAP, style="dim")
    return line


class KeyHints(Widget):
    def __init__(self, all_hints: list[Hint], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.all_hints = all_hints

    def render(self) -> Text:
        return fitted(self.all_hints, self.size.width)
