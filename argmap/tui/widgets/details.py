"""The selected claim in full: text, kind, tags, evidence, translations, note, its inference.

While the editor asks for a claim (move, link), the pane lists the candidates instead.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.console import Group, RenderableType
from rich.style import Style
from rich.text import Text
from textual import events
from textual.cache import LRUCache
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import Reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from argmap.graph import MapGraph
from argmap.tui.widgets.argument_tree import NodeRef, shorten
from argmap.tui.widgets.scrolling import follow_height

QUOTED_LENGTH = 70
"""Characters of another claim's text quoted in the details; its id follows."""


def quoted(graph: MapGraph, claim_id: str) -> Text:
    """Another claim as a reader knows it: its text (shortened), then its id, dim."""
    claim = graph.map.claims.get(claim_id)
    text = Text(f"“{shorten(claim.text, QUOTED_LENGTH)}”" if claim is not None else "(missing claim)", style="bold")
    return text.append(f"  {claim_id}", style="dim")


def bears_on(graph: MapGraph, target: str) -> Text:
    """What a relation points at: a claim, or (an undercut) the inference from a premise to its claim."""
    inference = graph.map.relations.get(target)
    if inference is None:
        return quoted(graph, target)
    premise = inference.premises[0] if inference.premises else ""
    return (
        Text("the inference from ")
        .append_text(quoted(graph, premise))
        .append(" to ")
        .append_text(quoted(graph, inference.target))
    )


def describe(graph: MapGraph, ref: NodeRef, findings: Sequence[tuple[str, str]], badge: str | None = None) -> Group:
    """The details of one tree line as rich text.

    ``findings`` are (severity, message) about the claim; ``badge`` is its evaluation
    (e.g. ``IN 0.73``: accepted, strength 0.73), None while it is being computed.
    """
    claim = graph.map.claims.get(ref.claim)
    if claim is None:
        return Group(Text(f"no claim {ref.claim!r}", style="red"))
    parts: list[Text] = [Text(claim.text, style="bold"), Text("")]
    facts = Text()
    facts.append("id ", style="dim").append(ref.claim)
    facts.append("   kind ", style="dim").append(claim.kind.value)
    if claim.implicit:
        facts.append("   implicit", style="italic")
    if claim.base_score is not None:
        facts.append("   base score ", style="dim").append(f"{claim.base_score:g}")
    parts.append(facts)
    if claim.tags:
        parts.append(Text("tags ", style="dim").append(" ".join(f"#{tag}" for tag in claim.tags), style="cyan"))
    if claim.evidence:
        parts.append(Text("\nevidence", style="bold dim"))
        for anchor in claim.evidence:
            line = Text("  ❝ ", style="yellow").append(anchor.quote).append(" ❞", style="yellow")
            line.append(f"  {anchor.source} {anchor.start}–{anchor.end}", style="dim")
            parts.append(line)
    if claim.translations:
        parts.append(Text("\ntranslations", style="bold dim"))
        for language, text in claim.translations.items():
            parts.append(Text(f"  {language}: ", style="dim").append(text))
    if claim.note:
        parts.append(Text("\nnote", style="bold dim"))
        parts.append(Text(f"  {claim.note}"))
    relation = graph.map.relations.get(ref.relation) if ref.relation else None
    if relation is not None:
        parts.append(Text("\ninference", style="bold dim"))
        what = relation.type.verb
        parts.append(Text(f"  {what} ").append_text(bears_on(graph, relation.target)))
        if len(relation.premises) > 1:
            parts.append(Text("  only together with:", style="dim"))
            parts.extend(Text("    ").append_text(quoted(graph, p)) for p in relation.premises if p != ref.claim)
        if relation.scheme:
            parts.append(Text(f"  scheme {relation.scheme}"))
        for question, answer in relation.answers.items():
            parts.append(Text(f"    {question}: {answer}", style="dim"))
        if relation.weight is not None:
            parts.append(Text(f"  weight {relation.weight:g}"))
        if relation.note:
            parts.append(Text(f"  note {relation.note}"))
        parts.append(Text(f"  relation {ref.relation}", style="dim"))
    others = [relation for rid, relation in graph.parents(ref.claim) if rid != ref.relation]
    if others:
        parts.append(Text("\nalso bears on", style="bold dim"))
        for other in others:
            what = other.type.verb
            parts.append(Text(f"  {what} ").append_text(bears_on(graph, other.target)))
    if badge:
        parts.append(Text("\nevaluation ", style="bold dim").append(badge, style="bold"))
    if findings:
        parts.append(Text("\nfindings", style="bold dim"))
        for severity, message in findings:
            parts.append(Text(f"  {severity}: ", style="bold yellow").append(message))
    return Group(*parts)


NOTHING_SELECTED = Text("no claim selected", style="dim")


