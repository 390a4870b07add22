"""What every subcommand shares: help formatting and the two consoles."""

from __future__ import annotations

import argparse
import sys
from functools import cache

from rich.console import Console

from argmap.outline import Role


class HelpFormatter(argparse.RawDescriptionHelpFormatter):
    """Keeps the hand-written examples in descriptions as they are."""


def add_command(
    subparsers: argparse._SubParsersAction, name: str, summary: str, description: str
) -> argparse.ArgumentParser:
    """A subcommand parser whose ``--help`` shows the summary, then the examples."""
    return subparsers.add_parser(
        name, help=summary, description=f"{summary}\n\n{description}", formatter_class=HelpFormatter
    )


@cache
def console() -> Console:
    """Results go to stdout; colour only on a terminal, never with NO_COLOR."""
    return Console(file=sys.stdout, highlight=False, soft_wrap=True)


@cache
def err_console() -> Console:
    """Messages go to stderr."""
    return Console(file=sys.stderr, highlight=False, soft_wrap=True)


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
