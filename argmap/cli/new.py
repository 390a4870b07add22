"""``argmap new``: start a map from its thesis."""

from __future__ import annotations

import argparse
from pathlib import Path

from argmap import ops, store
from argmap.cli.common import Subcommands, add_command, console
from argmap.errors import ArgmapError
from argmap.graph import MapGraph
from argmap.sources import describe_source


def register(subparsers: Subcommands) -> None:
    parser = add_command(
        subparsers,
        "new",
        "create a map holding its thesis",
        """\
examples:
  argmap new uniforms.argmap.json --thesis "School uniforms should be required."
  argmap new nk.argmap.json --thesis "It is a partnership of convenience." \\
      --source sources/article.de.txt --title "Russia and North Korea"
""",
    )
    parser.add_argument("map", metavar="MAP", help="the file to create (*.argmap.json)")
    parser.add_argument("--thesis", required=True, help="the text of the thesis, the claim the map argues about")
    parser.add_argument("--title", default="", help="the map's title (default: the thesis)")
    parser.add_argument("--language", default="en", help="language of the claims' texts (default: en)")
    parser.add_argument("--source", metavar="FILE", help="a UTF-8 text in MAP's folder (or below) to annotate")
    parser.add_argument("--force", action="store_true", help="overwrite MAP if it exists")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    path = Path(args.map)
    if path.exists() and not args.force:
        raise ArgmapError("already exists", path=args.map, fix="choose another name, or pass --force to overwrite")
    if not path.name.endswith(".argmap.json"):
        raise ArgmapError("map files are named *.argmap.json (git-setup and the editor rely on it)", path=args.map)
    argmap = ops.new_map(args.thesis, title=args.title, language=args.language, thesis_id="thesis")
    if args.source:
        graph = MapGraph(argmap)
        source_id, source = describe_source(path, args.source)
        graph.apply(ops.add_source(graph, source_id, source))
    store.save(argmap, path)
    console().print(f"created {path} with thesis 'thesis'", markup=False)
    return 0
