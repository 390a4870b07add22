"""``argmap eval``: which claims stand (IN/OUT/UNDEC), how strongly, and whether the thesis holds."""

from __future__ import annotations

import argparse
import json
import sys

from rich.text import Text

from argmap import store
from argmap.cli.common import ROLE_STYLES, add_command, console
from argmap.evaluate import SEMANTICS, Evaluation, Standing, evaluate
from argmap.graph import MapGraph
from argmap.model import ArgMap
from argmap.outline import MARKERS, Role, Row, outline
from argmap.visible import visible

LABEL_STYLE = {"IN": "bold green", "OUT": "bold red", "UNDEC": "bold yellow"}
VERDICT_STYLE = {"holds": "bold green", "falls": "bold red", "undecided": "bold yellow"}
SEMANTICS_NAME = {
    "grounded": "grounded labels, DF-QuAD strengths",
    "preferred": "preferred labels (IN/OUT when all preferred extensions agree), DF-QuAD strengths",
    "stable": "stable labels (IN/OUT when all stable extensions agree), DF-QuAD strengths",
    "dfquad": "grounded labels, DF-QuAD strengths",
    "euler": "grounded labels, Euler-based strengths",
}


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = add_command(
        subparsers,
        "eval",
        "say which claims stand, how strongly, and whether the thesis holds",
        """\
Every claim gets a label (IN: it stands; OUT: an objection that stands defeats
it; UNDEC: the attacks go round in circles) and a strength between 0 and 1
computed from base scores (0.5 unless set) and relation weights (1 unless set).
The verdict on the thesis follows the chosen semantics: the label for grounded,
preferred and stable; the strength (above or below 0.5) for dfquad and euler.
See docs/evaluation.md.

examples:
  argmap eval maps/partnership-of-convenience.argmap.json
  argmap eval debate.argmap.json --semantics preferred
  argmap eval debate.argmap.json --semantics euler --format json
""",
    )
    parser.add_argument("map", metavar="MAP", help="the map to evaluate (- for stdin)")
    parser.add_argument(
        "--semantics", choices=SEMANTICS, default="dfquad", help="what decides the verdict (default: dfquad)"
    )
    parser.add_argument("--format", choices=("text", "json"), default="text", help="output format (default: text)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    argmap = store.loads(sys.stdin.buffer.read(), "<stdin>").map if args.map == "-" else store.load(args.map)
    result = evaluate(argmap, args.semantics)
    if args.format == "json":
        sys.stdout.write(json.dumps(result.to_json(), indent=2, ensure_ascii=False) + "\n")
    else:
        out = console()
        for line in report(argmap, result):
            out.print(line)
    return 0


def report(argmap: ArgMap, result: Evaluation) -> list[Text]:
    """The text report: verdicts, then the outline of ``argmap show`` with a label and strength per row."""
    lines: list[Text] = []
    if argmap.title:
        lines.append(Text(visible(argmap.title), style="bold underline"))
    lines.append(Text(f"semantics: {SEMANTICS_NAME[result.semantics]}", style="dim"))
    for verdict in result.theses:
        line = Text("thesis ")
        line.append(verdict.thesis, style="bold")
        line.append(": ")
        line.append(verdict.verdict, style=VERDICT_STYLE[verdict.verdict])
        line.append(f" (label {verdict.label}, strength {verdict.strength:.2f})")
        lines.append(line)
    lines.append(Text(""))
    lines.append(Text("label  strength", style="dim"))
    lines.extend(_row(row, result) for row in outline(MapGraph(argmap)))
    if result.extensions is not None:
        lines.append(Text(""))
        lines.extend(_extensions(result.semantics, result.extensions))
    for warning in result.warnings:
        lines.append(Text(f"warning: {warning}", style="yellow"))
    return lines


def _extensions(semantics: str, extensions: tuple[frozenset[str], ...]) -> list[Text]:
    """How many extensions there are and, beyond the claims all of them accept (IN above), what each adds."""
    if not extensions:
        return [Text(f"no {semantics} extension")]
    count = f"{len(extensions)} {semantics} extension{'s' if len(extensions) > 1 else ''}"
    if len(extensions) == 1:
        return [Text(f"{count}: it accepts exactly the claims labelled IN")]
    common = frozenset.intersection(*extensions)
    lines = [Text(f"{count}; each accepts the claims labelled IN, and besides:")]
    for number, extension in enumerate(extensions, 1):
        lines.append(Text(f"  {number}. {', '.join(sorted(extension - common)) or '(nothing more)'}"))
    return lines


def _row(row: Row, result: Evaluation) -> Text:
    """One outline row; a linked reason's header row carries the standing of the reason as a whole."""
    reason = result.relations.get(row.relation_id or "")
    standing = result.claims.get(row.claim_id or "") if row.claim_id is not None else reason
    line = _standing(standing)
    line.append("    " * row.depth)
    line.append(f"{MARKERS[row.role]} {row.role.value}", style=ROLE_STYLES[row.role])
    if row.claim_id is None:
        line.append("  (these premises work only together)", style="dim")
        return line
    if row.claim is None:
        line.append(f"  missing claim {row.claim_id!r}", style="red")
        return line
    line.append("  ")
    line.append(visible(row.claim.text), style="bold" if row.role is Role.THESIS else "")
    line.append(f"  [{row.claim_id}]", style="dim")
    if row.repeated:
        line.append(" (again)", style="dim")
    if reason is not None and standing is not None and reason.label != standing.label and row.role is not Role.PREMISE:
        line.append(f"  [this {row.role.value} is {reason.label}]", style="dim")
    return line


def _standing(standing: Standing | None) -> Text:
    if standing is None:
        return Text(" " * 17)
    line = Text(f"{standing.label:<5}", style=LABEL_STYLE[standing.label])
    line.append(f"  {standing.strength:8.2f}  ")
    return line
