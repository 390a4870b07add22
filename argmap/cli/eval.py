"""``argmap eval``: which claims stand (IN/OUT/UNDEC), how strongly, and whether the thesis holds."""

from __future__ import annotations

import argparse
import json
import sys

from rich.text import Text

from argmap import store
from argmap.cli.common import add_command, console
from argmap.evaluate import SEMANTICS, Evaluation, evaluate
from argmap.graph import MapGraph
from argmap.model import ArgMap, RelationType

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
    """The text report: verdicts, then every claim as an outline under its thesis, then warnings."""
    lines: list[Text] = []
    if argmap.title:
        lines.append(Text(argmap.title, style="bold"))
    lines.append(Text(f"semantics: {SEMANTICS_NAME[result.semantics]}", style="dim"))
    for verdict in result.theses:
        line = Text("thesis ")
        line.append(verdict.thesis, style="bold")
        line.append(": ")
        line.append(verdict.verdict, style=VERDICT_STYLE[verdict.verdict])
        line.append(f" (label {verdict.label}, strength {verdict.strength:.2f})")
        lines.append(line)
    lines.append(Text(""))
    lines.append(Text("label  strength  claim", style="dim"))
    graph = MapGraph(argmap)
    shown: set[str] = set()
    for thesis in argmap.theses():
        lines.append(_row(argmap, result, thesis, 0, ""))
        shown.add(thesis)
        for depth, rid, premise in graph.walk(thesis):
            relation = argmap.relations[rid]
            if relation.premises.index(premise) > 0:
                marker = "& "
            elif relation.target in argmap.relations:
                marker = "⊘ " if relation.type is RelationType.ATTACK else "⊕ "
            else:
                marker = "+ " if relation.type is RelationType.SUPPORT else "− "
            row = _row(argmap, result, premise, depth, marker)
            reason = result.relations.get(rid)
            if reason is not None and reason.label != result.claims[premise].label:
                row.append(f"  [this {_word(argmap, rid)} is {reason.label}]", style="dim")
            lines.append(row)
            shown.add(premise)
    rest = sorted(set(argmap.claims) - shown)
    if rest:
        lines.append(Text("not connected to a thesis:", style="dim"))
        lines.extend(_row(argmap, result, cid, 1, "") for cid in rest)
    if result.extensions is not None:
        lines.append(Text(""))
        lines.append(Text(f"{result.semantics} extensions (the claims each one accepts):"))
        for number, extension in enumerate(result.extensions, 1):
            lines.append(Text(f"  {number}. {', '.join(sorted(extension)) or '(none)'}"))
        if not result.extensions:
            lines.append(Text("  none"))
    for warning in result.warnings:
        lines.append(Text(f"warning: {warning}", style="yellow"))
    return lines


def _word(argmap: ArgMap, rid: str) -> str:
    relation = argmap.relations[rid]
    if relation.target in argmap.relations:
        return "undercut" if relation.type is RelationType.ATTACK else "backing"
    return "reason" if relation.type is RelationType.SUPPORT else "objection"


def _row(argmap: ArgMap, result: Evaluation, claim_id: str, depth: int, marker: str) -> Text:
    standing = result.claims[claim_id]
    line = Text(f"{standing.label:<5}", style=LABEL_STYLE[standing.label])
    line.append(f"  {standing.strength:8.2f}  ")
    line.append("  " * depth + marker)
    line.append(claim_id, style="bold" if depth == 0 else "cyan")
    line.append(f"  {argmap.claims[claim_id].text}")
    return line
