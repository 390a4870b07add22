"""``argmap resolve``: list a map's merge conflicts, or settle one."""

from __future__ import annotations

import argparse
import json

from argmap import store
from argmap.cli.common import Subcommands, add_command, console
from argmap.errors import ArgmapError
from argmap.merge import conflict_findings, resolve_in_map
from argmap.visible import visible


def register(subparsers: Subcommands) -> None:
    parser = add_command(
        subparsers,
        "resolve",
        "list the merge conflicts recorded in a map, or settle one",
        """\
Without CONFLICT, lists the unresolved conflicts (exit 1 if there are any).
With CONFLICT, keeps ours, takes theirs, or sets a value of your own (JSON),
and removes the conflict from the map. Settling a "deleted on one side"
conflict with the deleting side deletes the record with what hangs only from
it (conflicts about what it deletes go too). Conflicts settle in any order; a
side that would break the map (circular support, a claim cut off) is refused:
take the other side or give a value.

examples:
  argmap resolve nk.argmap.json
  argmap resolve nk.argmap.json claims.thesis.text --theirs
  argmap resolve nk.argmap.json claims.thesis.text --value '"Both wordings, combined."'
""",
    )
    parser.add_argument("map", metavar="MAP", help="the map file")
    parser.add_argument("conflict", metavar="CONFLICT", nargs="?", help="the conflict's id, as listed")
    choice = parser.add_mutually_exclusive_group()
    choice.add_argument("--ours", action="store_const", const="ours", dest="choice", help="keep our value")
    choice.add_argument("--theirs", action="store_const", const="theirs", dest="choice", help="take their value")
    choice.add_argument("--value", metavar="JSON", help="set this value (JSON: a string needs quotes)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    mapfile = store.read(args.map)  # keeps what makes the save fast
    argmap = store.unique(mapfile)
    out = console()
    if args.conflict is None:
        findings = conflict_findings(argmap)
        for finding in findings:
            out.print(visible(finding.message), markup=False)
        if not findings:
            out.print("no conflicts", markup=False)
        return 1 if findings else 0
    if args.value is not None:
        try:
            value = json.loads(args.value)
        except json.JSONDecodeError as error:
            raise ArgmapError(f"--value is not JSON: {error.msg}", fix="a text needs quotes: '\"like this\"'") from None
        resolved = resolve_in_map(argmap, args.conflict, "edit", value)
    elif args.choice:
        resolved = resolve_in_map(argmap, args.conflict, args.choice)
    else:
        raise ArgmapError("say how to resolve it", fix="--ours, --theirs or --value JSON")
    store.save(resolved, args.map, mapfile.kept)
    left = len(resolved.conflicts)
    out.print(f"resolved {visible(args.conflict)}; {left} conflict{'s' if left != 1 else ''} left", markup=False)
    return 0
