"""The ``argmap`` command: parses arguments and hands over to one module per subcommand.

Each module in this package defines ``register(subparsers)``, which adds its
parser and sets ``run`` to a function taking the parsed arguments and returning
the exit code.  The modules only call the core; they hold no logic of their own.

A command's module is imported only when it is needed: ``argmap render MAP``
imports the render command alone, not the editor's, the formats' or the
evaluation's modules (that start-up is part of every command's time); the full
parser is built for ``argmap --help`` and for a command name it does not know.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence
from types import ModuleType

from argmap import __version__
from argmap.errors import ArgmapError
from argmap.heap import gc_paused

# Validation of map files is argmap's own: pydantic plugins other packages install do not hook
# into it, and looking for them (reading every installed package's metadata) cost 25 ms of each
# command's start.  Set before the first model class is built; a user's own setting wins.
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")

COMMANDS: dict[str, str] = {
    "new": "new",
    "edit": "edit",
    "check": "check",
    "show": "show",
    "render": "render",
    "eval": "eval",
    "score": "score",
    "schemes": "schemes",
    "scheme": "scheme",
    "answer": "answer",
    "detach": "detach",
    "unlink": "unlink",
    "diff": "diff",
    "merge": "merge",
    "resolve": "resolve",
    "git-setup": "git_setup",
    "textconv": "textconv",
    "merge-driver": "merge_driver",
    "import": "interchange",
    "export": "interchange",
    "schema": "schema",
    "suggest": "suggest",
    "coverage": "coverage",
    "completion": "completion",
}
"""Each command's name and the module in this package that registers it, in the order of ``--help``."""


DESCRIPTION = """\
Argument maps of real texts: the thesis, the reasons and objections, each claim
anchored to the passage it comes from, kept as a JSON file in git.

examples:
  argmap new debate.argmap.json --thesis "School uniforms should be required."
  argmap check maps/*.argmap.json
  argmap show maps/partnership-of-convenience.argmap.json --quotes
"""


def _module(name: str) -> ModuleType:
    return importlib.import_module(f"argmap.cli.{name}")


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The parser of every command, or with ``command`` only of that one (and its module's others)."""
    from argmap.cli.common import HelpFormatter

    parser = argparse.ArgumentParser(prog="argmap", description=DESCRIPTION, formatter_class=HelpFormatter)
    parser.add_argument("--version", action="version", version=f"argmap {__version__}")
    subparsers = parser.add_subparsers(title="commands", metavar="COMMAND")
    modules = [COMMANDS[command]] if command is not None else list(dict.fromkeys(COMMANDS.values()))
    for name in modules:
        _module(name).register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    if "_ARGCOMPLETE" in os.environ:
        answer_completion()
    arguments = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser(arguments[0] if arguments and arguments[0] in COMMANDS else None)
    args = parser.parse_args(arguments)
    if not hasattr(args, "run"):
        parser.print_help()
        return 2
    try:
        if args.interactive:
            return int(args.run(args) or 0)
        with gc_paused():  # a command's records live until it ends: the cycle collector would only walk them again
            return int(args.run(args) or 0)
    except ArgmapError as error:
        from argmap.cli.common import err_console
        from argmap.visible import visible

        err_console().print(f"argmap: {visible(str(error))}", markup=False, highlight=False, soft_wrap=True)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        sys.stderr.close()
        return 0


def answer_completion() -> None:
    """The shell asked for completions (see ``argmap completion``): answer from the parser of the command typed."""
    from argmap.cli.completion import complete

    words = os.environ.get("COMP_LINE", "").split()
    complete(build_parser(words[1] if len(words) > 2 and words[1] in COMMANDS else None))
