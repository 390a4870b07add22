"""The argument as a tree whose children are added only when a node is expanded.

Textual's Tree rebuilds all its lines on every structural change, so a map of
100,000 claims stays fast only if the tree holds just what the user opened.
A map is a graph: a claim linked in two places shows in both, and a support
cycle simply never ends when expanded, one level at a time.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import ClassVar, TypeAlias

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.geometry import Region, Size
from textual.reactive import Reactive
from textual.strip import Strip
from textual.widgets import Tree
from textual.widgets.tree import NodeID, TreeNode, UnknownNodeID

from argmap.graph import MapGraph
from argmap.model import ClaimKind, RelationType
from argmap.order import is_top, top_claims, top_order


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


STEADY_COMPONENTS = ("tree--label", "tree--guides", "tree--guides-hover", "tree--highlight", "tree--highlight-line")
"""Tree's component styles that do not change with focus (widgets.tcss keeps guides the same focused or not)."""

LABEL_LENGTH = 160
"""Characters of a claim's text on its tree line; the details pane shows the whole text.

Textual's Tree measures every open line whenever the tree changes, so a few claims
of several thousand characters would make every edit slow, and no one reads a line
that needs horizontal scrolling."""


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


def renumbered(strip: Strip, y: int) -> Strip:
    """A drawn tree line moved to line ``y``: Tree's clicks and hovers read the line number from its style."""
    line = Style(meta={"line": y})
    return Strip(
        [Segment(text, style + line if style is not None else None, control) for text, style, control in strip],
        strip.cell_length,
    )


NOT_SHOWN = ("not shown",)
SHOWN_LINES_KEPT = 4_096
"""Lines whose drawing is remembered before starting afresh (scrolling through a large map)."""


