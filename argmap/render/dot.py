"""A map as Graphviz DOT text: a pure function of the map and the render options.

Same map and options, same bytes: nodes and edges are written in the order of
the map's structure (sibling ranks, then ids), never in dict or set order.

Every piece of map text passes through one of two escapers before it reaches
the DOT: :func:`plain_label` for quoted strings and :func:`html_text` for
HTML-like labels.  Both also neutralise Graphviz's own escapes (``\\N``,
``\\G``, ``&amp;``…), so a claim text can only ever be shown, never add an
attribute, a node or markup.

Relations that need a place of their own (linked premises, or an inference
that an undercut attacks) get a small junction node: the premises meet there,
and a single arrow leaves it for the target.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from functools import lru_cache

from argmap.graph import MapGraph, strongly_connected
from argmap.model import ArgMap, Claim, ClaimKind, Relation, RelationType
from argmap.numbering import claim_numbers
from argmap.render.fit import SMALL_TEXT_FITTED
from argmap.render.fonts import PLAIN_MARGIN
from argmap.render.legend import entries
from argmap.render.options import RenderOptions
from argmap.render.themes import EdgeStyle, Theme, get_theme
from argmap.render.view import View, roots_of, select
from argmap.render.words import words_for

LEAVES_PER_ROW = 2
"""More leaf reasons than this under one claim are staggered over two or three rows."""
SMALL_TEXT = 9.0
QUOTE_CHARS = 110
LONG_TEXT_WIDTH = 2.2
"""On a fitted page a text of n characters is wrapped at least 2.2·√n wide: its box about twice as wide as high."""
STUB_CHARS = 50
THESIS_CHAR_WIDTH = 8.5
"""Points per character of the thesis (16-pt bold Helvetica, on average): the width its arrows share."""
"""A "see …" stub shows this much of its claim's text."""
"""A quote under a claim is shortened to about this many characters."""

_UNSAFE_CHARS = re.compile(
    r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff\ufffe\uffff]"
)
"""C0 and C1 controls (a DOT file on a terminal must not drive it), bidi overrides (they reorder
what a reader sees), lone surrogates and non-characters (Graphviz rejects them)."""
_SPACE = re.compile(r"\s+")
_TOKEN = re.compile(r"\s*\S+")
_SENTENCE_END = re.compile(r"[.!?…][»«“”\"')\]]*(?=\s)")
_CLAUSE_END = re.compile(r"[,;:](?=\s)|\s[–—-](?=\s)")
BOUNDARY_SHARE = 0.5
"""A quote is cut at a sentence or clause end only if that keeps at least half of what fits."""


# Escaping -----------------------------------------------------------------------------------


def clean(text: str) -> str:
    """One line of printable text: control characters and lone surrogates become spaces."""
    if text.isprintable() and "  " not in text and text == text.strip():
        return text  # the common case, several times faster than the substitutions
    return _SPACE.sub(" ", _UNSAFE_CHARS.sub(" ", text)).strip()


@lru_cache(maxsize=4096)
def quoted(value: str) -> str:
    """A DOT double-quoted string whose content Graphviz shows literally.

    ``&`` is written as an entity because Graphviz decodes entities even in
    plain strings; backslashes are doubled because it reads ``\\N``, ``\\G``,
    ``\\l``… as escapes; double quotes are escaped so the string cannot end.
    """
    value = clean(value).replace("&", "&amp;").replace("\\", "\\\\").replace('"', '\\"')
    return f'"{value}"'


def plain_label(lines: Iterable[str]) -> str:
    """Centred lines as one quoted DOT label."""
    parts = [quoted(line)[1:-1] for line in lines]
    return '"' + "\\n".join(parts) + '"'


def html_text(text: str, keep_lines: bool = False) -> str:
    """Text for inside an HTML-like label: markup characters as entities, backslashes doubled.

    Graphviz expands ``\\N``, ``\\G``… inside HTML-like labels too (even when the
    backslash is written as ``&#92;``); only a doubled backslash stays literal.
    With ``keep_lines``, ``text`` is lines from :func:`wrap` joined by newlines,
    which become ``<BR/>``.
    """
    source = text if keep_lines else clean(text)  # lines from wrap() are clean already
    escaped = source.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    escaped = escaped.replace("\\", "\\\\")
    return escaped.replace("\n", "<BR/>") if keep_lines else escaped


