"""The text a map annotates, with every anchored passage highlighted.

A read-only TextArea: select a passage with shift+arrows or the mouse, then
``x`` attaches it to the selected claim.  Offsets are Unicode code points into
the text, as in the anchors.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from typing import ClassVar

from rich.style import Style
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Select, Static, TextArea
from textual.widgets.text_area import TextAreaTheme

from argmap.model import Anchor


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
    },
)


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
        self._line_starts: list[int] = [0]
        super().__init__("", read_only=True, soft_wrap=True, id=id, show_line_numbers=False)
        self.cursor_blink = False

    def on_mount(self) -> None:
        self.register_theme(SOURCE_THEME)
        self.theme = "argmap-source"

    def show_text(self, text: str) -> None:
        self.load_text(text)
        starts = [0]
        newline = len(self.document.newline)
        for line in self.document.lines[:-1]:
            starts.append(starts[-1] + len(line) + newline)
        self._line_starts = starts
        self._build_highlight_map()

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
        self._build_highlight_map()
        self.refresh()

    def _build_highlight_map(self) -> None:
        self._line_cache.clear()
        highlights = self._highlights
        highlights.clear()
        lines = self.document.lines
        for passage in self.passages:
            name = "passage.current" if passage.claim == self.current_claim else "passage"
            (row1, col1), (row2, col2) = self.location(passage.start), self.location(passage.end)
            if row1 >= len(lines):
                continue
            for row in range(row1, min(row2, len(lines) - 1) + 1):
                line = lines[row]
                begin = len(line[:col1].encode()) if row == row1 else 0
                finish = len(line[:col2].encode()) if row == row2 else None
                highlights[row].append((begin, finish, name))

    def passage_at(self, index: int) -> Passage | None:
        """The passage under the cursor, the current claim's first when several overlap."""
        hits = [p for p in self.passages if p.start <= index < p.end]
        hits.sort(key=lambda p: (p.claim != self.current_claim, p.end - p.start))
        return hits[0] if hits else None

    def show_passage(self, start: int, end: int) -> None:
        self.select_passage(start, end)
        self.scroll_cursor_visible(center=True)

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


def passages_for(claims: dict, source_id: str) -> list[Passage]:
    """Every anchor into ``source_id``, as passages of the shown text."""
    found: list[Passage] = []
    for claim_id, claim in claims.items():
        anchor: Anchor
        for anchor in claim.evidence:
            if anchor.source == source_id:
                found.append(Passage(claim_id, anchor.start, anchor.end))
    return found
