"""``argmap edit``: open the terminal editor on a map (created when missing)."""

from __future__ import annotations

import argparse
from pathlib import Path

from argmap.cli.common import Subcommands, add_command
from argmap.document import Opening
from argmap.errors import ArgmapError


def register(subparsers: Subcommands) -> None:
    parser = add_command(
        subparsers,
        "edit",
        "build and annotate a map in the terminal",
        """\
examples:
  argmap edit maps/partnership-of-convenience.argmap.json
  argmap edit uniforms.argmap.json            # missing: asks for the thesis, then creates it
  argmap edit nk.argmap.json --source sources/article.de.txt

keys: a reason, o objection, e edit, x attach the passage selected in the source,
ctrl+s save, ctrl+z undo, f1 every key. Rebind keys in ~/.config/argmap/keymap.toml.
""",
    )
    parser.add_argument("map", metavar="MAP", help="the map file (*.argmap.json); created when missing")
    parser.add_argument("--source", metavar="FILE", help="a UTF-8 text to add as a source of the map")
    parser.set_defaults(run=run, interactive=True)


def run(args: argparse.Namespace) -> int:
    path = Path(args.map)
    if path.is_dir():
        raise ArgmapError("is a directory, not a map file", path=args.map, fix="name a *.argmap.json file")
    if not path.exists() and not path.name.endswith(".argmap.json"):
        raise ArgmapError("map files are named *.argmap.json (git-setup and the editor rely on it)", path=args.map)
    if args.source and not Path(args.source).is_file():
        raise ArgmapError("no such source text", path=args.source, fix="check the path")
    # A broken map is one clear line on stderr, before the screen is taken over; a large one
    # opens in the editor at once and is validated behind its preview (errors end the editor).
    opening = Opening(path) if path.exists() else None
    document = opening.finish() if opening is not None and not opening.large else None
    from argmap.tui.app import ArgmapApp  # Textual loads only for this command, not for every argmap call

    app = ArgmapApp(
        path,
        document=document,
        opening=opening if document is None else None,
        add_source=Path(args.source) if args.source else None,
    )
    app.run()
    if app.failure is not None:
        raise app.failure
    return app.return_code or 0