def wrap(text: str, width: int) -> list[str]:
    """Balanced word wrap: as few lines as ``width`` allows, made as even as they can be.

    The narrowest width that still needs no more lines than ``width`` does is
    found by bisection, so a last line of one word moves up a word or two
    instead of hanging alone.
    """
    text = clean(text)
    lines = greedy_wrap(text, width)
    if len(lines) < 2:
        return lines
    longest_word = max(len(word) for word in text.split(" "))
    low, high = max(8, width // 2, min(longest_word, width)), width  # never cut a word that fits the width
    while low < high:
        middle = (low + high) // 2
        trial = greedy_wrap(text, middle)
        if len(trial) <= len(lines):
            lines, high = trial, middle
        else:
            low = middle + 1
    return lines


def greedy_wrap(text: str, width: int) -> list[str]:
    """Greedy word wrap; a word longer than ``width`` is cut (``textwrap`` is six times slower).

    :func:`clean` leaves single spaces between words, so each line ends at the
    last space that lets it fit, or is cut at ``width`` when there is none.
    """
    lines: list[str] = []
    while len(text) > width:
        cut = text.rfind(" ", 0, width + 1)
        if cut < 0:
            lines.append(text[:width])
            text = text[width:]
        else:
            lines.append(text[:cut])
            text = text[cut + 1 :]
    lines.append(text)
    return lines


def shorten(text: str, limit: int = QUOTE_CHARS) -> str:
    """``text`` cut to about ``limit`` characters: at the end of a sentence or clause where one is
    near enough, else after a word, and marked with an ellipsis."""
    text = clean(text)
    if len(text) <= limit:
        return text
    head = text[: limit + 1]
    for pattern in (_SENTENCE_END, _CLAUSE_END):
        ends = [match.end() for match in pattern.finditer(head) if match.end() >= limit * BOUNDARY_SHARE]
        if ends:
            cut = text[: ends[-1]].rstrip()
            return cut if pattern is _SENTENCE_END else cut.rstrip(",;:–—- ") + " …"
    cut = text[:limit].rsplit(" ", 1)[0] if " " in text[:limit] else text[:limit]
    return cut.rstrip(" ,.;:") + " …"


# The graph ----------------------------------------------------------------------------------


def build_dot(
    argmap: ArgMap, options: RenderOptions | None = None, *, graph: MapGraph | None = None, view: View | None = None
) -> str:
    """The DOT text of a map's diagram.

    ``graph`` and ``view`` save computing them again when the caller has them
    (``view`` selected with the options' focus and depth).
    """
    options = options or RenderOptions()
    graph = graph or MapGraph(argmap)
    return _DotWriter(argmap, options, graph, view or select(argmap, graph, options.focus, options.depth)).write()


class _DotWriter:
    def __init__(self, argmap: ArgMap, options: RenderOptions, graph: MapGraph, view: View) -> None:
        self.map = argmap
        self.options = options
        self.theme: Theme = get_theme(options.theme)
        self.words = words_for(options.lang)
        self.graph = graph
        self.view = view
        self.numbers = claim_numbers(graph) if options.numbers else {}
        targeted = {argmap.relations[rid].target for rid in self.view.relations}
        self.targeted = targeted
        self.junctions = {
            rid for rid in self.view.relations if len(argmap.relations[rid].premises) > 1 or rid in targeted
        }
        self.roles: dict[str, set[RelationType]] = {}
        for rid in self.view.relations:
            for premise in argmap.relations[rid].premises:
                self.roles.setdefault(premise, set()).add(argmap.relations[rid].type)
        self.sides = self._sides()
        self.thesis_ports = self._thesis_ports()
        self.thesis_lines: list[str] = []
        self.present: set[str] = set()
        """The legend's entries this picture needs (filled while writing it)."""
        self.small = SMALL_TEXT_FITTED if options.fit else SMALL_TEXT
        """The size of kind labels, numbers and notes: in a fitted page, large enough to read."""
        self.minlen = self._stagger_leaves(targeted)
        self._edge_looks: dict[str, str] = {}

    def _sides(self) -> dict[str, int]:
        """Claim id → +1 on the thesis's side, −1 against it, over the whole map.

        Support keeps a side, an attack turns it; an undercut turns the side of
        the step it attacks.  Computed from the theses down, not from the top of
        this picture, so a page that starts at an objection still tints it as one.
        """
        sides: dict[str, int] = {}
        queue: list[str] = []
        for root in [*roots_of(self.map, self.graph), *self.view.roots]:
            if root not in sides:
                sides[root] = 1
                queue.append(root)
                head = len(queue) - 1
                while head < len(queue):
                    node = queue[head]
                    head += 1
                    for rid, relation in self.graph.children(node):
                        side = sides[node] if relation.type is RelationType.SUPPORT else -sides[node]
                        for step in (rid, *relation.premises):
                            if step not in sides:
                                sides[step] = side
                                queue.append(step)
        return sides

    def _stagger_leaves(self, targeted: set[str]) -> dict[str, int]:
        """Edge lengths that spread a long row of leaf reasons over two or three rows.

        A claim with seven plain reasons would otherwise put them side by side
        and make the picture several times wider than high (the idea of
        Graphviz's ``unflatten``).
        """
        relations = self.map.relations
        uses: dict[str, int] = {}
        for rid in self.view.relations:
            for premise in relations[rid].premises:
                uses[premise] = uses.get(premise, 0) + 1
        leaves: dict[str, list[str]] = {}
        for rid in self.view.relations:
            relation = relations[rid]
            premise = relation.premises[0]
            leaf = premise not in targeted and premise not in self.view.hidden_below and uses[premise] == 1
            if self.options.stagger == "none" or (
                self.options.stagger == "leaves" and (rid in self.junctions or not leaf)
            ):
                continue
            leaves.setdefault(relation.target, []).append(rid)
        minlen: dict[str, int] = {}
        for rids in leaves.values():
            rows = min(3, -(-len(rids) // LEAVES_PER_ROW))
            if rows > 1:
                minlen.update({rid: 1 + index % rows for index, rid in enumerate(rids)})
        return minlen

    def write(self) -> str:
        theme, options = self.theme, self.options
        out: list[str] = ["digraph argmap {"]
        graph_attrs = {
            "rankdir": options.direction,
            "bgcolor": theme.background,
            "fontname": theme.font,
            "fontcolor": theme.font_colour,
            "charset": "UTF-8",
            "nodesep": "0.3",
            "ranksep": _num(options.ranksep),
            "pad": "0" if options.fit else "0.3",  # a fitted page gets its margins from the medium
            "ordering": "in",
        }
        if self._acyclic():
            # The same ranks as Graphviz's default ranking (which treats clusters apart;
            # our only one is the legend), without the clean-up pass that in Graphviz 2.43
            # visits every edge once per edge: a quarter of the layout of 1,000 claims.
            # Where claims attack each other in a cycle the two break it differently,
            # and the default's picture is the tidier one.
            graph_attrs["newrank"] = "true"
        out.append(f"  graph [{_attrs(graph_attrs)}];")
        node_attrs = {
            "shape": "box",
            "style": "rounded,filled",
            "fontname": theme.font,
            "fontsize": "13",
            "fontcolor": theme.font_colour,
            "color": theme.border,
            "fillcolor": theme.claim_fill,
            "penwidth": _num(theme.border_width),
            "margin": "0.16,0.09" if options.html_labels else PLAIN_MARGIN,
        }
        out.append(f"  node [{_attrs(node_attrs)}];")
        out.append(f"  edge [{_attrs({'fontname': theme.font, 'fontsize': '11', 'arrowsize': '0.9'})}];")
        for cid in self.view.claims:
            out.append(f"  {quoted(cid)} [{self._claim_attrs(cid, self.map.claims[cid])}];")
        for rid in self.view.relations:
            out.extend(self._relation_lines(rid, self.map.relations[rid]))
        out.extend(self._label())
        out.append("}")
        return "\n".join(out) + "\n"

    def _acyclic(self) -> bool:
        """Whether the drawn arrows form no cycle (they can: two claims that object to each other)."""
        successors: dict[str, list[str]] = {}
        for rid in self.view.relations:
            relation = self.map.relations[rid]
            if rid in self.junctions:
                successors.setdefault(rid, []).append(relation.target)
                for premise in relation.premises:
                    successors.setdefault(premise, []).append(rid)
            else:
                successors.setdefault(relation.premises[0], []).append(relation.target)
        return all(len(component) == 1 for component in strongly_connected(successors))

    # Claims ---------------------------------------------------------------------------------

    def _claim_attrs(self, cid: str, claim: Claim) -> str:
        theme, options = self.theme, self.options
        if cid in self.view.stubs:
            self.present.add("stub")
            return self._stub_attrs(cid, claim)
        thesis = claim.kind is ClaimKind.THESIS
        basis = claim.kind.is_basis
        styles = ["filled"] if basis else ["rounded", "filled"]
        if claim.implicit:
            styles.append("dashed")
        attrs: dict[str, str] = {"id": f"claim-{cid}", "class": " ".join(self._classes(claim))}
        attrs["style"] = ",".join(styles)
        roles = self.roles.get(cid, set())
        if cid in self.view.roots and not thesis:
            attrs["penwidth"] = _num(theme.border_width * 2)  # where a focused branch starts
        if thesis:
            attrs.update(
                fillcolor=theme.thesis_fill, color=theme.thesis_border, penwidth=_num(theme.border_width * 2.2)
            )
            attrs["fontsize"] = "16"
            attrs["margin"] = "0.22,0.14"
        elif basis:
            attrs["fillcolor"] = theme.basis_fill
        elif claim.implicit:
            attrs["fillcolor"] = theme.implicit_fill
        role = ""
        if roles == {RelationType.SUPPORT}:
            role = "reason"
        elif roles and all(kind.attacks for kind in roles):
            role = "defence" if self.sides.get(cid, -1) > 0 else "objection"
        if role and not (thesis or basis or claim.implicit):
            attrs["fillcolor"] = getattr(theme, f"{role}_fill")
            self.present.add(role)
        self.present.update(
            name for name, shown in (("thesis", thesis), ("basis", basis), ("implicit", claim.implicit)) if shown
        )
        if cid in options.strengths and not thesis:  # the thesis keeps the thickest frame
            attrs["penwidth"] = _num(strength_width(options.strengths[cid], theme.border_width))
        mark = options.marks.get(cid)
        if mark:
            attrs["color"] = theme.border if theme.name == "print" else MARK_COLOURS[mark]
            attrs["penwidth"] = _num(theme.border_width * 2.6)
            if mark == "removed":  # greyed and struck through: never taken for the implicit frame's dashes
                attrs["style"] = ",".join(s for s in styles if s != "dashed")
                attrs["fillcolor"] = theme.background if theme.name == "print" else REMOVED_FILL
                attrs["fontcolor"] = theme.muted_colour
        text = claim.shown_text(options.lang)
        width = options.wrap + 6 if thesis else options.wrap
        if options.fit:  # a long text in a narrow column would make a box taller than the page
            width = max(width, round(LONG_TEXT_WIDTH * math.sqrt(len(text))))
        lines = wrap(text, width)
        if thesis:
            self.thesis_lines = lines
        tag_parts = [self.words[mark].upper() if mark else "", self.numbers.get(cid, "")]
        if role and theme.name == "print":  # no tint on paper: the caption says which side
            tag_parts.insert(0, self.words[f"role.{role}"])
        if basis:
            tag_parts.append(self.words[claim.kind.value].upper())
        if claim.implicit:
            tag_parts.append(self.words["implicit"].upper())
        tag = " · ".join(part for part in tag_parts if part)
        quote = shorten(claim.evidence[0].quote) if options.quotes and claim.evidence else ""
        badge = options.badges.get(cid, "")
        if badge:
            label, _, rest = badge.partition(" ")
            badge = " ".join(part for part in (self.words.get(label, label), rest) if part)
            self.present.add("labels")
        if mark:
            self.present.add(mark)
        hidden = self.view.hidden_below.get(cid, 0)
        if hidden:
            self.present.add("more")
        more = self.words["more below"].format(n=hidden) if hidden else ""
        if cid in self.view.continued:
            more = self.words["continued"].format(n=hidden, page=self.view.continued[cid])
        runs = options.rewordings.get(cid) if not options.lang or options.lang not in claim.translations else None
        if mark == "removed":
            runs = (("-", text),)
        if options.html_labels:
            body = self._marked_body(runs, width) if runs else html_text("\n".join(lines), keep_lines=True)
            attrs["label"] = self._html_label(tag, body, thesis, quote, len(claim.evidence), badge, more)
        else:
            plain = [tag] if tag else []
            plain += wrap(_bracketed(runs), width) if runs else lines
            if quote:  # a line of its own names it, so the quote never reads as the claim's own words
                plain += [f"{self.words['quote'].upper()}:"]
                plain += [f"“{part}" if i == 0 else part for i, part in enumerate(wrap(quote, width + 4))]
                plain[-1] += "”"
            plain += [line for line in (badge, more) if line]
            attrs["label"] = plain_label(plain)
        return _attrs(attrs, raw={"label"})

    def _stub_attrs(self, cid: str, claim: Claim) -> str:
        """A claim drawn in full elsewhere: a small dotted box that says where."""
        text = claim.shown_text(self.options.lang)
        page = self.view.stubs[cid]
        places = [self.numbers.get(cid, ""), self.words["page"].format(page=page) if page else ""]
        where = ", ".join(place for place in places if place)
        see = self.words["see"].format(where=where) if where else ""
        lines = [*wrap(shorten(text, STUB_CHARS), self.options.wrap), see]
        attrs = {
            "id": f"claim-{cid}",
            "class": "claim stub",
            "style": "rounded,dotted",
            "fontsize": _num(self.small),
            "fontcolor": self.theme.muted_colour,
            "penwidth": _num(self.theme.border_width),
            "label": plain_label(line for line in lines if line),
        }
        return _attrs(attrs, raw={"label"})

    def _marked_body(self, runs: tuple[tuple[str, str], ...], width: int) -> str:
        """A word diff as label text: removed words struck through, added words underlined and bold."""
        looks = {"=": "{}", "-": "<S>{}</S>", "+": "<U><B>{}</B></U>"}
        lines: list[str] = [""]
        used = 0
        for op, text in runs:
            for token in _TOKEN.findall(text):  # a word with the space before it, if any
                word = clean(token)
                spaced = token[:1].isspace() and used > 0
                if spaced and used + 1 + len(word) > width:
                    lines.append("")
                    used, spaced = 0, False
                lines[-1] += (" " if spaced else "") + looks[op].format(html_text(word))
                used += len(word) + (1 if spaced else 0)
        return "<BR/>".join(lines)

    def _html_label(self, tag: str, body: str, thesis: bool, quote: str, quotes: int, badge: str, more: str) -> str:
        theme = self.theme
        rows: list[str] = []
        if tag:
            rows.append(f'<FONT POINT-SIZE="{_num(self.small)}" COLOR="{theme.muted_colour}">{html_text(tag)}</FONT>')
        rows.append(f"<B>{body}</B>" if thesis else body)
        if quote:
            quote_lines = wrap(quote, self.options.wrap + 8)
            text = html_text("\n".join(quote_lines), keep_lines=True)
            extra = f" (+{quotes - 1})" if quotes > 1 else ""
            size = _num(max(self.small, 10))
            rows.append(f'<FONT POINT-SIZE="{size}" COLOR="{theme.muted_colour}"><I>“{text}”{extra}</I></FONT>')
        if badge:
            rows.append(f'<FONT POINT-SIZE="11"><B>{html_text(badge)}</B></FONT>')
        if more:
            rows.append(f'<FONT POINT-SIZE="{_num(self.small)}" COLOR="{theme.muted_colour}">{html_text(more)}</FONT>')
        ports = len(self.thesis_ports) if thesis else 0
        if ports < 2:
            return "<" + "<BR/>".join(rows) + ">"
        span = max(len(line) for line in self.thesis_lines) * THESIS_CHAR_WIDTH
        cell = max(1, int(span / ports))
        cells = "".join(f'<TD PORT="in{index}" HEIGHT="1" WIDTH="{cell}"></TD>' for index in range(ports))
        text = "<BR/>".join(rows)
        return (
            f'<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="0">'
            f'<TR><TD COLSPAN="{ports}">{text}</TD></TR><TR>{cells}</TR></TABLE>>'
        )

    def _thesis_ports(self) -> dict[str, int]:
        """In print, the arrows into the thesis land side by side along its lower edge (relation id → place).

        On paper the heads are black: where several meet in one point they
        become a blot.  Only for a picture whose thesis is above or below its
        reasons, where that edge faces them.
        """
        if self.theme.name != "print" or self.options.direction not in ("BT", "TB") or not self.options.html_labels:
            return {}
        theses = {cid for cid in self.view.claims if self.map.claims[cid].kind is ClaimKind.THESIS}
        into = [rid for rid in self.view.relations if self.map.relations[rid].target in theses]
        return {rid: index for index, rid in enumerate(into)} if len(theses) == 1 and len(into) > 1 else {}

    def _classes(self, claim: Claim) -> list[str]:
        classes = ["claim"] if claim.kind is ClaimKind.CLAIM else ["claim", claim.kind.value]
        if claim.kind.is_basis:
            classes.append("basis")
        if claim.implicit:
            classes.append("implicit")
        return classes

    # Relations ------------------------------------------------------------------------------

    def _style(self, relation: Relation) -> tuple[str, EdgeStyle]:
        on_inference = relation.target in self.map.relations
        if relation.type is RelationType.SUPPORT:
            return ("backing", self.theme.backing) if on_inference else ("support", self.theme.support)
        return ("undercut", self.theme.undercut) if on_inference else ("attack", self.theme.attack)

    def _relation_lines(self, rid: str, relation: Relation) -> list[str]:
        kind, style = self._style(relation)
        self.present.add("support" if kind == "backing" else kind)
        if len(relation.premises) > 1:
            self.present.add("linked")
        if rid in self.targeted:
            self.present.add("attacked-step")
        edge = {"color": style.colour, "style": style.style, "penwidth": _num(style.penwidth)}
        if style.arrowsize != 0.9:
            edge["arrowsize"] = _num(style.arrowsize)
        mark = self.options.marks.get(rid)
        if mark == "removed":
            edge.update(style="dotted", color=self.theme.muted_colour)
        elif mark == "added":
            edge["penwidth"] = _num(style.penwidth * 2)
        if mark:
            kind = f"{kind} {mark}"
        head = {"arrowhead": style.arrowhead}
        port = self.thesis_ports.get(rid)
        if port is not None:
            head["headport"] = f"in{port}:{'s' if self.options.direction == 'BT' else 'n'}"
        target = quoted(relation.target)
        if rid not in self.junctions:
            # The common case, written directly: it is most of a large map's edges.
            looks = self._edge_looks.get(kind) if port is None else None
            if looks is None:
                looks = _attrs({"class": f"relation {kind}", **edge, **head})
                if port is None:
                    self._edge_looks[kind] = looks
            minlen = f', minlen="{self.minlen[rid]}"' if self.minlen.get(rid, 1) > 1 else ""
            ident = quoted(f"relation-{rid}")
            return [f"  {quoted(relation.premises[0])} -> {target} [id={ident}, {looks}{minlen}];"]
        linked = len(relation.premises) > 1
        attacked = rid in self.targeted
        junction = {
            "id": f"junction-{rid}",
            "class": f"junction {kind}" + (" linked" if linked else "") + (" attacked" if attacked else ""),
            "label": '""',
            # Linked premises meet in a dot; an undercut lands on a diamond: two marks, never confused.
            "shape": "circle" if linked else "diamond",
            "width": "0.16" if linked else "0.2",
            "height": "0.16" if linked else "0.2",
            "fixedsize": "true",
            "style": "filled",
            "fillcolor": style.colour,
            "color": self.theme.undercut.colour if attacked else style.colour,
        }
        if linked and attacked:  # both: the dot gets the undercut's ring
            junction["penwidth"] = "3"
        lines = [f"  {quoted(rid)} [{_attrs(junction, raw={'label'})}];"]
        for index, premise in enumerate(relation.premises, 1):
            attrs = {"id": f"relation-{rid}-premise-{index}", "class": f"premise {kind}", **edge, "arrowhead": "none"}
            lines.append(f"  {quoted(premise)} -> {quoted(rid)} [{_attrs(attrs)}];")
        attrs = {"id": f"relation-{rid}", "class": f"relation {kind}", **edge, **head}
        if self.minlen.get(rid, 1) > 1:
            attrs["minlen"] = str(self.minlen[rid])
        lines.append(f"  {quoted(rid)} -> {target} [{_attrs(attrs)}];")
        return lines

    # Legend ---------------------------------------------------------------------------------

    def _label(self) -> list[str]:
        """The graph's one label, on top: the title, the page's heading, and the key.

        Graphviz places a graph's label after the layout, so the key moves no
        node: it only adds room above the map.  It lists what this picture
        shows and nothing else.
        """
        words, options = self.words, self.options
        heading = [line for line in (options.title, self.view.heading) if line]
        found = entries(self.theme, self.present, MARK_COLOURS, words) if options.legend else []
        if not heading and not found:
            return []
        attrs = {"labelloc": "t", "fontsize": "22" if options.title else "14"}
        if not found:
            return [f"  graph [{_attrs(attrs)}, label={plain_label(heading)}];"]
        attrs["labeljust"] = "l"
        if not options.html_labels:
            keyed = [f"{e.plain}  {words['legend.' + e.key]}" for e in found]
            step = max(1, options.legend_columns)
            rows = ("     ".join(keyed[at : at + step]) for at in range(0, len(keyed), step))
            lines = [*heading, words["Legend"], *rows]
            return [f"  graph [{_attrs(attrs)}, label={plain_label(lines)}];"]
        size = _num(max(self.small, 11))
        cells = [f'{e.sample}<TD ALIGN="LEFT">{html_text(words["legend." + e.key])}</TD>' for e in found]
        columns = max(1, options.legend_columns) if len(cells) > 3 else 1
        table_rows = ["<TR>" + "".join(cells[at : at + columns]) + "</TR>" for at in range(0, len(cells), columns)]
        key = (
            f'<TABLE BORDER="1" COLOR="{self.theme.border}" CELLBORDER="0" CELLSPACING="3" CELLPADDING="2">'
            f'<TR><TD COLSPAN="{2 * columns}" ALIGN="LEFT"><B>{html_text(words["Legend"])}</B></TD></TR>'
            + "".join(table_rows)
            + "</TABLE>"
        )
        top = "".join(f"<TR><TD>{html_text(line)}</TD></TR>" for line in heading)
        html = (
            f'<<TABLE BORDER="0" CELLSPACING="4">{top}<TR><TD><FONT POINT-SIZE="{size}">{key}</FONT></TD></TR></TABLE>>'
        )
        return [f"  graph [{_attrs(attrs)}, label={html}];"]


def _num(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")


def _attrs(attrs: dict[str, str], raw: set[str] | frozenset[str] = frozenset()) -> str:
    """``key="value", …`` with every value quoted, except ``raw`` ones already made safe."""
    return ", ".join(f"{key}={value if key in raw else quoted(value)}" for key, value in attrs.items())


def strength_width(strength: float, base: float) -> float:
    """A frame from hairline (strength 0) to twice the theme's width (strength 1): below the thesis's 2.2."""
    return round(base * (0.4 + 1.6 * max(0.0, min(1.0, strength))), 2)


def _bracketed(runs: tuple[tuple[str, str], ...]) -> str:
    """A word diff in plain text, as ``git diff --word-diff`` writes it: [-removed-] {+added+}."""
    looks = {"=": "{}", "-": "[-{}-]", "+": "{{+{}+}}"}
    return " ".join(looks[op].format(clean(text)) for op, text in runs if clean(text))


REMOVED_FILL = "#eceff1"
MARK_COLOURS = {"added": "#2563eb", "removed": "#7b8794", "changed": "#d97706", "moved": "#c026d3"}
"""Frame colours of changed claims; the word above the text says the same for print and colour-blind readers."""
