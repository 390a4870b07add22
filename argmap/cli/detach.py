"""``argmap detach``: remove a passage from a claim's evidence (what ``check`` advises for a wrong attach)."""

from __future__ import annotations

import argparse

from argmap import ops, store
from argmap.cli.common import Subcommands, add_command, console
from argmap.errors import ArgmapError, OperationError
from argmap.graph import MapGraph
from argmap.visible import visible


def register(subparsers: Subcommands) -> None:
    parser = add_command(
        subparsers,
        "detach",
        "remove a passage from a claim's evidence",
        """\
Evidence anchors are numbered from 1 in the order `argmap show --quotes` lists
them. A claim with one anchor needs no number. In the editor: X.

examples:
  argmap detach maps/partnership-of-convenience.argmap.json keep-un-seat
  argmap detach maps/partnership-of-convenience.argmap.json keep-un-seat 2
""",
    )
    parser.add_argument("map", metavar="MAP", help="the map file")
    parser.add_argument("claim", metavar="CLAIM", help="the claim's id")
    parser.add_argument("number", metavar="N", nargs="?", type=int, help="which anchor (1 = the first)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    mapfile = store.read(args.map)  # keeps what makes the save fast
    graph = MapGraph(store.unique(mapfile))
    claim = graph.map.claims.get(args.claim)
    if claim is None:
        raise ArgmapError(f"no claim {args.claim!r} in this map", path=args.map)
    if not claim.evidence:
        raise ArgmapError(f"{args.claim!r} has no evidence to detach", path=args.map)
    if args.number is None and len(claim.evidence) > 1:
        quotes = "; ".join(f"{n}: “{visible(a.quote)[:40]}”" for n, a in enumerate(claim.evidence, start=1))
        raise ArgmapError(f"{args.claim!r} has {len(claim.evidence)} anchors, say which: {quotes}", path=args.map)
    index = (args.number or 1) - 1
    try:
        edit = ops.detach_evidence(graph, args.claim, index)
    except OperationError as error:
        raise ArgmapError(str(error), path=args.map) from None
    quote = claim.evidence[index].quote
    graph.apply(edit)
    store.save(graph.map, args.map, mapfile.kept)
    console().print(f"{args.claim}: detached “{visible(quote)}”", markup=False)
    return 0
