"""The source pane's rows: long paragraphs broken at spaces without moving any offset."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from textual.document._document import Document

from argmap.tui.widgets.source_pane import break_for_display, line_starts

texts = st.text(alphabet=st.sampled_from("ab äö  \n\r\t-"), max_size=300)


@given(texts, st.integers(min_value=2, max_value=40))
def test_rows_keep_every_offset_and_fit_unless_a_word_is_longer(text: str, width: int) -> None:
    shown = break_for_display(text, width)
    assert len(shown) == len(text)
    assert all(a == b or (a == " " and b == "\n") for a, b in zip(text, shown, strict=True))
    for row in shown.splitlines():
        assert len(row) <= width or " " not in row[1:], row


@given(texts, st.integers(min_value=2, max_value=40))
def test_line_starts_are_where_textarea_rows_begin(text: str, width: int) -> None:
    shown = break_for_display(text, width)
    rows = Document(shown).lines
    starts = line_starts(shown)
    assert len(starts) == len(rows)
    for start, row in zip(starts, rows, strict=True):
        assert shown[start : start + len(row)] == row


def test_a_paragraph_breaks_at_the_last_space_that_fits() -> None:
    assert break_for_display("one two three four", 9) == "one two\nthree\nfour"
