"""The text a map annotates, with every anchored passage highlighted.

A read-only TextArea: select a passage with shift+arrows or the mouse, then
``x`` attaches it to the selected claim.  Offsets are Unicode code points into
the text, as in the anchors.

TextArea restyles a whole line of the document to draw one row of it, so a
paragraph of 15,000 characters costs milliseconds per row.  The pane therefore
shows the text broken into rows at the pane's width, each break a space turned
into a newline: one character for one, so every offset stays where it was.
TextArea's own soft wrapping is off: re-wrapping a long text took a quarter of
a second each time the pane's size settled.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Select, Static, TextArea
from textual.widgets.text_area import Selection, TextAreaTheme, WrappedDocument

from argmap.model import Anchor, Claim


@dataclass(frozen=True, slots=True)
class Passage:
    """An anchored stretch of the shown source and the claim it belongs to."""

    claim: str
    start: int
    end: int


SOURCE_THEME = TextAreaTheme(
    "argmap-source",
    syntax_styles={
        # Colour and underline only: the selection's background must stay visible over a passage.
        "passage": Style(color="#d7c36a", underline=True),
        "passage.current": Style(color="#ffaf00", bold=True, underline=True),
        # Layers of the annotation keys (argmap/tui/screens/annotating.py), under the passages.
        "marker": Style(color="#5fd7ff", bold=True),
        "suggestion": Style(color="#87ff87", italic=True),
        "left-out": Style(color="#808080", strike=True),
    },
)


class UnwrappedRows(WrappedDocument):
    """TextArea's row index for a text it never wraps: one row per line, counted, not summed.

    TextArea asks for the height once per row it draws; summing over every line of a
    long source made each row cost a pass over the whole text.
    """

    @property
    def height(self) -> int:
        return self.document.line_count


class SourceText(TextArea):
    """The source text with the passages of :attr:`passages` painted over it.

    The text is read-only, so the keys TextArea uses for editing it go to the editor:
    ``delete`` deletes the selected claim, ``ctrl+z``/``ctrl+y`` undo and redo map edits.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("delete", "screen.delete", "Delete claim", show=False, id="delete"),
        Binding("ctrl+z", "screen.undo", "Undo", show=False, id="undo"),
        Binding("ctrl+y", "screen.redo", "Redo", show=False, id="redo"),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        self.passages: list[Passage] = []
        self.current_claim: str | None = None
        self._text = ""
        self._shown = ""
        self._broken_at = 0
        """The width the shown rows were broken at (0: not shown yet)."""
        self._scroll_target: int | None = None
        self._line_starts: list[int] = [0]
        self._passages_by_row: dict[int, list[Passage]] = {}
        self._rows_of_claim: dict[str | None, set[int]] = {}
        self.marks: dict[str, list[tuple[int, int]]] = {}
        """Spans painted in a style of the theme besides the passages: argument markers, suggestions, left-out text."""
        self._marks_by_row: dict[int, list[tuple[int, int, str]]] = {}
        self._styles = SOURCE_THEME.syntax_styles
        super().__init__("", read_only=True, soft_wrap=False, id=id, show_line_numbers=False)
        self.cursor_blink = False

    @property
    def text(self) -> str:
        """The shown text, kept as loaded: TextArea would join every line again, once per row it draws."""
        return self._shown

    @text.setter
    def text(self, value: str) -> None:
        self.show_text(value)

    def on_mount(self) -> None:
        self.register_theme(SOURCE_THEME)
        self.theme = "argmap-source"

    def on_resize(self) -> None:
        if self._row_width() != self._broken_at:
            self._show_rows()

    def _row_width(self) -> int:
        """Columns for the text: the width less padding and a vertical scrollbar.

        The scrollbar's columns stay reserved, so the rows do not change when it comes and goes.
        """
        return max(20, self.size.width - self.styles.gutter.width - self.styles.scrollbar_size_vertical - 1)

    def show_text(self, text: str) -> None:
        """Show ``text``: now if the pane has its size, else as soon as it has (rows depend on the width)."""
        self._text = text
        self._broken_at = 0
        self._scroll_target = None
        if self.size.width:
            self._show_rows()

    def scroll_to_index(self, index: int) -> None:
        """Scroll so that the text at ``index`` shows near the top, leaving the selection alone."""
        self._scroll_target = index
        if self._broken_at:
            self.scroll_to(y=max(0, self.location(index)[0] - 2), animate=False)

    def _show_rows(self) -> None:
        """(Re)load the text broken at the current width, keeping the selection and the scroll position."""
        shown_before = self._broken_at != 0
        selection = (self.index(self.selection.start), self.index(self.selection.end))
        top = self.index((round(self.scroll_y), 0))
        self._broken_at = self._row_width()
        shown = break_for_display(self._text, self._broken_at)
        self._line_starts = line_starts(shown)
        self._shown = shown
        self.load_text(shown)
        self.wrapped_document.__class__ = UnwrappedRows  # soft_wrap is off: no row is ever wrapped
        self._index_rows()
        if shown_before:
            self.select_passage(*(min(end, len(self._text)) for end in selection))
            self.scroll_to(y=self.location(top)[0], animate=False)
        elif self._scroll_target is not None:
            self.scroll_to_index(self._scroll_target)

    def location(self, index: int) -> tuple[int, int]:
        row = bisect_right(self._line_starts, index) - 1
        return row, index - self._line_starts[row]

    def index(self, location: tuple[int, int]) -> int:
        row, column = location
        return self._line_starts[min(row, len(self._line_starts) - 1)] + column

    def selected_span(self) -> tuple[int, int] | None:
        start, end = sorted((self.index(self.selection.start), self.index(self.selection.end)))
        return (start, end) if start < end else None

    def set_passages(self, passages: list[Passage], current_claim: str | None) -> None:
        self.passages = passages
        self.current_claim = current_claim
        self._index_rows()
        self._repaint_all()

    def set_marks(self, style: str, spans: list[tuple[int, int]]) -> None:
        """Paint ``spans`` in the theme's ``style`` (none: take that layer away), repainting the text."""
        if spans:
            self.marks[style] = spans
        elif self.marks.pop(style, None) is None:
            return
        self._index_rows()
        self._repaint_all()

    def show_claim(self, claim: str | None) -> None:
        """Mark ``claim``'s passages as the current ones; repaint only if a row that changes is in view."""
        if claim == self.current_claim:
            return
        rows = self._rows_of_claim.get(self.current_claim, set()) | self._rows_of_claim.get(claim, set())
        self.current_claim = claim
        if not rows:
            return
        self.notify_style_update()
        top = self.scroll_offset.y
        if any(top <= row < top + self.size.height for row in rows):
            self.refresh()

    def _repaint_all(self) -> None:
        """Draw every row again: TextArea keeps drawn rows until its style is said to change."""
        self.notify_style_update()
        self.refresh()

    def _index_rows(self) -> None:
        """Index the passages and marks by the row they show on."""
        by_row: dict[int, list[Passage]] = {}
        rows_of_claim: dict[str | None, set[int]] = {}
        last_row = self.document.line_count - 1
        for passage in self.passages:
            first, last = self.location(passage.start)[0], self.location(passage.end)[0]
            if first > last_row:
                continue
            rows = range(first, min(last, last_row) + 1)
            for row in rows:
                by_row.setdefault(row, []).append(passage)
            rows_of_claim.setdefault(passage.claim, set()).update(rows)
        self._passages_by_row = by_row
        self._rows_of_claim = rows_of_claim
        marks_by_row: dict[int, list[tuple[int, int, str]]] = {}
        for style, spans in self.marks.items():
            for start, end in spans:
                first, last = self.location(start)[0], self.location(end)[0]
                for row in range(first, min(last, last_row) + 1):
                    marks_by_row.setdefault(row, []).append((start, end, style))
        self._marks_by_row = marks_by_row

    def get_line(self, line_index: int) -> Text:
        """One row of the text with its marks, then its passages, painted over it (TextArea's styling hook)."""
        line = super().get_line(line_index)
        start_of_row = self._line_starts[line_index]
        styled = list(self._marks_by_row.get(line_index, ()))
        for passage in self._passages_by_row.get(line_index, ()):
            name = "passage.current" if passage.claim == self.current_claim else "passage"
            styled.append((passage.start, passage.end, name))
        for first, last, name in styled:
            line.stylize(self._styles[name], max(0, first - start_of_row), last - start_of_row)
        return line

    def passage_at(self, index: int) -> Passage | None:
        """The passage under the cursor, the current claim's first when several overlap."""
        hits = [p for p in self._passages_by_row.get(self.location(index)[0], ()) if p.start <= index < p.end]
        hits.sort(key=lambda p: (p.claim != self.current_claim, p.end - p.start))
        return hits[0] if hits else None

    def show_passage(self, start: int, end: int) -> None:
        self.select_passage(start, end)
        self.scroll_cursor_visible(center=True)

    def clear_selection(self) -> None:
        """Leave just the cursor where the selection ended: a passage once attached is not attached twice by mistake."""
        self.selection = Selection.cursor(self.selection.end)

    def select_passage(self, start: int, end: int) -> None:
        self.selection = self.selection.__class__(self.location(start), self.location(end))


