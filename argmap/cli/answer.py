"""``argmap answer``: answer a relation's critical question, or turn it into an objection."""

from __future__ import annotations

import argparse

from argmap import store
from argmap.cli.common import Subcommands, add_command, console
from argmap.errors import ArgmapError
from argmap.graph import MapGraph
from argmap.ops import answer_question, question_to_objection
from argmap.schemes import relation_of


def register(subparsers: Subcommands) -> None:
    parser = add_command(
        subparsers,
        "answer",
        "answer a critical question of a relation's scheme, or raise it as an objection",
        """\
The relation must name a scheme (argmap scheme).  With --objection the question
becomes a new claim attacking the argument: an undercut of the relation when it
doubts the inference, an objection to the premise when it doubts the premise.
The new claim's text is the one given after --objection, or the question itself.

examples:
  argmap answer nk.argmap.json r-expert-says field "She directs a Korea studies institute."
  argmap answer nk.argmap.json r-expert-says consistency --objection "Other analysts disagree."
  argmap answer nk.argmap.json r-expert-says field --clear
""",
    )
    parser.add_argument("map", metavar="MAP", help="the map file")
    parser.add_argument("relation", metavar="RELATION", help="the relation (or its single premise's claim id)")
    parser.add_argument("question", metavar="QUESTION", help="the critical question's id (see argmap schemes SCHEME)")
    parser.add_argument("text", metavar="TEXT", nargs="?", help="the answer")
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument(
        "--objection",
        metavar="CLAIM",
        nargs="?",
        const="",
        help="instead of answering, add the question as an objection or undercut (text: CLAIM or the question)",
    )
    mode.add_argument("--clear", action="store_true", help="remove the answer")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    mapfile = store.read(args.map)  # keeps what makes the save fast
    graph = MapGraph(store.unique(mapfile))
    relation_id = relation_of(graph, args.relation)
    if args.objection is not None:
        if args.text:
            raise ArgmapError("with --objection, give the objection's text after --objection, not as TEXT")
        edit = question_to_objection(graph, relation_id, args.question, args.objection)
    elif args.clear or (args.text and args.text.strip()):
        edit = answer_question(graph, relation_id, args.question, None if args.clear else args.text)
    else:
        raise ArgmapError("give the answer's TEXT, --objection or --clear")
    graph.apply(edit)
    store.save(graph.map, args.map, mapfile.kept)
    console().print(f"{edit.label}" + ("" if edit.changes else " (unchanged)"), markup=False)
    return 0
