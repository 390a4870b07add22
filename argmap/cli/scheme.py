"""``argmap scheme``: name the argument scheme of a relation, or show it with its open questions."""

from __future__ import annotations

import argparse

from argmap import store
from argmap.cli.common import Subcommands, add_command, console
from argmap.cli.schemes import describe
from argmap.errors import ArgmapError
from argmap.graph import MapGraph
from argmap.ops import set_scheme
from argmap.schemes import get_scheme, relation_of


def register(subparsers: Subcommands) -> None:
    parser = add_command(
        subparsers,
        "scheme",
        "set or show the argument scheme of a relation",
        """\
RELATION is a relation id, or a claim id standing for the one relation in which
that claim is a premise.  Without SCHEME, shows the relation's scheme and which
critical questions are answered.  List schemes with `argmap schemes`.

examples:
  argmap scheme nk.argmap.json r-expert-says expert-opinion
  argmap scheme nk.argmap.json r-expert-says
  argmap scheme nk.argmap.json r-expert-says --clear
""",
    )
    parser.add_argument("map", metavar="MAP", help="the map file")
    parser.add_argument("relation", metavar="RELATION", help="the relation (or its single premise's claim id)")
    parser.add_argument("scheme", metavar="SCHEME", nargs="?", help="the scheme id to set")
    parser.add_argument("--clear", action="store_true", help="remove the relation's scheme")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if args.clear and args.scheme:
        raise ArgmapError("give a SCHEME or --clear, not both")
    mapfile = store.read(args.map)  # keeps what makes the save fast
    graph = MapGraph(store.unique(mapfile))
    relation_id = relation_of(graph, args.relation)
    out = console()
    if not args.scheme and not args.clear:
        relation = graph.map.relations[relation_id]
        if not relation.scheme:
            out.print(f"{relation_id}: no scheme (set one: argmap scheme MAP {relation_id} SCHEME)", markup=False)
            return 0
        for line in describe(get_scheme(relation.scheme), relation):
            out.print(line)
        return 0
    edit = set_scheme(graph, relation_id, None if args.clear else args.scheme)
    graph.apply(edit)
    store.save(graph.map, args.map, mapfile.kept)
    what = f"scheme {args.scheme}" if args.scheme else "no scheme"
    out.print(f"{relation_id}: {what}" + ("" if edit.changes else " (unchanged)"), markup=False)
    return 0
