"""``argmap show``: the argument as a coloured outline in the terminal."""

from __future__ import annotations

import argparse

from rich.markup import escape

from argmap import store
from argmap.cli.common import ROLE_STYLES, add_command, console
from argmap.evaluate import SEMANTICS, evaluate
from argmap.graph import MapGraph
from argmap.outline import MARKERS, Role, Row, kind_label, outline


def register(subparsers: argparse._SubParsersAction) -> None:
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
  NO_COLOR=1 argmap show essay.argmap.json > outline.txt
""",
    )
    parser.add_argument("map", metavar="MAP", help="the map file")
    parser.add_argument("--quotes", action="store_true", help="print each claim's evidence quotes under it")
    parser.add_argument("--lang", metavar="LANG", help="show translations into LANG where they exist")
    parser.add_argument("--ids", action="store_true", help="print claim ids after the texts")
    parser.add_argument("--strength", action="store_true", help="print each claim's label (IN/OUT/UNDEC) and strength")
    parser.add_argument(
        "--semantics", choices=SEMANTICS, default="dfquad", help="how --strength evaluates (default: dfquad)"
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    argmap = store.load(args.map)
    out = console()
    if argmap.title:
        out.print(f"[bold underline]{escape(argmap.title)}[/]")
    badges = evaluate(argmap, args.semantics).badges() if args.strength else {}
    for row in outline(MapGraph(argmap)):
        badge = badges.get(row.claim_id or "", "")
        out.print(_format_row(row, args.lang, args.ids) + (f"  [bold]{badge}[/]" if badge else ""))
        if args.quotes:
            for anchor in row.evidence:
                out.print(
                    f"{'    ' * row.depth}    [dim]„{escape(anchor.quote)}“ ({anchor.source} "
                    f"{anchor.start}–{anchor.end})[/]"
                )
    return 0


def _format_row(row: Row, language: str | None, with_ids: bool) -> str:
    indent = "    " * row.depth
    style = ROLE_STYLES[row.role]
    label = f"[{style}]{MARKERS[row.role]} {row.role.value}[/]"
    if row.claim_id is None:
        return f"{indent}{label}[dim] (these premises work only together)[/]"
    if row.claim is None:
        return f"{indent}{label} [red]missing claim {escape(row.claim_id)!r}[/]"
    text = escape(row.text(language))
    if row.role is Role.THESIS:
        text = f"[bold]{text}[/]"
    extras = []
    if kind := kind_label(row.claim):
        extras.append(kind)
    if row.claim.implicit:
        extras.append("implicit")
    tags = "".join(f" [blue]#{escape(tag)}[/]" for tag in row.claim.tags)
    extra = f" [dim]({', '.join(extras)})[/]" if extras else ""
    if row.repeated:
        return f"{indent}{label}  [dim]{text} (see {escape('[' + row.claim_id + ']')})[/]"
    ident = f" [dim]{escape(f'[{row.claim_id}]')}[/]" if with_ids else ""
    return f"{indent}{label}  {text}{extra}{tags}{ident}"
