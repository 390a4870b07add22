"""``argmap git-setup``: make git diff and merge map files by claim."""

from __future__ import annotations

import argparse

from argmap import git
from argmap.cli.common import Subcommands, add_command, console


def register(subparsers: Subcommands) -> None:
    parser = add_command(
        subparsers,
        "git-setup",
        "register argmap as git's diff and merge driver for *.argmap.json",
        f"""\
Writes '{git.ATTRIBUTES_LINE}' to .gitattributes and the driver
commands to the repository's git config (with --global: your global git config
and global attributes file). The commands name this Python interpreter, so they
work even when git runs outside the virtual environment argmap is installed in;
run git-setup again after moving that environment. Running it twice changes
nothing; --disable removes it all again.

examples:
  argmap git-setup
  argmap git-setup --global
  argmap git-setup --disable
""",
    )
    parser.add_argument("--global", dest="global_", action="store_true", help="for all your repositories")
    parser.add_argument("--disable", action="store_true", help="remove the drivers again")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    done = git.setup(global_=args.global_, disable=args.disable)
    out = console()
    for line in done:
        out.print(line, markup=False)
    if not done:
        out.print("nothing to do: " + ("already disabled" if args.disable else "already set up"), markup=False)
    return 0
