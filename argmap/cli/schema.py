"""``argmap schema``: print the JSON Schema of the map format."""

from __future__ import annotations

import argparse
import sys

from argmap.cli.common import Subcommands, add_command
from argmap.schema import schema_text


def register(subparsers: Subcommands) -> None:
    parser = add_command(
        subparsers,
        "schema",
        "print the JSON Schema of the map format",
        """\
Editors validate maps with it, e.g. in VS Code's settings:
  "json.schemas": [{"fileMatch": ["*.argmap.json"], "url": "./docs/argmap.schema.json"}]

example:
  argmap schema > argmap.schema.json
""",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    sys.stdout.write(schema_text())
    return 0
