"""What every subcommand shares: help formatting and the two consoles.

rich is imported when a console is first asked for: a command that prints only
plain lines (``argmap render``) writes them with :func:`say` and starts faster.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterable
from functools import cache
from typing import TYPE_CHECKING, TypeAlias

from argmap.outline import Role

if TYPE_CHECKING:
    from rich.console import Console


Subcommands: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"
"""What ``add_subparsers`` returns, which argparse does not name publicly; each command's ``register`` takes it."""


class HelpFormatter(argparse.RawDescriptionHelpFormatter):
    """Keeps the hand-written examples in descriptions as they are."""


def add_command(subparsers: Subcommands, name: str, summary: str, description: str) -> argparse.ArgumentParser:
    """A subcommand parser whose ``--help`` shows the summary, then the examples.

    Its command runs with the cycle collector paused unless it sets ``interactive=True`` (the editor,
    which runs for hours and makes garbage with cycles).
    """
    parser = subparsers.add_parser(
        name, help=summary, description=f"{summary}\n\n{description}", formatter_class=HelpFormatter
    )
    parser.set_defaults(interactive=False)
    return parser


@cache
def console() -> Console:
    """Results go to stdout; colour only on a terminal, never with NO_COLOR; `:x:` in a text stays text, no emoji."""
    from rich.console import Console

    return Console(file=sys.stdout, highlight=False, soft_wrap=True, emoji=False)


@cache
def err_console() -> Console:
    """Messages go to stderr: whatever ``sys.stderr`` is at each print (this console is made once)."""
    from rich.console import Console

    return Console(stderr=True, highlight=False, soft_wrap=True, emoji=False)


def say(message: str, *, err: bool = False) -> None:
    """One plain line, as the consoles print it without markup: on stdout, or on stderr with ``err``."""
    print(message, file=sys.stderr if err else sys.stdout, flush=err)


SGR = {
    "bold": "1",
    "dim": "2",
    "underline": "4",
    "red": "31",
    "green": "32",
    "yellow": "33",
    "magenta": "35",
    "cyan": "36",
    "dark_orange": "38;5;208",
    "default": "",
}
"""ANSI codes of the few styles plain output uses (names as rich spells them)."""


@cache
def colour() -> bool:
    """Colour only on a terminal (or with FORCE_COLOR), never with NO_COLOR or TERM=dumb, as rich decides."""
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return sys.stdout.isatty() and os.environ.get("TERM") != "dumb"


def paint(text: str, style: str) -> str:
    """``text`` in ``style`` ("bold red") when :func:`colour` says so, else as it is.

    Plain string work: printing 100,000 lines through rich took seconds.
    """
    codes = ";".join(code for name in style.split() if (code := SGR[name]))
    if not codes or not colour():
        return text
    return f"\x1b[{codes}m{text}\x1b[0m"


def write_lines(lines: Iterable[str]) -> None:
    """Lines to stdout, joined and written in large pieces."""
    out = sys.stdout
    chunk: list[str] = []
    for line in lines:
        chunk.append(line)
        if len(chunk) == 4096:
            out.write("\n".join(chunk) + "\n")
            chunk.clear()
    if chunk:
        out.write("\n".join(chunk) + "\n")


ROLE_STYLES = {
    Role.THESIS: "bold",
    Role.REASON: "green",
    Role.BACKING: "green",
    Role.LINKED_REASON: "green",
    Role.OBJECTION: "red",
    Role.REBUTTAL: "dark_orange",
    Role.LINKED_OBJECTION: "red",
    Role.UNDERCUT: "magenta",
    Role.PREMISE: "default",
    Role.UNCONNECTED: "yellow",
}
"""Colours of the outline's roles; the markers beside them say the same without colour."""
