"""``argmap score``: set a claim's base score or a relation's weight, the two inputs of ``argmap eval``."""

from __future__ import annotations

import argparse

from argmap import ops, store
from argmap.cli.common import Subcommands, add_command, console
from argmap.errors import ArgmapError
from argmap.graph import MapGraph


def register(subparsers: Subcommands) -> None:
    parser = add_command(
        subparsers,
        "score",
        "set a claim's base score or a relation's weight for evaluation",
        """\
A claim's base score (0 to 1, default 0.5) is how plausible it is on its own; a
relation's weight (0 to 1, default 1) scales what it passes on to its target.
See docs/evaluation.md.

examples:
  argmap score maps/partnership-of-convenience.argmap.json russia-needs-allies 0.9
  argmap score maps/partnership-of-convenience.argmap.json r-military-tech-need 0.5
  argmap score maps/partnership-of-convenience.argmap.json russia-needs-allies --clear
""",
    )
    parser.add_argument("map", metavar="MAP", help="the map file")
    parser.add_argument("id", metavar="ID", help="a claim id (base score) or a relation id (weight)")
    parser.add_argument("value", metavar="VALUE", nargs="?", type=_unit, help="a number from 0 to 1")
    parser.add_argument("--clear", action="store_true", help="back to the default (0.5 for a claim, 1 for a relation)")
    parser.set_defaults(run=run)


def _unit(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
    if not 0.0 <= value <= 1.0:
        raise argparse.ArgumentTypeError(f"{text} is not between 0 and 1")
    return value


def run(args: argparse.Namespace) -> int:
    if (args.value is None) == (not args.clear):
        raise ArgmapError("give a VALUE from 0 to 1, or --clear")
    mapfile = store.read(args.map)  # keeps what makes the save fast
    graph = MapGraph(store.unique(mapfile))
    if args.id in graph.map.claims:
        edit = ops.set_base_score(graph, args.id, args.value)
        what = "base score"
    elif args.id in graph.map.relations:
        edit = ops.set_weight(graph, args.id, args.value)
        what = "weight"
    else:
        raise ArgmapError(f"no claim or relation {args.id!r} in this map", path=args.map)
    graph.apply(edit)
    store.save(graph.map, args.map, mapfile.kept)
    shown = "default" if args.value is None else f"{args.value:g}"
    console().print(f"{args.id}: {what} {shown}" + ("" if edit.changes else " (unchanged)"), markup=False)
    return 0
