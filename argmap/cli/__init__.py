"""The ``argmap`` command: parses arguments and hands over to one module per subcommand.

Each module in this package defines ``register(subparsers)``, which adds its
parser and sets ``run`` to a function taking the parsed arguments and returning
the exit code.  The modules only call the core; they hold no logic of their own.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from argmap import __version__
from argmap.cli import (
    answer,
    check,
    diff,
    git_setup,
    interchange,
    merge,
    merge_driver,
    new,
    render,
    resolve,
    schema,
    scheme,
    schemes,
    score,
    show,
    textconv,
)
from argmap.cli import eval as eval_command
from argmap.cli.common import HelpFormatter, err_console
from argmap.errors import ArgmapError

COMMANDS = [
    new,
    check,
    show,
    render,
    eval_command,
    score,
    schemes,
    scheme,
    answer,
    diff,
    merge,
    resolve,
    git_setup,
    textconv,
    merge_driver,
    interchange,
    schema,
]

DESCRIPTION = """\
Argument maps of real texts: the thesis, the reasons and objections, each claim
anchored to the passage it comes from, kept as a JSON file in git.

examples:
  argmap new debate.argmap.json --thesis "School uniforms should be required."
  argmap check maps/*.argmap.json
  argmap show maps/partnership-of-convenience.argmap.json --quotes
"""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="argmap", description=DESCRIPTION, formatter_class=HelpFormatter)
    parser.add_argument("--version", action="version", version=f"argmap {__version__}")
    subparsers = parser.add_subparsers(title="commands", metavar="COMMAND")
    for command in COMMANDS:
        command.register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not hasattr(args, "run"):
        parser.print_help()
        return 2
    try:
        return int(args.run(args) or 0)
    except ArgmapError as error:
        err_console().print(f"argmap: {error}", markup=False, highlight=False, soft_wrap=True)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        sys.stderr.close()
        return 0
