"""The status line fits its width: the file loses its folder, then its name; only then is the message cut."""

from __future__ import annotations

from argmap.tui.widgets.status_line import status_text

MESSAGE = "loading 100,000 claims… (editing waits)"


def test_what_fits_is_shown_whole() -> None:
    line = status_text("/a/long/folder/map.argmap.json", True, 3, None, MESSAGE, 0, width=120)
    assert str(line) == f" /a/long/folder/map.argmap.json  ● unsaved   3 findings   {MESSAGE}"


def test_a_narrow_line_drops_the_folder_then_the_name_before_it_cuts_the_message() -> None:
    line = status_text("/a/long/folder/map.argmap.json", True, 3, None, MESSAGE, 0, width=90)
    assert str(line) == f" map.argmap.json  ● unsaved   3 findings   {MESSAGE}"
    line = status_text("/a/long/folder/map.argmap.json", True, 3, None, MESSAGE, 0, width=70)
    assert str(line) == f" ● unsaved   3 findings   {MESSAGE}"


def test_a_message_too_long_for_any_line_is_cut_at_a_word() -> None:
    line = status_text("/a/long/folder/map.argmap.json", True, 3, None, MESSAGE, 0, width=60)
    assert line.cell_len <= 60
    assert str(line) == " ● unsaved   3 findings   loading 100,000 claims… (editing…"
    line = status_text("/a/long/folder/map.argmap.json", True, 3, None, MESSAGE, 0, width=50)
    assert str(line) == " ● unsaved   3 findings   loading 100,000 claims…"


def test_an_attach_message_keeps_its_claim_at_80_columns() -> None:
    """The status after ``x`` on the seed map at 80×24 once read only "attached…"."""
    message = "attached to russia-seat-influence: “Rund 100 russische Staatsbürger haben in diesem Monat”"
    line = status_text("partnership-of-convenience.argmap.json", True, 0, None, message, 0, "100 % covered", 80)
    assert str(line) == " ● unsaved   0 findings   attached to russia-seat-influence: “Rund 100…"
