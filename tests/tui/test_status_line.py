"""The status line fits its width: the file loses its folder first, then the message is cut at a word."""

from __future__ import annotations

from argmap.tui.widgets.status_line import status_text

MESSAGE = "loading 100,000 claims… (editing waits)"


def test_what_fits_is_shown_whole() -> None:
    line = status_text("/a/long/folder/map.argmap.json", True, 3, None, MESSAGE, 0, width=120)
    assert str(line) == f" /a/long/folder/map.argmap.json  ● unsaved   3 findings   {MESSAGE}"


def test_a_narrow_line_drops_the_folder_then_cuts_the_message_at_a_word() -> None:
    line = status_text("/a/long/folder/map.argmap.json", True, 3, None, MESSAGE, 0, width=60)
    assert line.cell_len <= 60
    assert str(line) == " map.argmap.json  ● unsaved   3 findings   loading 100,000…"
