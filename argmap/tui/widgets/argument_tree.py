"""The argument as a tree whose children are added only when a node is opened.

A map of 100,000 claims stays fast because the tree holds just what the user
opened.  A map is a graph: a claim linked in two places shows in both, and a
support cycle simply never ends when opened, one level at a time.

The widget draws its own lines (a :class:`~textual.scroll_view.ScrollView` over a
flat list of the open nodes, the way Textual's own Tree works inside) so that it
uses Textual's public API only, and repaints just the lines an edit changed.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import ClassVar, TypeAlias

from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import Reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from argmap.graph import MapGraph
from argmap.model import ClaimKind, RelationType
from argmap.order import is_top, top_claims, top_order
from argmap.tui.widgets.scrolling import follow_height


@dataclass(frozen=True, slots=True)
class NodeRef:
    """Which claim a tree line shows and through which relation it got there (None at the top)."""

    claim: str
    relation: str | None = None


OpenedNodes: TypeAlias = "dict[NodeRef, OpenedNodes]"
"""The open lines below a node, each with the open lines below it."""


def child_refs(graph: MapGraph, ref: NodeRef) -> list[NodeRef]:
    """What hangs below a line: undercuts of the inference that brought the claim here, then its reasons."""
    refs: list[NodeRef] = []
    if ref.relation is not None and ref.relation in graph.map.relations:
        refs.extend(NodeRef(premise, rid) for rid, rel in graph.children(ref.relation) for premise in rel.premises)
    refs.extend(NodeRef(premise, rid) for rid, rel in graph.children(ref.claim) for premise in rel.premises)
    return refs


def top_refs(graph: MapGraph) -> list[NodeRef]:
    """The tree's top level: :func:`argmap.order.top_claims`."""
    return [NodeRef(cid) for cid in top_claims(graph)]


LABEL_LENGTH = 160
"""Characters of a claim's text on its tree line; the details pane shows the whole text.

A line wider than the pane ends in an ellipsis: no one reads a line that needs
horizontal scrolling."""


def shorten(text: str, length: int = LABEL_LENGTH) -> str:
    """The text on one line, cut at ``length`` characters with an ellipsis."""
    line = " ".join(text[: length * 2].split())
    return line if len(line) <= length and len(text) <= length * 2 else line[: length - 1].rstrip() + "…"


def marks(evidence: int, flagged: bool, conflicted: bool) -> Text:
    """The gutter before a claim's text: evidence ``❝n`` (``❝+`` from ten), finding ``⚠``, conflict ``⇄``.

    Always five cells, before the text rather than after it: a long claim cannot push
    them out of the pane, and the texts of sibling lines start in one column.
    """
    gutter = Text()
    gutter.append(f"❝{evidence if evidence < 10 else '+'}" if evidence else "  ", style="yellow")
    gutter.append("⚠" if flagged else " ", style="bold yellow")
    gutter.append("⇄" if conflicted else " ", style="bold red")
    return gutter.append(" ")


def linked_group(graph: MapGraph, relation_id: str, target: str) -> str:
    """``&a``, ``&b``…: which of the linked reasons or objections of ``target`` a premise belongs to."""
    linked = [rid for rid, relation in graph.children(target) if len(relation.premises) > 1]
    index = linked.index(relation_id) if relation_id in linked else 0
    return "&" + (chr(ord("a") + index) if index < 26 else str(index + 1))


def claim_label(
    graph: MapGraph, ref: NodeRef, language: str | None = None, flagged: bool = False, conflicted: bool = False
) -> Text:
    """One line: how it bears on its parent, its linked group, the marks, the kind when not plain, the text.

    The symbols are those of ``argmap show``: ``+`` supports, ``−`` attacks, ``⊘`` undercuts.
    """
    claim = graph.map.claims.get(ref.claim)
    label = Text()
    relation = graph.map.relations.get(ref.relation) if ref.relation else None
    if relation is not None:
        undercut = relation.target in graph.map.relations
        if relation.type is RelationType.SUPPORT:
            label.append("+ ", style="bold green")
        else:
            label.append("⊘ " if undercut else "− ", style="bold red")
        if len(relation.premises) > 1 and ref.relation is not None:
            label.append(linked_group(graph, ref.relation, relation.target) + " ", style="bold cyan")
    if claim is None:
        return label.append(f"(missing claim {ref.claim})", style="red")
    label.append_text(marks(len(claim.evidence), flagged, conflicted))
    if claim.kind is ClaimKind.THESIS:
        label.append("THESIS ", style="bold magenta")
    elif claim.kind is not ClaimKind.CLAIM:
        label.append(f"[{claim.kind.value}] ", style="cyan")
    label.append(shorten(claim.shown_text(language)), style="italic" if claim.implicit else "")
    return label


