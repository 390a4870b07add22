"""Map text made safe for a terminal: control characters shown, never obeyed.

A map may come from a stranger.  Its texts are kept exactly in the JSON, but
whatever argmap prints for a person to read (``show``, ``check``, ``eval``,
``diff``, ``textconv``, exports to stdout) goes through :func:`visible` first,
so an escape sequence in a claim cannot clear the screen, retitle the window
or write to the clipboard (OSC 52), and a line break or bidi override cannot
fake a line or reorder what the reader sees.
"""

from __future__ import annotations

import re

CONTROL_PICTURES = {code: chr(0x2400 + code) for code in range(0x20)}
"""C0 controls drawn as Unicode's control pictures: ESC as ␛, NUL as ␀, BEL as ␇."""

CONTROL_PICTURES[0x7F] = "\u2421"

ESCAPED = {
    code: f"\\u{code:04x}"
    for code in (
        *range(0x80, 0xA0),  # C1 controls, CSI (0x9b) and OSC (0x9d) among them
        0x2028,  # line separator
        0x2029,  # paragraph separator
        *range(0x202A, 0x202F),  # bidi embeddings and overrides
        *range(0x2066, 0x206A),  # bidi isolates
        0x200E,  # left-to-right mark
        0x200F,  # right-to-left mark
        0x061C,  # Arabic letter mark
    )
}
"""Invisible or line-breaking characters with no control picture, written as ``\\uXXXX``."""

ONE_LINE = str.maketrans({**CONTROL_PICTURES, **ESCAPED})
"""The table for one line of output: a newline or tab becomes ␊ or ␉ too."""

LINES = str.maketrans(
    {**{code: picture for code, picture in CONTROL_PICTURES.items() if code not in (0x0A, 0x09)}, **ESCAPED}
)
"""The table for text that may span lines: newline and tab stay, every other control is shown."""


def visible(text: str, *, keep_newlines: bool = False) -> str:
    """``text`` with every control character shown as a visible sign instead of sent to the terminal.

    By default the result is one line (a newline shows as ␊); with ``keep_newlines`` newlines and tabs
    stay, for multi-line text such as a note.
    """
    if text.isprintable():  # every character the tables change is unprintable: most texts need no translation
        return text
    if keep_newlines:  # a long text, an export or a note: its lines stay, and few if any controls need showing
        return _LINES_FOUND.sub(_shown_in_lines, text)
    return text.translate(ONE_LINE)


JSON_SAFE = str.maketrans({**ESCAPED, 0x7F: "\\u007f"})
"""For JSON text: what JSON writers leave raw, written as ``\\uXXXX``, which JSON reads back as the same character."""


def visible_json(text: str) -> str:
    """JSON text (whose writer already escaped C0 controls) made safe for a terminal without changing its data.

    C1 controls, DEL, bidi overrides and line separators can only stand inside
    JSON strings, where a ``\\uXXXX`` escape means the very same character.
    """
    return _JSON_FOUND.sub(_shown_in_json, text)


def _finder(table: dict[int, str]) -> re.Pattern[str]:
    """A search for the characters a table changes: a large text is scanned at C speed, and only what it finds
    is replaced (``str.translate`` looks each character up in the table: 8 s for an 80 MB export)."""
    return re.compile("[" + "".join(re.escape(chr(code)) for code in sorted(table)) + "]")


_LINES_FOUND = _finder(LINES)
_JSON_FOUND = _finder(JSON_SAFE)


def _shown_in_lines(match: re.Match[str]) -> str:
    return LINES[ord(match.group())]


def _shown_in_json(match: re.Match[str]) -> str:
    return JSON_SAFE[ord(match.group())]
