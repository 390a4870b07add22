"""``argmap eval``: whether the thesis holds, why (its direct reasons and objections), and on request every claim."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable, Iterator

import orjson

from argmap import store
from argmap.cli.common import ROLE_STYLES, Subcommands, add_command, paint, write_lines
from argmap.compact import CompactMap, MapView, RelationView, claim_model, full_map, records
from argmap.errors import ArgmapError
from argmap.evaluate import SEMANTICS, Evaluation, Semantics, ThesisVerdict, evaluate, is_gradual
from argmap.graph import MapGraph
from argmap.indent import depth_marker, indentation
from argmap.model import ArgMap
from argmap.outline import MARKERS, Role, Row, outline
from argmap.visible import visible

LABEL_STYLE = {"IN": "bold green", "OUT": "bold red", "UNDEC": "bold yellow"}
VERDICT_STYLE = {"holds": "bold green", "falls": "bold red", "undecided": "bold yellow"}
RULE = {
    "grounded": "grounded labels: IN stands, OUT is defeated by an objection that stands, UNDEC is left open",
    "preferred": "preferred labels: IN (OUT) when every preferred extension accepts (rejects) it, else UNDEC",
    "stable": "stable labels: IN (OUT) when every stable extension accepts (rejects) it, else UNDEC",
    "dfquad": "DF-QuAD strength from 0 to 1: a claim holds above 0.50 and falls below",
    "euler": "Euler-based strength from 0 to 1: a claim holds above 0.50 and falls below",
}
"""What each semantics decides by, in the words of the report's first line."""
NAME = {
    "grounded": "grounded labels",
    "preferred": "preferred labels",
    "stable": "stable labels",
    "dfquad": "DF-QuAD strength",
    "euler": "Euler-based strength",
}
WHY_OTHER = {
    "grounded": "an objection that stands defeats a claim, however strong its reasons",
    "dfquad": "reasons and objections are weighed against each other",
    "euler": "reasons and objections are weighed against each other",
}
"""Why the other reading can come out differently, said once beside a disagreement."""