NOT_SHOWN = ("not shown",)

GUIDE_THROUGH, GUIDE_NONE, GUIDE_BRANCH, GUIDE_LAST = "│  ", "   ", "├─ ", "└─ "
"""The lines drawn left of a claim: an ancestor with siblings still to come, one without, then the claim's own."""

ICON_CLOSED, ICON_OPEN, ICON_LEAF = "▶ ", "▼ ", "  "
"""Before the text: a claim with reasons or objections, closed or open, and one without."""


class TreeNode:
    """A claim's place in the tree: a line on screen while every node above it is open."""

    __slots__ = (
        "allow_expand",
        "children",
        "children_added",
        "data",
        "is_expanded",
        "known_label",
        "line",
        "parent",
        "tree",
    )

    def __init__(self, tree: ArgumentTree, parent: TreeNode | None, data: NodeRef | None, allow_expand: bool) -> None:
        self.tree = tree
        self.parent = parent
        """None at the root, and for a node taken out of the tree (see :meth:`ArgumentTree.alive`)."""
        self.data = data
        self.known_label: Text | None = None
        """The line's text once drawn or set: opening a claim with hundreds of reasons labels only those shown."""
        self.allow_expand = allow_expand
        self.children: list[TreeNode] = []
        self.is_expanded = False
        self.children_added = False
        """Whether the children are in the tree: they are added when the node is first opened."""
        self.line = -1
        """The node's line number, when it is shown (see :attr:`ArgumentTree.lines`)."""

    @property
    def is_last(self) -> bool:
        return self.parent is None or self.parent.children[-1] is self

    @property
    def label(self) -> Text:
        if self.known_label is None:
            self.known_label = self.tree.label_for(self.data) if self.data is not None else Text()
        return self.known_label

    def set_label(self, label: Text | None) -> None:
        """A new text for the line; None works it out again from the map when the line is next drawn."""
        self.known_label = label
        self.tree.repaint_later()

    def expand(self) -> None:
        self.tree.open(self)

    def collapse(self) -> None:
        self.tree.close(self)


