"""Control characters in map text are shown, never sent raw to the terminal."""

from __future__ import annotations

from argmap.visible import LINES, ONE_LINE, visible


def test_escape_sequences_become_visible_signs() -> None:
    clear_screen = "\x1b[2J\x1b[H"
    clipboard = "\x1b]52;c;cHduZWQ=\x07"
    shown = visible(f"A claim{clear_screen}{clipboard}")
    assert "\x1b" not in shown and "\x07" not in shown
    assert shown.startswith("A claim␛[2J␛[H␛]52;c;")


def test_one_line_by_default_lines_on_request() -> None:
    assert visible("first\nsecond\tthird") == "first␊second␉third"
    assert visible("first\nsecond\tthird", keep_newlines=True) == "first\nsecond\tthird"
    assert visible("a\rb", keep_newlines=True) == "a␍b"


def test_c1_controls_bidi_overrides_and_line_separators_are_escaped() -> None:
    assert visible("x\x9b2Jy") == "x\\u009b2Jy"
    assert visible("abc\u202edcba") == "abc\\u202edcba"
    assert visible("one\u2028two") == "one\\u2028two"


def test_ordinary_text_is_unchanged() -> None:
    text = "Russlands Annäherung an Nordkorea – „eine Zweckpartnerschaft“ ⊘ ❝2"
    assert visible(text) == text


def test_text_that_passes_as_printable_holds_nothing_the_tables_change() -> None:
    """visible() returns printable text as it is: that is only right while every character it changes is unprintable."""
    assert not any(chr(code).isprintable() for table in (ONE_LINE, LINES) for code in table)