def text_width(width: int, ident: str) -> int:
    """A candidate's share of a line of ``width``: what the id leaves, but at least two thirds (the id is cut then)."""
    return max(1, width - len(ident) - 2, width * 2 // 3)


class DetailsPane(ScrollView, can_focus=True):
    """The details, drawn line by line; scrolls with the keyboard when focused (tab).

    Its lines are wrapped once per claim and width.  A Static in a scrolling
    container would change height with each claim and lay the whole screen out
    again on every cursor move (10–25 ms a key on a large map).  For the same
    reason a choice of claims is listed here rather than in a dialog of its own.
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {"details--chosen"}

    virtual_size: Reactive[Size] = Reactive(Size(0, 0), layout=False)
    """The wrapped lines' extent: a change updates the scrollbar, not the screen's layout."""

    class Picked(Message):
        """A candidate was clicked while the pane offers a choice."""

        def __init__(self, claim_id: str) -> None:
            super().__init__()
            self.claim_id = claim_id

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._content: RenderableType = NOTHING_SELECTED
        self._lines: list[Strip] = []
        self._wrapped_at = -1
        self._choices: list[tuple[str, str]] | None = None
        self._highlighted = 0
        self._choice_lines: LRUCache[tuple[object, ...], Strip] = LRUCache(512)

    def show(
        self, graph: MapGraph, ref: NodeRef | None, findings: Sequence[tuple[str, str]], badge: str | None = None
    ) -> None:
        """Show a claim's details (and end any choice on offer)."""
        self._choices = None
        self._content = describe(graph, ref, findings, badge) if ref is not None else NOTHING_SELECTED
        self._wrap()

    def offer(self, candidates: list[tuple[str, str]]) -> None:
        """List (id, text) candidates, one a line, the first highlighted: :meth:`step` moves the highlight."""
        self._choices = candidates
        self._highlighted = 0
        self._draw_choices()

    @property
    def rows(self) -> int:
        """How many candidates fit without scrolling: a scrollbar coming and going lays the screen out again."""
        return max(1, self.scrollable_content_region.height)

    @property
    def offering(self) -> bool:
        return self._choices is not None

    def withdraw(self) -> None:
        """End the choice; the list stays drawn until the next :meth:`show`."""
        self._choices = None

    def step(self, offset: int) -> None:
        if self._choices:
            self._highlighted = max(0, min(len(self._choices) - 1, self._highlighted + offset))
            self._draw_choices()

    @property
    def chosen(self) -> str | None:
        """The highlighted candidate's id; None when nothing is on offer or nothing matched."""
        if not self._choices:
            return None
        return self._choices[self._highlighted][0]

    def _draw_choices(self) -> None:
        choices = self._choices or []
        if not choices:
            self._content = Text("no claim matches what is typed", style="dim")
            self._wrap()
            return
        width = max(1, self.scrollable_content_region.width)
        chosen = self.get_component_rich_style("details--chosen", partial=True)
        lines = [
            self._choice_line(index, ident, text, width, chosen if index == self._highlighted else None)
            for index, (ident, text) in enumerate(choices)
        ]
        self._show_lines(lines, width)
        self.scroll_to_region(Region(0, self._highlighted, 1, 1), animate=False, immediate=True)

    def _choice_line(self, index: int, ident: str, text: str, width: int, chosen: Style | None) -> Strip:
        """One candidate's line, drawn once: typing a filter or moving the highlight redraws only new lines."""
        key = (index, ident, text, width, chosen)
        line = self._choice_lines.get(key)
        if line is None:
            row = Text.assemble(
                (shorten(text, text_width(width, ident)), chosen or ""),
                (f"  {ident}", "dim"),
                no_wrap=True,
                style=Style(meta={"choice": index}),
            )
            row.truncate(width, overflow="ellipsis")
            line = self._choice_lines[key] = Strip(row.render(self.app.console))
        return line

    def focus_on_click(self) -> bool:
        """A click on a candidate picks it: the prompt bar, where the filter is typed, keeps the focus."""
        return self._choices is None

    def on_click(self, event: events.Click) -> None:
        index = event.style.meta.get("choice")
        if self._choices and isinstance(index, int) and index < len(self._choices):
            self._highlighted = index
            self.post_message(self.Picked(self._choices[index][0]))

    @property
    def text(self) -> str:
        """What the pane shows, as plain lines (for tests)."""
        return "\n".join(strip.text.rstrip() for strip in self._lines)

    def watch_virtual_size(self, size: Size) -> None:
        if self.is_mounted:
            follow_height(self, size.height)

    def on_resize(self) -> None:
        if self._choices is not None:
            self._draw_choices()  # the texts are cut to the width, so that each id shows
        else:
            self._wrap()

    def _wrap(self) -> None:
        width = self.scrollable_content_region.width
        if width <= 0:
            self._wrapped_at = -1
            return
        console = self.app.console
        lines = console.render_lines(self._content, console.options.update_width(width), pad=False)
        self._show_lines([Strip(line) for line in lines], width)

    def _show_lines(self, lines: list[Strip], width: int) -> None:
        """Show ``lines``, repainting only those that differ from what is shown.

        From one claim to the next, the blank lines below the text and headings such as
        *inference* stay; each line repainted through Textual's styles costs about 0.3 ms.
        """
        shown, self._lines = self._lines, lines
        if width != self._wrapped_at:
            self._wrapped_at = width
            self.refresh()
        else:
            for y in range(max(len(shown), len(lines))):
                if y >= len(shown) or y >= len(lines) or shown[y] != lines[y]:
                    self.refresh_line(y)
        self.virtual_size = Size(width, len(lines))

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        if width != self._wrapped_at:
            self.on_resize()
        scroll_x, scroll_y = self.scroll_offset
        index = scroll_y + y
        style = self.rich_style
        if index >= len(self._lines):
            return Strip.blank(width, style)
        return self._lines[index].crop_extend(scroll_x, scroll_x + width, style).apply_style(style)
