"""``argmap textconv``: the outline git diffs (set up by ``argmap git-setup``)."""

from __future__ import annotations

import argparse
import sys

from argmap import store
from argmap.cli.common import Subcommands, add_command, err_console
from argmap.errors import ArgmapError
from argmap.textconv import outline
from argmap.visible import visible


def register(subparsers: Subcommands) -> None:
    parser = add_command(
        subparsers,
        "textconv",
        "print a map as a stable outline, one claim per line (git's diff driver calls it)",
        """\
git runs it on both versions of a map so that git diff, git log -p and git show
read as claim changes. A file that is not a readable map (say, one with git's
conflict markers) is printed as it is (control characters shown visibly), with
a warning on stderr, so git diff still works.

examples:
  argmap textconv maps/nk.argmap.json
  git diff maps/nk.argmap.json        (after argmap git-setup)
""",
    )
    parser.add_argument("map", metavar="MAP", help="the map file")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    try:
        text = outline(store.read(args.map, keep_form=False).map)
    except ArgmapError as error:
        try:
            raw = store.read_bytes(args.map)
        except ArgmapError:
            raise error from None
        err_console().print(f"argmap textconv: {visible(str(error))}; showing the file as it is", markup=False)
        sys.stdout.write(visible(raw.decode("utf-8", "replace"), keep_newlines=True))
        return 0
    sys.stdout.write(text)
    return 0