class SourcePane(Vertical):
    """A chooser when the map has several sources, then the text (or why there is none)."""

    def compose(self) -> ComposeResult:
        yield Select([], prompt="source", allow_blank=True, id="source-choice")
        yield Static("", id="source-message")
        yield SourceText(id="source-text")

    @property
    def text_area(self) -> SourceText:
        return self.query_one(SourceText)

    def set_sources(self, choices: list[tuple[str, str]], current: str | None) -> None:
        select = self.query_one(Select)
        select.set_options(choices)
        select.display = len(choices) > 1
        if current is not None:
            select.value = current

    def show_text(self, text: str | None, message: str = "") -> None:
        note = self.query_one("#source-message", Static)
        note.update(message)
        note.display = bool(message)
        self.text_area.display = text is not None
        self.text_area.show_text(text or "")


def line_starts(text: str) -> list[int]:
    """The offset where each of the TextArea's document lines starts (it splits as ``str.splitlines`` does)."""
    starts = [0]
    for line in text.splitlines(keepends=True):
        starts.append(starts[-1] + len(line))
    if text and not text.endswith(("\n", "\r")):
        starts.pop()
    return starts


def break_for_display(text: str, width: int) -> str:
    """``text`` with lines longer than ``width`` broken at spaces, each break replacing the space.

    A word longer than the width stays whole (the TextArea wraps it).  The result has
    exactly the length of ``text``, so offsets into one are offsets into the other.
    """
    if width < 2:
        return text
    pieces: list[str] = []
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")
        if len(body) <= width:
            pieces.append(line)
            continue
        start = 0
        while len(body) - start > width:
            cut = body.rfind(" ", start + 1, start + width + 1)
            if cut == -1:
                cut = body.find(" ", start + width + 1)
                if cut == -1:
                    break
            pieces.append(body[start:cut])
            pieces.append("\n")
            start = cut + 1
        pieces.append(line[start:])
    return "".join(pieces)


def passages_for(claims: dict[str, Claim], source_id: str) -> list[Passage]:
    """Every anchor into ``source_id``, as passages of the shown text."""
    found: list[Passage] = []
    for claim_id, claim in claims.items():
        anchor: Anchor
        for anchor in claim.evidence:
            if anchor.source == source_id:
                found.append(Passage(claim_id, anchor.start, anchor.end))
    return found
