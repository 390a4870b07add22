"""``argmap merge-driver``: the merge driver git calls for ``*.argmap.json`` (``argmap git-setup``)."""

from __future__ import annotations

import argparse
import os

from argmap import git, store
from argmap.cli.common import Subcommands, add_command, err_console
from argmap.cli.merge import report
from argmap.errors import ArgmapError
from argmap.merge import merge_maps
from argmap.model import FORMAT_VERSION, ArgMap


def register(subparsers: Subcommands) -> None:
    parser = add_command(
        subparsers,
        "merge-driver",
        "the merge driver git calls for map files (set up by argmap git-setup)",
        """\
git calls it with %O %A %B %L %P: the base, ours (where the result goes),
theirs, the conflict-marker size and the file's path. The merged map replaces
%A atomically. Exit status 1 when conflicts were recorded, so git reports the
file as conflicted; resolve them, then git add the file. If a version is not a
readable map, git's line merge (with conflict markers) is used instead, so
neither side is ever lost.

example (what argmap git-setup writes):
  git config merge.argmap.driver "argmap merge-driver %O %A %B %L %P"
""",
    )
    parser.add_argument("base", metavar="O", help="the common ancestor (%%O)")
    parser.add_argument("ours", metavar="A", help="our version; the merged map is written here (%%A)")
    parser.add_argument("theirs", metavar="B", help="their version (%%B)")
    parser.add_argument("marker_size", metavar="L", nargs="?", default="7", help="conflict marker size (%%L)")
    parser.add_argument("path", metavar="P", nargs="?", default="", help="the path of the file in the repository (%%P)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    name = args.path or args.ours
    try:
        ours, theirs = store.load(args.ours), store.load(args.theirs)
        # A file added on both branches has no common version: git passes an empty one.
        base = ArgMap(argmap=FORMAT_VERSION) if os.path.getsize(args.base) == 0 else store.load(args.base)
    except ArgmapError as error:
        err_console().print(f"argmap merge-driver: {name}: {error}; falling back to a line merge", markup=False)
        status = git.line_merge(args.base, args.ours, args.theirs, args.marker_size, name)
        return 0 if status == 0 else 1
    result = merge_maps(base, ours, theirs)
    store.save(result.map, args.ours)
    report(result, name)
    return 0 if result.clean else 1
