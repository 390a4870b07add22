"""``argmap completion SHELL``: tab completion of commands, options, map files and claim ids.

The shell script comes from argcomplete; when the shell asks for completions it
runs ``argmap`` with argcomplete's environment, and :func:`complete` answers
from the same argparse parsers the commands use, so completion never drifts
from ``--help``.  Arguments are recognised by their metavar: ``MAP`` completes
map files, ``ID``/``CLAIM``/``RELATION`` the ids inside the map named earlier
on the line.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable
from pathlib import Path

from argmap.cli.common import Subcommands, add_command

SHELLS = ("bash", "zsh", "fish")

MAP_SUFFIX = ".argmap.json"

ID_TABLES = {"ID": ("claims", "relations"), "CLAIM": ("claims",), "CLAIM_ID": ("claims",), "RELATION": ("relations",)}
"""Which of a map's tables an argument's ids come from, by its metavar."""

ID_FILE_LIMIT = 512 * 1024 * 1024
"""Completion reads ids from maps up to this size, the same limit as every command's input."""


def register(subparsers: Subcommands) -> None:
    parser = add_command(
        subparsers,
        "completion",
        "print the shell code that makes TAB complete argmap's commands, options, maps and claim ids",
        """\
Load it in your shell's start-up file:

  bash (~/.bashrc):               eval "$(argmap completion bash)"
  zsh  (~/.zshrc, after compinit): eval "$(argmap completion zsh)"
  fish:                            argmap completion fish > ~/.config/fish/completions/argmap.fish

Then `argmap re<TAB>` gives render/resolve, `argmap render <TAB>` the maps
(*.argmap.json) and folders here, and `argmap render MAP --focus <TAB>` the
claim ids of MAP.
""",
    )
    parser.add_argument("shell", choices=SHELLS, help="bash, zsh or fish")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from argcomplete.shell_integration import shellcode

    sys.stdout.write(shellcode(["argmap"], shell=args.shell))
    return 0


def complete(parser: argparse.ArgumentParser) -> None:
    """Answer the shell's completion request and exit (argcomplete's protocol); return at once when none was made."""
    import argcomplete

    # argcomplete calls any callable with these keywords, as its docs say; its type hint names only BaseCompleter.
    argcomplete.autocomplete(parser, always_complete_options=False, default_completer=complete_argument)  # type: ignore[arg-type]


def complete_argument(prefix: str, action: argparse.Action, parsed_args: argparse.Namespace, **_: object) -> list[str]:
    """Completions for one argument, chosen by its metavar: map files, ids from the map, else any file."""
    if isinstance(action.metavar, str) and action.metavar in ID_TABLES:
        return [name for name in ids_in(named_map(parsed_args), ID_TABLES[action.metavar]) if name.startswith(prefix)]
    from argcomplete.completers import FilesCompleter

    if action.metavar == "MAP":
        return FilesCompleter(allowednames=(MAP_SUFFIX.removeprefix("."),))(prefix)
    return FilesCompleter()(prefix)


def named_map(parsed_args: argparse.Namespace) -> Path | None:
    """The map file named earlier on the command line (``MAP`` or the first of ``MAP…``)."""
    named = getattr(parsed_args, "map", None) or (getattr(parsed_args, "maps", None) or [None])[0]
    return Path(named) if isinstance(named, str) and named != "-" else None


def ids_in(path: Path | None, tables: Iterable[str]) -> list[str]:
    """The ids of ``tables`` in the map at ``path``, sorted; none when it cannot be read as a map."""
    if path is None:
        return []
    import orjson

    try:
        if not path.is_file() or path.stat().st_size > ID_FILE_LIMIT:
            return []
        document = orjson.loads(path.read_bytes())
    except (OSError, orjson.JSONDecodeError):
        return []
    if not isinstance(document, dict):
        return []
    return sorted(name for table in tables if isinstance(document.get(table), dict) for name in document[table])
