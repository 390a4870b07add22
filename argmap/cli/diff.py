"""``argmap diff``: what changed between two versions of a map, by claim."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from argmap import store
from argmap.cli.common import add_command, console
from argmap.diff import describe, diff_maps, narrowed
from argmap.diffview import changes_drawn, render_json, render_text
from argmap.git import load_version_data
from argmap.model import ArgMap
from argmap.render import RenderOptions, render_map


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = add_command(
        subparsers,
        "diff",
        "show what changed between two versions of a map, claim by claim",
        """\
OLD and NEW are map files or git revisions written REV:path (the path from the
repository root, or ./path relative to here). Reports added and removed claims,
rewordings as a word diff ([-removed-] {+added+}), kind, tag and translation
changes, moves, reordering, relation and evidence changes.
Exit status: 0 the same, 1 different, 2 error.

examples:
  argmap diff old.argmap.json new.argmap.json
  argmap diff HEAD~1:maps/nk.argmap.json maps/nk.argmap.json
  argmap diff main:./nk.argmap.json nk.argmap.json --format json
  argmap diff HEAD~1:maps/nk.argmap.json maps/nk.argmap.json --format svg -o changes.svg
""",
    )
    parser.add_argument("old", metavar="OLD", help="the earlier version: a file, REV:path, or - for stdin")
    parser.add_argument("new", metavar="NEW", help="the later version: a file or REV:path")
    parser.add_argument(
        "--format", choices=["text", "json", "svg", "png"], default="text", help="output format (default: text)"
    )
    parser.add_argument("-o", "--output", metavar="OUT", help="write to this file instead of stdout")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    old_data, new_data = load_version_data(args.old), load_version_data(args.new)
    if args.format in ("svg", "png"):  # the picture draws the whole new map
        old, new = old_data.build(), new_data.build()
    else:  # the report needs only the records that differ
        old, new = (ArgMap.model_validate(part) for part in narrowed(old_data.raw, new_data.raw))
    diff = diff_maps(old, new)
    if args.format in ("svg", "png"):
        drawn, marks = changes_drawn(old, new, diff)
        picture = render_map(drawn, args.format, RenderOptions(marks=marks, legend=False))
        if args.output:
            store.write_atomic(Path(args.output), picture)
        else:
            sys.stdout.buffer.write(picture)
        return 1 if diff else 0
    entries = describe(diff, old, new)
    if args.format == "json":
        text = render_json(entries, args.old, args.new)
        if args.output:
            with open(args.output, "w", encoding="utf-8") as handle:
                handle.write(text)
        else:
            sys.stdout.write(text)
    elif args.output:
        with open(args.output, "w", encoding="utf-8") as handle:
            handle.write(render_text(entries).plain)
    else:
        console().print(render_text(entries), end="")
    return 1 if diff else 0
