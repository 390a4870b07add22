"""docs/cli.md is the help of every command; this test keeps them equal.

Regenerate after changing a command: ``ARGMAP_UPDATE_DOCS=1 python3 dev.py test tests/test_docs.py``.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

import pytest

from argmap.cli import build_parser

CLI_DOC = Path(__file__).resolve().parent.parent / "docs" / "cli.md"
INTRO = """\
# Command-line reference

Every command prints results on stdout and messages on stderr, honours
`NO_COLOR`, and answers `--help` with the text below. Unreadable input ends in
one line naming the file, the place and the fix, and exit status 2.

This page is generated from the commands' own help (`tests/test_docs.py` keeps it in step).
"""


def cli_reference() -> str:
    parser = build_parser()
    parts = [INTRO, "## argmap\n", "```text\n" + parser.format_help() + "```\n"]
    subparsers = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    for name, sub in subparsers.choices.items():
        parts += [f"## argmap {name}\n", "```text\n" + sub.format_help() + "```\n"]
    return "\n".join(parts)


def test_cli_reference_is_current(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "100")
    expected = cli_reference()
    if os.environ.get("ARGMAP_UPDATE_DOCS"):
        CLI_DOC.write_text(expected)
    assert CLI_DOC.read_text() == expected, "docs/cli.md is out of date; see this test's docstring"
