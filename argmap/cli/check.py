"""``argmap check``: validate and lint maps."""

from __future__ import annotations

import argparse
import sys
from collections import Counter

import orjson

from argmap import store
from argmap.check import Finding, check_map, fix_anchors, hint_summary
from argmap.cli.common import Subcommands, add_command, err_console, paint, write_lines
from argmap.compact import records
from argmap.errors import ArgmapError
from argmap.graph import MapGraph
from argmap.visible import visible

STYLES = {"error": "bold red", "warning": "yellow", "hint": "cyan"}
HINTS_LISTED = 10
"""Hints of one kind are listed one by one up to this many; beyond, one line sums them up (``--hints`` lists all)."""


def register(subparsers: Subcommands) -> None:
    parser = add_command(
        subparsers,
        "check",
        "validate maps and point out what needs attention",
        """\
Finds dangling and duplicate ids, relations to themselves, circular support,
claims with no path to a thesis, quotes that no longer match their source (and
where they moved), sources whose text changed, and claims without evidence
(a hint). Errors and warnings are listed one by one; hints of one kind too
when there are at most 10, else one line counts them (--hints lists them all).
Exit status: 0 clean (hints allowed), 1 errors or warnings, 2 unreadable.

examples:
  argmap check maps/*.argmap.json
  argmap check --hints debate.argmap.json    # every claim without evidence
  argmap check --fix essay.argmap.json        # re-anchor quotes that moved
  argmap check --format json essay.argmap.json | jq '.[].findings[] | .code'
""",
    )
    parser.add_argument("maps", nargs="+", metavar="MAP", help="map files to check")
    parser.add_argument("--format", choices=["text", "json"], default="text", help="output format (default: text)")
    parser.add_argument(
        "--fix",
        action="store_true",
        help="re-anchor quotes that moved in their source and record changed source hashes",
    )
    hints = parser.add_mutually_exclusive_group()
    hints.add_argument("--hints", action="store_true", help="list every hint, however many")
    hints.add_argument("--no-hints", action="store_true", help="leave out hints (claims without evidence)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    status = 0
    report = []
    for path in args.maps:
        try:  # --fix saves the map; a check alone reads it without models where it can
            loaded = store.read(path) if args.fix else store.loads_data(store.read_bytes(path), path)
        except ArgmapError as error:
            err_console().print(f"argmap: {visible(str(error))}", markup=False, highlight=False)
            report.append({"map": path, "readable": False, "error": str(error), "findings": []})
            status = 2
            continue
        if isinstance(loaded, store.MapFile):
            _fix(loaded, path)
            findings = check_map(loaded.map, path, loaded.duplicates)
        else:
            findings = check_map(records(loaded), path, loaded.duplicates)
        if args.no_hints:
            findings = [f for f in findings if f.severity != "hint"]
        if any(f.severity != "hint" for f in findings):
            status = max(status, 1)
        report.append({"map": path, "readable": True, "findings": findings})
        if args.format == "text":
            write_lines(_text(path, findings, every_hint=args.hints))
    if args.format == "json":
        options = orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE
        sys.stdout.buffer.write(orjson.dumps(report, default=Finding.as_dict, option=options))
    return status


def _fix(mapfile: store.MapFile, path: str) -> None:
    if mapfile.duplicates:
        raise ArgmapError(
            "has duplicate ids; --fix does not guess which to keep",
            path=path,
            fix="run argmap check without --fix to list them",
        )
    graph = MapGraph(mapfile.map)
    edit = fix_anchors(graph, path)
    if edit.changes:
        graph.apply(edit)
        store.save(graph.map, path, mapfile.kept)
        err_console().print(f"{path}: fixed {len(edit.changes)} record(s)", markup=False)


def _text(path: str, findings: list[Finding], every_hint: bool) -> list[str]:
    """The report's lines: one per finding, hints of a kind summed up when many; then the counts."""
    shown = visible(path)
    if not findings:
        return [f"{paint('✓', 'green')} {shown}: no findings"]
    hint_counts = Counter(f.code for f in findings if f.severity == "hint")
    grouped = set() if every_hint else {code for code, count in hint_counts.items() if count > HINTS_LISTED}
    lines = [_line(shown, finding) for finding in findings if finding.code not in grouped or finding.severity != "hint"]
    lines.extend(
        f"{shown}: {paint('hint', STYLES['hint'])} {code}: {hint_summary(code, hint_counts[code])}"
        f"{paint(' (argmap check --hints lists them)', 'dim')}"
        for code in sorted(grouped)
    )
    counts: Counter[str] = Counter(f.severity for f in findings)
    summary = ", ".join(f"{counts[s]:,} {s}{'s' if counts[s] != 1 else ''}" for s in STYLES if counts[s])
    lines.append(f"{shown}: {summary}")
    return lines


def _line(shown_path: str, finding: Finding) -> str:
    subject = f" [{visible(finding.subject)}]" if finding.subject else ""
    fix = paint(f" ({visible(finding.fix)})", "dim") if finding.fix else ""
    severity = paint(finding.severity, STYLES[finding.severity])
    return f"{shown_path}: {severity} {finding.code}{subject}: {visible(finding.message)}{fix}"