class ArgumentTree(ScrollView, can_focus=True):
    """The map's claims; the editor screen keeps it in step with the document after each edit."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "screen.edit_text", "Edit text", show=False, id="edit-text"),
        Binding("shift+up", "screen.reorder(-1)", "Move up", show=False, id="reorder-up"),
        Binding("shift+down", "screen.reorder(1)", "Move down", show=False, id="reorder-down"),
        Binding("up", "cursor_by(-1)", "Cursor up", show=False),
        Binding("down", "cursor_by(1)", "Cursor down", show=False),
        Binding("pageup", "page_by(-1)", "Page up", show=False),
        Binding("pagedown", "page_by(1)", "Page down", show=False),
        Binding("home", "cursor_to(0)", "First line", show=False),
        Binding("end", "cursor_to(-1)", "Last line", show=False),
        Binding("space", "open_or_close", "Open or close", show=False),
        Binding("right", "open_or_down", "Open, or to the first reason", show=False),
        Binding("left", "close_or_up", "Close, or to the claim above", show=False),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {"argument-tree--cursor", "argument-tree--guides"}

    virtual_size: Reactive[Size] = Reactive(Size(0, 0), layout=False, repaint=False)
    """The lines' extent; a change neither lays the whole screen out again nor repaints every
    line (a screen layout cost 10–25 ms a key): :func:`follow_height` updates the scrollbar and
    :meth:`repaint_changed_lines` the lines that changed."""

    class NodeHighlighted(Message):
        """The cursor is on another line."""

        def __init__(self, node: TreeNode | None) -> None:
            super().__init__()
            self.node = node

    def __init__(self, graph: MapGraph, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.graph = graph
        self.language: str | None = None
        self.root = TreeNode(self, None, None, True)
        self.root.is_expanded = self.root.children_added = True
        self.cursor_line = -1
        self.node_at_cursor: TreeNode | None = None
        self.built_lines: list[TreeNode] | None = None
        """The open nodes top to bottom, None when the tree changed since (see :attr:`lines`)."""
        self.drawn: LRUCache[TreeNode, tuple[tuple[object, ...], Strip]] = LRUCache(2048)
        self.shown: dict[int, tuple[object, ...] | None] = {}
        """What each line number on screen was drawn from (see :meth:`repaint_changed_lines`)."""
        self.repaint_pending = False
        self.styles_now: tuple[Style, Style] = (Style(), Style())
        """The guides' and the cursor's style, read once per repaint."""
        self.lend_focus = False
        """True while the prompt bar has the keys on behalf of the tree's line: the tree keeps its
        focused look.  Textual repaints all of a widget that loses or gains the focus; for a
        prompt about the cursor's line that cost 10–15 ms twice, for no change worth seeing."""
        self.flagged: set[str] = set()
        self.conflicted: set[str] = set()
        """Ids of claims and relations with an unresolved merge conflict: marked on their lines."""

    # Building -------------------------------------------------------------------------------

    def load(self) -> None:
        """Build the top level and open the theses one level; everything else waits for an open."""
        self.detach(self.root.children)
        self.root.children = []
        self.add_refs(self.root, top_refs(self.graph))
        for node in self.root.children:
            if node.data is not None and node.data.relation is None and self._is_thesis(node.data.claim):
                node.expand()

    def reload(self) -> None:
        """Rebuild every line from :attr:`graph` (after it was replaced), keeping open what was open."""
        self._rebuild_children(self.root, top_refs(self.graph))

    def _is_thesis(self, claim_id: str) -> bool:
        claim = self.graph.map.claims.get(claim_id)
        return claim is not None and claim.kind is ClaimKind.THESIS

    def add_refs(self, node: TreeNode, refs: Iterable[NodeRef]) -> None:
        """Add a line below ``node`` for each of ``refs``, their own children left for :meth:`fill`."""
        node.children.extend(TreeNode(self, node, ref, self._has_children(ref)) for ref in refs)
        self.structure_changed()

    def _has_children(self, ref: NodeRef) -> bool:
        graph = self.graph
        return bool(graph.children(ref.claim)) or (ref.relation is not None and bool(graph.children(ref.relation)))

    def label_for(self, ref: NodeRef) -> Text:
        conflicted = ref.claim in self.conflicted or (ref.relation is not None and ref.relation in self.conflicted)
        return claim_label(self.graph, ref, self.language, ref.claim in self.flagged, conflicted)

    def fill(self, node: TreeNode) -> None:
        """Add a node's children if they are not there yet."""
        if node.data is None or node.children_added:
            return
        node.children_added = True
        self.add_refs(node, child_refs(self.graph, node.data))

    def filled(self, node: TreeNode) -> bool:
        """Whether ``node``'s children are in the tree (a node's children are added when it is opened)."""
        return node.children_added

    def open(self, node: TreeNode) -> None:
        """Show a node's children (adding them first if need be)."""
        self.fill(node)
        if not node.is_expanded:
            node.is_expanded = True
            self.structure_changed()

    def close(self, node: TreeNode) -> None:
        """Hide a node's children; a cursor below it moves up to it."""
        if node.is_expanded:
            node.is_expanded = False
            self.structure_changed()

    @staticmethod
    def detach(nodes: Iterable[TreeNode]) -> None:
        """Mark nodes as taken out of the tree (see :meth:`alive`)."""
        for node in nodes:
            node.parent = None

    def alive(self, node: TreeNode) -> bool:
        """Whether ``node`` is still in the tree (an edit can replace a node's children)."""
        above: TreeNode | None = node
        while above is not None and above is not self.root:
            above = above.parent
        return above is self.root

    # Lines ----------------------------------------------------------------------------------------

    def structure_changed(self) -> None:
        """Lines came, went or moved: rebuild the list of lines when next asked, repaint what changed."""
        self.built_lines = None
        self.repaint_later()

    def repaint_later(self) -> None:
        """Compare the lines with what is on screen once the change is complete.

        That is when the editor has brought the tree up to date
        (:meth:`repaint_changed_lines`), or else when the tree handles its next message.
        """
        if self.is_mounted and not self.repaint_pending:
            self.repaint_pending = True
            self.call_later(self.repaint_changed_lines)

    @property
    def lines(self) -> list[TreeNode]:
        """The open nodes, top to bottom: one per line.  The cursor stays on its node, or the nearest one above."""
        if self.built_lines is not None:
            return self.built_lines
        lines: list[TreeNode] = []
        stack = list(reversed(self.root.children))
        while stack:
            node = stack.pop()
            node.line = len(lines)
            lines.append(node)
            if node.is_expanded:
                stack.extend(reversed(node.children))
        self.built_lines = lines
        self.virtual_size = Size(0, len(lines))
        cursor = self.node_at_cursor
        while cursor is not None and not self.shows(cursor):
            cursor = cursor.parent if cursor.parent is not self.root else None
        if cursor is not None:
            self.cursor_line = cursor.line
        elif lines:
            self.cursor_line = min(max(self.cursor_line, 0), len(lines) - 1)
            cursor = lines[self.cursor_line]
        else:
            self.cursor_line = -1
        if cursor is not self.node_at_cursor:
            self.node_at_cursor = cursor
            self.post_message(self.NodeHighlighted(cursor))
        return lines

    def shows(self, node: TreeNode) -> bool:
        """Whether ``node`` has a line (as of the last :attr:`lines`)."""
        lines = self.built_lines or []
        return 0 <= node.line < len(lines) and lines[node.line] is node

    def watch_virtual_size(self, size: Size) -> None:
        if self.is_mounted:
            follow_height(self, size.height)

    # Drawing -------------------------------------------------------------------------------------

    def guides(self, node: TreeNode) -> str:
        """The guide lines left of ``node``: one column of three cells per level below the top."""
        if node.parent is None or node.parent is self.root:
            return ""
        columns = [GUIDE_LAST if node.is_last else GUIDE_BRANCH]
        above = node.parent
        while above.parent is not None and above.parent is not self.root:
            columns.append(GUIDE_NONE if above.is_last else GUIDE_THROUGH)
            above = above.parent
        return "".join(reversed(columns))

    def line_key(self, number: int, width: int, base: Style) -> tuple[object, ...] | None:
        """Everything line ``number`` shows; None below the last line."""
        lines = self.lines
        if number >= len(lines):
            return None
        node = lines[number]
        guide_style, cursor_style = self.styles_now
        at_cursor = number == self.cursor_line
        return (
            node.label,
            node.is_expanded,
            node.allow_expand,
            self.guides(node),
            width,
            base,
            guide_style,
            cursor_style if at_cursor else None,
        )

    def notify_style_update(self) -> None:
        """A change of focus or theme repaints the lines; those that look the same are not drawn again."""
        super().notify_style_update()
        self.refresh()

    def render_lines(self, crop: Region) -> list[Strip]:
        self.styles_now = (
            self.get_component_rich_style("argument-tree--guides", partial=True),
            self.get_component_rich_style("argument-tree--cursor", partial=False),
        )
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        """Line ``y`` of the pane, drawn again only when something it shows changed."""
        number = y + self.scroll_offset.y
        width = self.scrollable_content_region.width
        base = self.rich_style
        key = self.line_key(number, width, base)
        self.shown[number] = key
        if key is None:
            return Strip.blank(width, base)
        node = self.lines[number]
        drawn = self.drawn.get(node)
        if drawn is not None and drawn[0] == key:
            return drawn[1]
        strip = self.draw(node, key)
        self.drawn[node] = (key, strip)
        return strip

    def draw(self, node: TreeNode, key: tuple[object, ...]) -> Strip:
        label, expanded, allow_expand, guides, width, base, guide_style, cursor_style = key
        assert isinstance(label, Text) and isinstance(guides, str) and isinstance(width, int)
        assert isinstance(base, Style) and isinstance(guide_style, Style)
        line = Text(no_wrap=True, end="").append(guides, style=guide_style)
        text = Text((ICON_OPEN if expanded else ICON_CLOSED) if allow_expand else ICON_LEAF).append_text(label)
        if isinstance(cursor_style, Style):
            text.stylize(cursor_style)
        line.append_text(text)
        line.truncate(width, overflow="ellipsis", pad=True)
        return Strip(line.render(self.app.console), width).apply_style(base)

    def repaint_changed_lines(self) -> None:
        """Repaint the visible lines that no longer show what was drawn there.

        After a claim is added, the lines above it stay as they are: painting all of
        them again through Textual's styles cost some 0.25 ms a line.
        """
        if not self.repaint_pending:
            return
        self.repaint_pending = False
        top, height = self.scroll_offset.y, self.size.height
        if len(self.shown) > 4 * max(1, height):  # forget lines scrolled past
            self.shown = {y: key for y, key in self.shown.items() if top <= y < top + height}
        width = self.scrollable_content_region.width
        base = self.rich_style
        for number in range(top, top + height):
            if self.shown.get(number, NOT_SHOWN) != self.line_key(number, width, base):
                self.refresh_line(number)

    # Cursor and keys -----------------------------------------------------------------------------

    @property
    def cursor_node(self) -> TreeNode | None:
        lines = self.lines
        return lines[self.cursor_line] if 0 <= self.cursor_line < len(lines) else None

    def move_cursor(self, node: TreeNode | None, animate: bool = False) -> None:
        """Put the cursor on ``node``'s line and scroll it into view."""
        if node is not None and (self.lines and self.shows(node)):
            self.move_cursor_to_line(node.line, animate)

    def move_cursor_to_line(self, number: int, animate: bool = False) -> None:
        lines = self.lines
        if not lines:
            return
        number = max(0, min(number, len(lines) - 1))
        if number != self.cursor_line:
            self.refresh_line(self.cursor_line)
            self.refresh_line(number)
            self.cursor_line = number
        self.scroll_to_region(Region(0, number, 1, 1), animate=animate, x_axis=False, immediate=True)
        node = lines[number]
        if node is not self.node_at_cursor:
            self.node_at_cursor = node
            self.post_message(self.NodeHighlighted(node))

    def action_cursor_by(self, step: int) -> None:
        self.move_cursor_to_line(self.cursor_line + step)

    def action_page_by(self, pages: int) -> None:
        self.move_cursor_to_line(self.cursor_line + pages * max(1, self.size.height - 1))

    def action_cursor_to(self, number: int) -> None:
        self.move_cursor_to_line(number if number >= 0 else len(self.lines) - 1)

    def action_open_or_close(self) -> None:
        node = self.cursor_node
        if node is not None and node.allow_expand:
            self.close(node) if node.is_expanded else self.open(node)

    def action_open_or_down(self) -> None:
        node = self.cursor_node
        if node is None or not node.allow_expand:
            return
        if node.is_expanded and node.children:
            self.move_cursor(node.children[0])
        else:
            self.open(node)

    def action_close_or_up(self) -> None:
        node = self.cursor_node
        if node is None:
            return
        if node.is_expanded:
            self.close(node)
        elif node.parent is not None and node.parent is not self.root:
            self.move_cursor(node.parent)

    def on_click(self, event: events.Click) -> None:
        """A click selects its line; on the ``▶``/``▼`` before the text it opens or closes the claim."""
        offset = event.get_content_offset(self)
        lines = self.lines
        if offset is None or not 0 <= offset.y + self.scroll_offset.y < len(lines):
            return
        node = lines[offset.y + self.scroll_offset.y]
        icon = len(self.guides(node))
        if node.allow_expand and icon <= offset.x < icon + len(ICON_OPEN):
            self.close(node) if node.is_expanded else self.open(node)
        else:
            self.move_cursor(node)

    # Focus ---------------------------------------------------------------------------------------

    def on_blur(self, event: events.Blur) -> None:
        """While the focus is lent (:attr:`lend_focus`), the tree goes on looking focused."""
        if self.lend_focus:
            event.prevent_default()

    def on_focus(self, event: events.Focus) -> None:
        if self.has_focus:  # it kept its look while the focus was lent
            event.prevent_default()

    # Keeping in step --------------------------------------------------------------------------

    def loaded_nodes(self) -> Iterator[TreeNode]:
        """Every node present in the tree (only what has been opened), top to bottom."""
        stack = list(reversed(self.root.children))
        while stack:
            node = stack.pop()
            yield node
            stack.extend(reversed(node.children))

    def sync(self, touched: set[str]) -> None:
        """Bring lines up to date after an edit that changed the records named in ``touched``.

        ``touched`` holds the changed ids with the targets and premises of changed
        relations.  A line is relabelled when its claim or relation changed; a node's
        children are rebuilt when something below it came or went; open children stay open.
        """
        wanted_top = self._top_after(touched)
        if [c.data for c in self.root.children] != wanted_top:
            self._rebuild_children(self.root, wanted_top)
        for node in list(self.loaded_nodes()):
            ref = node.data
            if ref is None or not self.alive(node):
                continue
            if ref.claim not in touched and ref.relation not in touched:
                continue
            node.set_label(None)
            if node.allow_expand != self._has_children(ref):
                node.allow_expand = not node.allow_expand
                self.repaint_later()
            if node.children_added:
                wanted = child_refs(self.graph, ref)
                if [c.data for c in node.children] != wanted:
                    self._rebuild_children(node, wanted)

    def _top_after(self, touched: set[str]) -> list[NodeRef]:
        """The top level after an edit: only touched claims can have come or gone."""
        graph = self.graph
        claims = graph.map.claims
        top = {c.data.claim for c in self.root.children if c.data is not None}
        for ident in touched:
            if ident in claims and is_top(graph, ident):
                top.add(ident)
            else:
                top.discard(ident)
        return [NodeRef(cid) for cid in top_order(claims, top)]

    def _rebuild_children(self, node: TreeNode, wanted: list[NodeRef]) -> None:
        """Replace a node's children, reopening those that were open and are still there."""
        opened = self._opened(node)
        self.detach(node.children)
        node.children = []
        self.add_refs(node, wanted)
        self._reopen(node, opened)

    def _opened(self, node: TreeNode) -> OpenedNodes:
        return {
            child.data: self._opened(child) for child in node.children if child.data is not None and child.is_expanded
        }

    def _reopen(self, node: TreeNode, opened: OpenedNodes) -> None:
        for child in node.children:
            if child.data in opened:
                self.open(child)
                self._reopen(child, opened[child.data])

    # Finding lines ------------------------------------------------------------------------------

    def path_to(self, claim_id: str, via: str | None = None) -> list[NodeRef]:
        """The lines from a top-level claim down to ``claim_id``, through first parents.

        An undercut hangs below the line of the premise whose inference it attacks.
        Empty when the way up runs in a circle.
        """
        relations = self.graph.map.relations
        chain: list[NodeRef] = []
        claim = claim_id
        seen: set[tuple[str, str | None]] = set()
        while (claim, via) not in seen:
            seen.add((claim, via))
            if via is None:
                parents = self.graph.parents(claim)
                if not parents:
                    chain.append(NodeRef(claim))
                    return chain[::-1]
                via = parents[0][0]
            chain.append(NodeRef(claim, via))
            target = relations[via].target
            if target in relations:
                claim, via = relations[target].premises[0], target
            else:
                claim, via = target, None
        return []

    def path_of(self, node: TreeNode | None) -> list[NodeRef]:
        """The refs from the top down to ``node``: enough to find the same line after a rebuild."""
        refs: list[NodeRef] = []
        while node is not None and node is not self.root:
            if node.data is not None:
                refs.append(node.data)
            node = node.parent
        return refs[::-1]

    def reveal_path(self, path: list[NodeRef]) -> TreeNode | None:
        """Open the tree along ``path`` as far as it still exists and put the cursor there."""
        node = self.root
        for ref in path:
            if node is not self.root:
                self.fill(node)
            match = next((c for c in node.children if c.data == ref), None)
            if match is None:
                break
            node = match
        if node is self.root:
            if not self.root.children:
                return None
            node = self.root.children[0]
        return self._select(node)

    def reveal(self, claim_id: str, via: str | None = None) -> TreeNode | None:
        """Put the cursor on a line of ``claim_id``: an open one if any, else open the way to it."""
        for node in self.loaded_nodes():
            ref = node.data
            if ref is not None and ref.claim == claim_id and (via is None or ref.relation == via):
                return self._select(node)
        path = self.path_to(claim_id, via)
        return self.reveal_path(path) if path else None

    def _select(self, node: TreeNode) -> TreeNode:
        parent = node.parent
        while parent is not None and parent is not self.root:
            self.open(parent)
            parent = parent.parent
        self.move_cursor(node)
        return node

    @property
    def current(self) -> NodeRef | None:
        node = self.cursor_node
        return node.data if node is not None else None
