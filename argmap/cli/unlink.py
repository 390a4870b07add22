"""``argmap unlink``: remove a link (a relation) or take one claim out of one place, keeping the claims."""

from __future__ import annotations

import argparse

from argmap import ops, store
from argmap.cli.common import Subcommands, add_command, console
from argmap.errors import ArgmapError, OperationError
from argmap.graph import MapGraph


def register(subparsers: Subcommands) -> None:
    parser = add_command(
        subparsers,
        "unlink",
        "remove a relation, or take a claim out of one place, keeping the claims",
        """\
With a relation id: the relation goes (a linked group with all its premises),
with the undercuts aimed at it; its premises stay in the map. In the editor: U.

With a claim id and --from: the claim leaves the one relation that links it to
--from (a claim or relation id), and stays wherever else it is linked; out of a
linked group, the group keeps its other premises. In the editor: D.

examples:
  argmap unlink maps/partnership-of-convenience.argmap.json r-keep-un-seat
  argmap unlink maps/partnership-of-convenience.argmap.json keep-un-seat --from thesis
""",
    )
    parser.add_argument("map", metavar="MAP", help="the map file")
    parser.add_argument("id", metavar="ID", help="a relation id, or a claim id with --from")
    parser.add_argument("--from", dest="target", metavar="TARGET", help="the claim or relation ID bears on")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    mapfile = store.read(args.map)  # keeps what makes the save fast
    graph = MapGraph(store.unique(mapfile))
    if args.target is None:
        if args.id not in graph.map.relations:
            hint = "; for a claim, say which link with --from TARGET" if args.id in graph.map.claims else ""
            raise ArgmapError(f"no relation {args.id!r} in this map{hint}", path=args.map)
        edit = ops.delete_relation(graph, args.id)
    else:
        if args.id not in graph.map.claims:
            raise ArgmapError(f"no claim {args.id!r} in this map", path=args.map)
        links = [rid for rid, relation in graph.parents(args.id) if relation.target == args.target]
        if not links:
            raise ArgmapError(f"{args.id!r} bears on nothing called {args.target!r}", path=args.map)
        try:
            edit = ops.remove_placement(graph, args.id, links[0])
        except OperationError as error:
            raise ArgmapError(str(error), path=args.map) from None
    graph.apply(edit)
    store.save(graph.map, args.map, mapfile.kept)
    gone = [change.id for change in edit.changes if change.after is None]
    console().print(f"{edit.label}: {len(gone)} relation{'s' if len(gone) != 1 else ''} removed", markup=False)
    return 0