def register(subparsers: Subcommands) -> None:
    parser = add_command(
        subparsers,
        "eval",
        "say whether the thesis holds, why, and how every claim fares",
        """\
Prints the verdict on each thesis and its direct reasons and objections, all
judged by one semantics, named on the first line: the default dfquad weighs
reasons against objections (strength from 0 to 1, a claim holds above 0.50);
grounded, preferred and stable label claims IN (stands), OUT (defeated by an
objection that stands) or UNDEC. When the other kind of reading comes to
another verdict on the thesis, a note says so. --all lists every claim;
--format json gives every claim's label and strength. See docs/evaluation.md.

examples:
  argmap eval maps/partnership-of-convenience.argmap.json
  argmap eval debate.argmap.json --semantics grounded --all
  argmap eval debate.argmap.json --semantics euler --format json
""",
    )
    parser.add_argument("map", metavar="MAP", help="the map to evaluate (- for stdin)")
    parser.add_argument(
        "--semantics", choices=SEMANTICS, default="dfquad", help="what decides the verdict (default: dfquad)"
    )
    parser.add_argument("--all", action="store_true", help="list every claim, in the outline of argmap show")
    parser.add_argument("--format", choices=("text", "json"), default="text", help="output format (default: text)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    argmap = records(store.data_for_reading(args.map))  # no models where the fast check vouched for the data
    try:
        result = evaluate(argmap, args.semantics)
    except ArgmapError as error:
        error.path = args.map
        raise
    if args.format == "json":
        data = result.to_json()
        sys.stdout.buffer.write(orjson.dumps(data, option=orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE))
    else:
        write_lines(report(argmap, result, every_claim=args.all))
    return 0


def report(argmap: ArgMap | CompactMap, result: Evaluation, every_claim: bool = False) -> list[str]:
    """The text report: the rule, each thesis's verdict and direct reasons and objections (or every claim)."""
    lines: list[str] = []
    if argmap.title:
        lines.append(paint(visible(argmap.title), "bold underline"))
    lines.append(paint(f"semantics: {RULE[result.semantics]}", "dim"))
    below = {} if every_claim else _bearing_on(argmap, [verdict.thesis for verdict in result.theses])
    for verdict in result.theses:
        lines.append("")
        lines.extend(_thesis(argmap, result, verdict))
        if not every_claim:
            lines.extend(_rows(_direct_rows(argmap, below[verdict.thesis]), result, indent=2))
    if every_claim:
        lines.append("")
        lines.append(paint(_standing_header(result.semantics), "dim"))
        lines.extend(_rows(outline(MapGraph(full_map(argmap))), result))
        if result.extensions is not None:
            lines.append("")
            lines.extend(_extensions(result.semantics, result.extensions))
    else:
        lines.append("")
        if result.extensions is not None:
            count = len(result.extensions)
            lines.append(f"{count} {result.semantics} extension{'s' if count != 1 else ''}")
        lines.append(paint(f"{len(argmap.claims):,} claims in all; argmap eval --all lists every one", "dim"))
    lines.extend(paint(f"warning: {visible(warning)}", "yellow") for warning in result.warnings)
    return lines


def _thesis(argmap: MapView, result: Evaluation, verdict: ThesisVerdict) -> list[str]:
    """The verdict line, and a plain note when the other kind of reading disagrees."""
    measure = _measure(result.semantics, verdict.label, verdict.strength)
    claim = argmap.claims[verdict.thesis]
    lines = [
        f"thesis {paint(visible(claim.text), 'bold')}  [{verdict.thesis}]",
        f"  verdict: {paint(verdict.verdict, VERDICT_STYLE[verdict.verdict])} ({NAME[result.semantics]} {measure})",
    ]
    if verdict.disagree:
        other = verdict.second_semantics
        other_measure = _measure(other, verdict.label, verdict.strength)
        lines.append(
            f"  note: the {NAME[other]} say{'' if other in ('grounded', 'preferred', 'stable') else 's'}"
            f" it {verdict.second_opinion} ({other_measure}): there, {WHY_OTHER[other]}"
            f" (argmap eval --semantics {other})"
        )
    return lines


def _measure(semantics: Semantics, label: str, strength: float) -> str:
    return f"{strength:.2f}" if is_gradual(semantics) else label


def _bearing_on(argmap: MapView, theses: list[str]) -> dict[str, list[tuple[str, RelationView]]]:
    """The relations onto each thesis in sibling order (as ``MapGraph.children``), in one pass, no full index."""
    found: dict[str, list[tuple[str, RelationView]]] = {thesis: [] for thesis in theses}
    for rid, relation in argmap.relations.items():
        if relation.target in found:
            found[relation.target].append((rid, relation))
    for pairs in found.values():
        pairs.sort(key=lambda pair: (pair[1].rank, pair[0]))
    return found


def _direct_rows(argmap: ArgMap | CompactMap, bearing: list[tuple[str, RelationView]]) -> list[Row]:
    """The reasons and objections that bear on a thesis itself, as outline rows one level deep."""
    rows: list[Row] = []
    for rid, relation in bearing:
        attack = relation.type.attacks
        if len(relation.premises) == 1:
            premise = relation.premises[0]
            role = Role.OBJECTION if attack else Role.REASON
            rows.append(Row(1, role, premise, claim_model(argmap, premise), rid))
            continue
        rows.append(Row(1, Role.LINKED_OBJECTION if attack else Role.LINKED_REASON, None, None, rid))
        rows.extend(Row(2, Role.PREMISE, p, claim_model(argmap, p), rid) for p in relation.premises)
    return rows


def _standing_header(semantics: Semantics) -> str:
    return "strength" if is_gradual(semantics) else "label"


def _extensions(semantics: str, extensions: tuple[frozenset[str], ...]) -> list[str]:
    """How many extensions there are and, beyond the claims all of them accept (IN above), what each adds."""
    if not extensions:
        return [f"no {semantics} extension"]
    count = f"{len(extensions)} {semantics} extension{'s' if len(extensions) > 1 else ''}"
    if len(extensions) == 1:
        return [f"{count}: it accepts exactly the claims labelled IN"]
    common = frozenset.intersection(*extensions)
    lines = [f"{count}; each accepts the claims labelled IN, and besides:"]
    for number, extension in enumerate(extensions, 1):
        lines.append(f"  {number}. {', '.join(sorted(extension - common)) or '(nothing more)'}")
    return lines


def _rows(rows: Iterable[Row], result: Evaluation, indent: int = 0) -> Iterator[str]:
    """Outline rows with their standings; a linked reason's header row carries the standing of the reason as a whole.

    What depends only on the style, the role or the depth is worked out once:
    ``--all`` writes a row for each of 100,000 claims.
    """
    claims, relations, semantics = result.claims, result.relations, result.semantics
    margin = " " * indent
    roles = {role: paint(f"{MARKERS[role]} {role.value}", ROLE_STYLES[role]) for role in Role}
    names = {role: role.value for role in Role}
    dim, bold = _wrapping("dim"), _wrapping("bold")
    together = paint("  (these premises work only together)", "dim")
    again = paint(" (again)", "dim")
    gradual = is_gradual(semantics)
    verb = "passes on" if gradual else "is"
    labelled = {label: f"{paint(f'{label:<5}', style)}   " for label, style in LABEL_STYLE.items()}
    indents: dict[int, str] = {}
    for row in rows:
        reason = relations.get(row.relation_id or "")
        standing = claims.get(row.claim_id or "") if row.claim_id is not None else reason
        depth = indents.get(row.depth)
        if depth is None:
            depth = indents[row.depth] = indentation(row.depth, "    ") + depth_marker(row.depth)
        cell = " " * 8 if standing is None else f"{standing.strength:4.2f}    " if gradual else labelled[standing.label]
        head = f"{margin}{cell}{depth}{roles[row.role]}"
        if row.claim_id is None:
            yield head + together
            continue
        if row.claim is None:
            yield head + paint(f"  missing claim {row.claim_id!r}", "red")
            continue
        text = visible(row.claim.text)
        if row.role is Role.THESIS:
            text = f"{bold[0]}{text}{bold[1]}"
        line = f"{head}  {text}{dim[0]}  [{row.claim_id}]{dim[1]}"
        if row.repeated:
            line += again
        if (
            reason is not None
            and standing is not None
            and row.role is not Role.PREMISE
            and (reason.strength != standing.strength or reason.label != standing.label)  # else shown alike
        ):
            passed = _measure(semantics, reason.label, reason.strength)
            if passed != _measure(semantics, standing.label, standing.strength):
                line += f"{dim[0]}  [this {names[row.role]} {verb} {passed}]{dim[1]}"
        yield line


def _wrapping(style: str) -> tuple[str, str]:
    """What :func:`paint` puts before and after a text in ``style`` (nothing when not in colour)."""
    before, _, after = paint("\0", style).partition("\0")
    return before, after
