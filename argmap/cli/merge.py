"""``argmap merge``: three-way merge of map files by id."""

from __future__ import annotations

import argparse
import sys

from argmap import store
from argmap.cli.common import Subcommands, add_command, err_console
from argmap.git import load_version
from argmap.merge import MergeResult, conflict_findings, merge_maps
from argmap.visible import visible


def register(subparsers: Subcommands) -> None:
    parser = add_command(
        subparsers,
        "merge",
        "merge two versions of a map that come from a common base",
        """\
Claims and relations are matched by id and merged field by field. Changes on
different claims, or to different fields, merge cleanly; evidence and tags added
on both sides are all kept; a claim added on both sides under the same new id is
kept twice (theirs renamed). A field changed differently on both sides, or a
claim deleted on one side and edited on the other, is a conflict: the merged map
keeps ours and records every side's value in its "conflicts" table. So is a
result that would break the map where neither side did (two crossing moves
making circular support, claims cut off from the thesis): the records that
broke it keep ours' version. Nothing is dropped. Exit status: 0 clean,
1 conflicts, 2 error.

examples:
  argmap merge base.argmap.json ours.argmap.json theirs.argmap.json -o merged.argmap.json
  argmap merge main:./nk.argmap.json nk.argmap.json feature:./nk.argmap.json -o nk.argmap.json
""",
    )
    parser.add_argument("base", metavar="BASE", help="the common ancestor: a file or REV:path")
    parser.add_argument("ours", metavar="OURS", help="our version: a file or REV:path")
    parser.add_argument("theirs", metavar="THEIRS", help="their version: a file or REV:path")
    parser.add_argument("-o", "--output", metavar="OUT", help="write the merged map here (default: stdout)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    result = merge_maps(load_version(args.base), load_version(args.ours), load_version(args.theirs))
    if args.output:
        store.save(result.map, args.output)
    else:
        sys.stdout.buffer.write(store.dumps(result.map))
    report(result, args.output or "the merged map")
    return 0 if result.clean else 1


def report(result: MergeResult, where: str) -> None:
    """Tell on stderr what the merge renamed and which conflicts it recorded."""
    console = err_console()
    for old, new in sorted(result.renamed.items()):
        console.print(f"argmap merge: both sides added {old!r}; theirs is now {new!r}", markup=False)
    if result.conflicts:
        count = len(result.conflicts)
        console.print(f"argmap merge: {count} conflict{'s' if count > 1 else ''} recorded in {where}:", markup=False)
        conflicted = result.map.model_copy(update={"conflicts": result.conflicts})
        for finding in conflict_findings(conflicted):
            console.print(f"  {visible(finding.message)}", markup=False)
        console.print("settle each with: argmap resolve MAP CONFLICT --ours|--theirs|--value JSON", markup=False)
