"""``argmap check``: validate and lint maps."""

from __future__ import annotations

import argparse
import json
import sys

from rich.markup import escape

from argmap import store
from argmap.check import Finding, check_map, fix_anchors
from argmap.cli.common import add_command, console, err_console
from argmap.errors import ArgmapError
from argmap.graph import MapGraph
from argmap.visible import visible

STYLES = {"error": "bold red", "warning": "yellow", "hint": "cyan"}


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = add_command(
        subparsers,
        "check",
        "validate maps and point out what needs attention",
        """\
Finds dangling and duplicate ids, relations to themselves, circular support,
claims with no path to a thesis, quotes that no longer match their source (and
where they moved), sources whose text changed, and claims without evidence
(a hint). Exit status: 0 clean (hints allowed), 1 errors or warnings, 2 unreadable.

examples:
  argmap check maps/*.argmap.json
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
    parser.add_argument("--no-hints", action="store_true", help="leave out hints (claims without evidence)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    status = 0
    report = []
    for path in args.maps:
        try:
            mapfile = store.read(path)
        except ArgmapError as error:
            err_console().print(f"argmap: {visible(str(error))}", markup=False, highlight=False)
            report.append({"map": path, "readable": False, "error": str(error), "findings": []})
            status = 2
            continue
        if args.fix:
            _fix(mapfile, path)
        findings = check_map(mapfile.map, path, mapfile.duplicates)
        if args.no_hints:
            findings = [f for f in findings if f.severity != "hint"]
        if any(f.severity != "hint" for f in findings):
            status = max(status, 1)
        report.append({"map": path, "readable": True, "findings": [f.as_dict() for f in findings]})
        if args.format == "text":
            _print_text(path, findings)
    if args.format == "json":
        sys.stdout.write(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
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
        store.save(graph.map, path)
        err_console().print(f"{path}: fixed {len(edit.changes)} record(s)", markup=False)


def _print_text(path: str, findings: list[Finding]) -> None:
    out = console()
    if not findings:
        out.print(f"[green]✓[/] {escape(path)}: no findings")
        return
    for finding in findings:
        subject = f" [{finding.subject}]" if finding.subject else ""
        fix = f" ({finding.fix})" if finding.fix else ""
        out.print(
            f"{escape(visible(path))}: [{STYLES[finding.severity]}]{finding.severity}[/] {finding.code}"
            f"{escape(visible(subject))}: {escape(visible(finding.message))}[dim]{escape(visible(fix))}[/]"
        )
    counts = {s: sum(f.severity == s for f in findings) for s in STYLES}
    summary = ", ".join(f"{n} {s}{'s' if n != 1 else ''}" for s, n in counts.items() if n)
    out.print(f"{escape(path)}: {summary}")