class ArgumentTree(Tree[NodeRef]):
    """The map's claims; the editor screen keeps it in step with the document after each edit."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "screen.edit_text", "Edit text", show=False, id="edit-text"),
        Binding("shift+up", "screen.reorder(-1)", "Move up", show=False, id="reorder-up"),
        Binding("shift+down", "screen.reorder(1)", "Move down", show=False, id="reorder-down"),
    ]

    virtual_size: Reactive[Size] = Reactive(Size(0, 0), layout=False, repaint=False)
    """The lines' extent; unlike Textual's own, a change neither lays the whole screen out again
    nor repaints every line: the tree's place on screen is fixed by the stylesheet, and the
    lines that changed are repainted by :meth:`repaint_changed_lines` (a screen layout cost
    10–25 ms a key)."""

    _repaint_pending = False
    """A change of the nodes waits for :meth:`repaint_changed_lines` (Tree's constructor already makes one)."""

    def __init__(self, graph: MapGraph, *, id: str | None = None) -> None:
        self._drawn: LRUCache[tuple[object, ...], tuple[int, Strip, str | Text]] = LRUCache(2048)
        self._unfilled: set[NodeID] = set()
        """Nodes whose children are not added yet (see :meth:`fill`)."""
        self._label_widths: LRUCache[NodeID, tuple[str | Text, int]] = LRUCache(4096)
        super().__init__("map", id=id)
        self.graph = graph
        self.show_root = False
        self.auto_expand = False
        self.guide_depth = 3
        self.language: str | None = None
        self._look: tuple[Style, ...] = ()
        self._shown: dict[int, tuple[object, ...] | None] = {}
        """What each line number on screen was drawn from (see :meth:`repaint_changed_lines`)."""
        self.lend_focus = False
        """True while the prompt bar has the keys on behalf of the tree's line: the tree keeps its
        focused look.  Textual repaints all of a widget that loses or gains the focus; for a
        prompt about the cursor's line that cost 10–15 ms twice, for no change worth seeing."""
        self.flagged: set[str] = set()
        self.conflicted: set[str] = set()
        """Ids of claims and relations with an unresolved merge conflict: marked on their lines."""

    # Building -------------------------------------------------------------------------------

    def load(self) -> None:
        """Build the top level and open the theses one level; everything else waits for an expand."""
        self.clear()
        self._unfilled.clear()
        self.add_refs(self.root, top_refs(self.graph))
        self.root.expand()
        for node in self.root.children:
            if node.data is not None and node.data.relation is None and self._is_thesis(node.data.claim):
                self.fill(node)
                node.expand()

    def reload(self) -> None:
        """Rebuild every line from :attr:`graph` (after it was replaced), keeping open what was open."""
        self._rebuild_children(self.root, top_refs(self.graph))

    def _is_thesis(self, claim_id: str) -> bool:
        claim = self.graph.map.claims.get(claim_id)
        return claim is not None and claim.kind is ClaimKind.THESIS

    def add_refs(self, node: TreeNode[NodeRef], refs: Iterable[NodeRef]) -> None:
        """Add a line below ``node`` for each of ``refs``, their own children left for :meth:`fill`."""
        for ref in refs:
            child = node.add(self.label_for(ref), ref, allow_expand=self._has_children(ref))
            self._unfilled.add(child.id)

    def _has_children(self, ref: NodeRef) -> bool:
        graph = self.graph
        return bool(graph.children(ref.claim)) or (ref.relation is not None and bool(graph.children(ref.relation)))

    def label_for(self, ref: NodeRef) -> Text:
        conflicted = ref.claim in self.conflicted or (ref.relation is not None and ref.relation in self.conflicted)
        return claim_label(self.graph, ref, self.language, ref.claim in self.flagged, conflicted)

    def fill(self, node: TreeNode[NodeRef]) -> None:
        """Add a node's children if they are not there yet."""
        if node.data is None or self.filled(node):
            return
        self._unfilled.discard(node.id)
        self.add_refs(node, child_refs(self.graph, node.data))

    def filled(self, node: TreeNode[NodeRef]) -> bool:
        """Whether ``node``'s children are in the tree (a node's children are added when it is opened)."""
        return node.id not in self._unfilled

    def on_tree_node_expanded(self, event: Tree.NodeExpanded[NodeRef]) -> None:
        self.fill(event.node)

    # Focus ---------------------------------------------------------------------------------------

    def on_blur(self, event: events.Blur) -> None:
        """While the focus is lent (:attr:`lend_focus`), the tree goes on looking focused."""
        if self.lend_focus:
            event.prevent_default()

    def on_focus(self, event: events.Focus) -> None:
        if self.has_focus:  # it kept its look while the focus was lent
            event.prevent_default()

    # Drawing -------------------------------------------------------------------------------------

    def watch_virtual_size(self, size: Size) -> None:
        if self.is_mounted:
            self._scroll_update(size)

    def _invalidate(self) -> None:
        """Tree's reaction to a change of its nodes, without a screen layout and without repainting every line.

        The lines are compared with what is on screen once the change is complete:
        when the editor has brought the tree up to date (:meth:`repaint_changed_lines`),
        or else as soon as the tree handles its next message.
        """
        self._clear_line_cache()
        self._updates += 1
        self.root._reset()
        if self.is_mounted and not self._repaint_pending:
            self._repaint_pending = True
            self.call_later(self.repaint_changed_lines)

    def repaint_changed_lines(self) -> None:
        """Repaint the visible lines that no longer show what was drawn there.

        After a claim is added, the lines above it stay as they are; painting all of
        them again through Textual's styles cost some 0.25 ms a line.
        """
        if not self._repaint_pending:
            return
        self._repaint_pending = False
        if len(self._shown) > SHOWN_LINES_KEPT:
            self._shown.clear()
        scroll_x, scroll_y = self.scroll_offset
        width, height = self.size
        style = self.rich_style
        for y in range(scroll_y, scroll_y + height):
            if self._shown.get(y, NOT_SHOWN) != self._line_key(y, scroll_x, scroll_x + width, style):
                self.refresh_line(y)

    def notify_style_update(self) -> None:
        """A change of focus or theme repaints the lines; Tree would also rebuild them all.

        Drawn lines are kept by what they look like (see :meth:`render_line`), so a
        repaint redraws just the lines whose look changed.
        """
        super().notify_style_update()
        self.refresh()

    def render_lines(self, crop: Region) -> list[Strip]:
        self._look = (
            self.rich_style,
            *(self.get_component_rich_style(name, partial=True) for name in STEADY_COMPONENTS),
        )
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        """Tree's drawing of a line, kept until something that line shows changes.

        Tree forgets every drawn line at any change of the tree or of focus, so
        adding one claim or opening the prompt bar redrew all of them (15 ms at
        100k claims).  Here a line is redrawn when its own node, cursor or hover
        change; focus matters only on the cursor's line and below it.  A line that
        only moved (a claim was added above it) gets its new line number, which
        mouse clicks read, without being drawn again.
        """
        scroll_x, scroll_y = self.scroll_offset
        number = y + scroll_y
        key = self._line_key(number, scroll_x, scroll_x + self.size.width, self.rich_style)
        self._shown[number] = key
        node = self.get_node_at_line(number)
        if key is None or node is None:
            return super().render_line(y)
        drawn = self._drawn.get(key)
        if drawn is None or drawn[2] is not node.label:
            strip = super().render_line(y)
        elif drawn[0] != number:
            strip = renumbered(drawn[1], number)
        else:
            return drawn[1]
        self._drawn[key] = (number, strip, node.label)
        return strip

    def _line_key(self, y: int, x1: int, x2: int, base_style: Style) -> tuple[object, ...] | None:
        """Everything line ``y`` shows, but not its number; None below the last line.

        A line's drawing depends on its own node (label, open or not) and, for the
        guides, on whether each node above it is the last of its siblings, hovered or
        under the cursor.
        """
        node = self.get_node_at_line(y)
        if node is None:
            return None
        hovered = self.get_node_at_line(self.hover_line) if self.hover_line >= 0 else None
        cursor = self.cursor_node
        path = []
        above: TreeNode[NodeRef] | None = node
        while above is not None and above is not self.root:
            path.append((above.id, above.is_last, above is hovered, above is cursor))
            above = above.parent
        at_cursor = any(on_cursor for *_, on_cursor in path)
        return (
            x1,
            x2,
            self.size.width,
            self.virtual_size.width,
            base_style,
            self._look,
            self.hover_line == y,
            self.cursor_line == y,
            id(node.label),
            node.is_expanded,
            node.allow_expand,
            tuple(path),
            self._cursor_look() if at_cursor else None,
        )

    def _cursor_look(self) -> tuple[object, ...]:
        return (
            self.has_focus,
            self.get_component_rich_style("tree--cursor", partial=False),
            self.get_component_rich_style("tree--guides-selected", partial=True),
        )

    def get_label_width(self, node: TreeNode[NodeRef]) -> int:
        """The label's width, measured once per label: Textual measures every open line after each change."""
        label = node.label
        cached = self._label_widths.get(node.id)
        if cached is None or cached[0] is not label:
            width = label.cell_len if isinstance(label, Text) else cell_len(label)  # Tree keeps Text; typed str | Text
            cached = self._label_widths[node.id] = (label, width)
        icon = (self.ICON_NODE_EXPANDED if node.is_expanded else self.ICON_NODE) if node.allow_expand else ""
        return len(icon) + cached[1]

    # Keeping in step --------------------------------------------------------------------------

    def loaded_nodes(self) -> Iterator[TreeNode[NodeRef]]:
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
            if ref is None or not self._alive(node):
                continue
            if ref.claim not in touched and ref.relation not in touched:
                continue
            node.set_label(self.label_for(ref))
            node.allow_expand = self._has_children(ref)
            if self.filled(node):
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

    def _alive(self, node: TreeNode[NodeRef]) -> bool:
        try:
            self.get_node_by_id(node.id)
        except UnknownNodeID:
            return False
        return True

    def _rebuild_children(self, node: TreeNode[NodeRef], wanted: list[NodeRef]) -> None:
        """Replace a node's children, reopening those that were open and are still there."""
        opened = self._opened(node)
        node.remove_children()
        self.add_refs(node, wanted)
        self._reopen(node, opened)

    def _opened(self, node: TreeNode[NodeRef]) -> OpenedNodes:
        return {
            child.data: self._opened(child) for child in node.children if child.data is not None and child.is_expanded
        }

    def _reopen(self, node: TreeNode[NodeRef], opened: OpenedNodes) -> None:
        for child in node.children:
            if child.data in opened:
                self.fill(child)
                child.expand()
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

    def path_of(self, node: TreeNode[NodeRef] | None) -> list[NodeRef]:
        """The refs from the top down to ``node``: enough to find the same line after a rebuild."""
        refs: list[NodeRef] = []
        while node is not None and node is not self.root:
            if node.data is not None:
                refs.append(node.data)
            node = node.parent
        return refs[::-1]

    def reveal_path(self, path: list[NodeRef]) -> TreeNode[NodeRef] | None:
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

    def reveal(self, claim_id: str, via: str | None = None) -> TreeNode[NodeRef] | None:
        """Put the cursor on a line of ``claim_id``: an open one if any, else open the way to it."""
        for node in self.loaded_nodes():
            ref = node.data
            if ref is not None and ref.claim == claim_id and (via is None or ref.relation == via):
                return self._select(node)
        path = self.path_to(claim_id, via)
        return self.reveal_path(path) if path else None

    def _select(self, node: TreeNode[NodeRef]) -> TreeNode[NodeRef]:
        parent = node.parent
        while parent is not None and parent is not self.root:
            if not parent.is_expanded:  # expanding again would mark every line below as changed
                parent.expand()
            parent = parent.parent
        self.get_node_at_line(0)  # rebuilds the lines now, so the node's line number is current
        self.move_cursor(node, animate=False)
        return node

    @property
    def current(self) -> NodeRef | None:
        node = self.cursor_node
        return node.data if node is not None else None
