"""The bottom line of key hints, drawn once.

Textual's Footer rebuilds its widgets whenever the focused widget's bindings
change, which costs more than a keystroke may; the editor's main keys do not
depend on focus, so one static line says them.
"""

from __future__ import annotations

from collections.abc import Iterable

from rich.text import Text
from textual.binding import Binding
from textual.widgets import Static

KEY_NAMES = {"ctrl+": "^", "question_mark": "?", "slash": "/", "delete": "del", "enter": "⏎"}


def short_key(key: str) -> str:
    for long, short in KEY_NAMES.items():
        key = key.replace(long, short)
    return key


def hints(bindings: Iterable[Binding], keymap: dict[str, str]) -> Text:
    """``a Reason  o Objection …`` for the bindings marked ``show``, with the user's keys."""
    line = Text(" ")
    for binding in bindings:
        if not binding.show:
            continue
        keys = keymap.get(binding.id or "", binding.key).split(",")
        line.append(short_key(keys[0].strip()), style="bold")
        line.append(f" {binding.description}  ", style="dim")
    return line


class KeyHints(Static):
    pass
