"""``argmap show``: the argument as a coloured outline in the terminal.

Each line is a few pieces of text with a rich style each.  They are written
straight to the console's file, with the colour codes rich would put around
each piece, a large chunk at a time: laying out every line with rich took
0.2 ms per claim, half a minute for a 100,000-claim map piped into ``less``.
A line holding characters rich lays out in its own way (newlines, tabs,
control characters) still goes through rich, so the output stays the same.
"""

from __future__ import annotations

import argparse
import re

from rich.console import COLOR_SYSTEMS, Console
from rich.style import Style
from rich.text import Text

from argmap import store
from argmap.cli.common import ROLE_STYLES, Subcommands, add_command, console
from argmap.evaluate import SEMANTICS, evaluate
from argmap.graph import MapGraph
from argmap.indent import depth_marker, indentation
from argmap.numbering import numbered_rows
from argmap.outline import MARKERS, Role, Row, kind_label, outline
from argmap.quotes import quoted
from argmap.visible import visible


def register(subparsers: Subcommands) -> None:
    parser = add_command(
        subparsers,
        "show",
        "print the argument as an outline",
        """\
The thesis first, then its reasons (+) and objections (−), each with what bears
on it. Linked premises are grouped under one reason (&), an undercut (⊘)
attacks the step from a reason to its conclusion, a rebuttal is an objection
to an objection. A claim reached twice is listed the second time as (see [id]).

examples:
  argmap show maps/partnership-of-convenience.argmap.json
  argmap show maps/partnership-of-convenience.argmap.json --quotes --lang de
  argmap show maps/partnership-of-convenience.argmap.json --strength
  argmap show maps/partnership-of-convenience.argmap.json --numbers   # as in `argmap render --numbers`
  NO_COLOR=1 argmap show essay.argmap.json > outline.txt
""",
    )
    parser.add_argument("map", metavar="MAP", help="the map file")
    parser.add_argument("--quotes", action="store_true", help="print each claim's evidence quotes under it")
    parser.add_argument("--lang", metavar="LANG", help="show translations into LANG where they exist")
    parser.add_argument("--ids", action="store_true", help="print claim ids after the texts")
    parser.add_argument(
        "--numbers", action="store_true", help="number the claims 1, 1.1, 1.2a… as `argmap render --numbers` does"
    )
    parser.add_argument("--strength", action="store_true", help="print each claim's label (IN/OUT/UNDEC) and strength")
    parser.add_argument(
        "--semantics", choices=SEMANTICS, default="dfquad", help="how --strength evaluates (default: dfquad)"
    )
    parser.set_defaults(run=run)


Piece = tuple[str, str]
"""Some text and its rich style ('' for none)."""

CHUNK_CHARS = 1 << 16
"""Lines are written in chunks of about this many characters."""
_RICH_ONLY = re.compile(r"[\t\n\r\x07\x08\x0b\x0c]")
"""Characters rich expands or strips: a line with one of them is printed by rich itself."""


def run(args: argparse.Namespace) -> int:
    argmap = store.load_for_reading(args.map)
    out = _Lines(console())
    if argmap.title:
        out.write([(visible(argmap.title), "bold underline")])
    badges = evaluate(argmap, args.semantics).badges() if args.strength else {}
    rows = outline(MapGraph(argmap))
    for row, number in numbered_rows(rows) if args.numbers else ((row, "") for row in rows):
        pieces = _row_pieces(row, args.lang, args.ids, number)
        badge = badges.get(row.claim_id or "", "")
        if badge:
            pieces += [("  ", ""), (badge, "bold")]
        out.write(pieces)
        if args.quotes:
            indent = indentation(row.depth, "    ") + "    "
            for anchor in row.evidence:
                source = argmap.sources.get(anchor.source)
                marks = quoted(visible(anchor.quote), source.language if source else argmap.language)
                quote = f"{marks} ({anchor.source} {anchor.start}–{anchor.end})"
                out.write([(indent, ""), (quote, "dim")])
    out.flush()
    return 0


_LABELS: dict[Role, Piece] = {role: (f"{MARKERS[role]} {role.value}", ROLE_STYLES[role]) for role in Role}


def _row_pieces(row: Row, language: str | None, with_ids: bool, number: str = "") -> list[Piece]:
    indent = (indentation(row.depth, "    ") + depth_marker(row.depth), "")
    label = _LABELS[row.role]
    if row.claim_id is None:
        numbered = [(f" {number}", "bold")] if number else []
        return [indent, label, *numbered, (" (these premises work only together)", "dim")]
    if row.claim is None:
        return [indent, label, (" ", ""), (f"missing claim {row.claim_id!r}", "red")]
    text = visible(row.text(language))
    if row.repeated:
        see = f"see {number}" if number else f"see [{row.claim_id}]"
        return [indent, label, ("  ", ""), (f"{text} ({see})", "dim")]
    numbered = [("  ", ""), (number, "bold")] if number else []
    pieces = [indent, label, *numbered, ("  ", ""), (text, "bold" if row.role is Role.THESIS else "")]
    extras = []
    if kind := kind_label(row.claim):
        extras.append(kind)
    if row.claim.implicit:
        extras.append("implicit")
    if extras:
        pieces += [(" ", ""), (f"({', '.join(extras)})", "dim")]
    for tag in row.claim.tags:
        pieces += [(" ", ""), (f"#{visible(tag)}", "blue")]
    if with_ids:
        pieces += [(" ", ""), (f"[{row.claim_id}]", "dim")]
    return pieces


class _Lines:
    """Writes lines of pieces to a rich console's file as rich would print them, in chunks."""

    def __init__(self, out: Console) -> None:
        self.console = out
        self.direct = not (out.legacy_windows or out.is_jupyter)
        self.colour = out.color_system is not None
        self.codes: dict[str, tuple[str, str]] = {"": ("", "")}
        self.chunk: list[str] = []
        self.size = 0

    def write(self, pieces: list[Piece]) -> None:
        line = "".join([text for text, _ in pieces])
        if not self.direct or (not line.isprintable() and _RICH_ONLY.search(line)):
            self.flush()
            self.console.print(Text.assemble(*pieces))
            return
        if self.colour:
            codes = self.codes  # style -> (start, end); text.join((start, end)) is start + text + end
            line = "".join(
                [text.join(codes.get(style) or self._codes(style)) if style else text for text, style in pieces if text]
            )
        self.chunk.append(line)
        self.size += len(line)
        if self.size > CHUNK_CHARS:
            self.flush()

    def _codes(self, name: str) -> tuple[str, str]:
        """What rich writes before and after a text in this style on this console."""
        style = Style.parse(name)
        if self.console.no_color:
            style = style.without_color
        system = COLOR_SYSTEMS[self.console.color_system or "truecolor"]
        start, _, end = style.render("\0", color_system=system).partition("\0")
        self.codes[name] = (start, end)
        return start, end

    def flush(self) -> None:
        if self.chunk:
            self.chunk.append("")
            self.console.file.write("\n".join(self.chunk))
            self.chunk.clear()
            self.size = 0
        self.console.file.flush()
