"""``argmap suggest``: the source passages that best match a claim, for anchoring it."""

from __future__ import annotations

import argparse
import json
import sys
from typing import TypedDict

from argmap import store
from argmap.cli.common import Subcommands, add_command, say
from argmap.errors import ArgmapError
from argmap.model import ArgMap
from argmap.sources import read_source_text
from argmap.suggest import PassageIndex, claim_texts, overlaps
from argmap.visible import visible


def register(subparsers: Subcommands) -> None:
    parser = add_command(
        subparsers,
        "suggest",
        "rank the source's sentences and clauses by how well they match a claim",
        """\
Matches the claim's translation into the source's language word by word (on
stems: "Handel" finds "Handels"), and its own text by names, numbers and
look-alike words, so a claim written in English finds its German passage best
when it has a German translation. Passages the claim already quotes are marked
"(its evidence)". In the editor, f selects them in turn and x attaches one.

examples:
  argmap suggest maps/partnership-of-convenience.argmap.json trade-fell
  argmap suggest essay.argmap.json uniforms-cost --top 10 --source interview
  argmap suggest essay.argmap.json uniforms-cost --format json | jq '.[0].start'
""",
    )
    parser.add_argument("map", metavar="MAP", help="the map file")
    parser.add_argument("claim", metavar="CLAIM_ID", help="the claim to find passages for")
    parser.add_argument("--top", type=int, default=5, metavar="N", help="how many passages (default: 5)")
    parser.add_argument(
        "--source", metavar="SOURCE", help="the source to search (default: the claim's evidence's, else the only one)"
    )
    parser.add_argument("--format", choices=["text", "json"], default="text", help="output format (default: text)")
    parser.set_defaults(run=run)


class PassageRow(TypedDict):
    """One suggested passage as ``--format json`` writes it."""

    rank: int
    start: int
    end: int
    score: float
    evidence: bool
    text: str


def _source_for(argmap: ArgMap, map_path: str, claim_id: str, wanted: str | None) -> str:
    if wanted is not None:
        if wanted not in argmap.sources:
            raise ArgmapError(f"{map_path}: no source {wanted!r}", fix=f"pick one of: {', '.join(argmap.sources)}")
        return wanted
    quoted = [anchor.source for anchor in argmap.claims[claim_id].evidence if anchor.source in argmap.sources]
    with_text = [sid for sid, source in argmap.sources.items() if source.path]
    if quoted:
        return quoted[0]
    if len(with_text) == 1:
        return with_text[0]
    if not with_text:
        raise ArgmapError(f"{map_path}: the map has no source text to search", fix="add a source with a path")
    raise ArgmapError(
        f"{map_path}: the map has several sources", fix=f"name one with --source ({', '.join(with_text)})"
    )


def run(args: argparse.Namespace) -> int:
    if args.top < 1:
        raise ArgmapError(f"--top {args.top}: give a number of passages of 1 or more", fix="e.g. --top 5")
    argmap = store.load(args.map)
    claim = argmap.claims.get(args.claim)
    if claim is None:
        raise ArgmapError(f"{args.map}: no claim {args.claim!r}", fix="argmap show MAP --ids lists the claim ids")
    source_id = _source_for(argmap, args.map, args.claim, args.source)
    source = argmap.sources[source_id]
    text, _ = read_source_text(args.map, source_id, source)
    texts = claim_texts(claim, argmap.language, source.language)
    found = PassageIndex(text, source.language).suggest(texts, args.top)
    own = [(anchor.start, anchor.end) for anchor in claim.evidence if anchor.source == source_id]
    rows: list[PassageRow] = [
        {
            "rank": number,
            "start": one.start,
            "end": one.end,
            "score": round(one.score, 3),
            "evidence": any(overlaps(one, start, end) for start, end in own),
            "text": text[one.start : one.end],
        }
        for number, one in enumerate(found, start=1)
    ]
    if args.format == "json":
        sys.stdout.write(json.dumps(rows, indent=2, ensure_ascii=False) + "\n")
        return 0
    languages = " and ".join(f"its {language} text" for _, language in texts) or "nothing (the claim has no text)"
    say(f"passages of {visible(source_id)} for {visible(args.claim)}, matching {visible(languages)}:")
    if not rows:
        say("  none share a word with the claim")
    for row in rows:
        mark = "  (its evidence)" if row["evidence"] else ""
        say(f"{row['rank']:>3}. {row['start']}–{row['end']}  score {row['score']:.1f}{mark}")
        say(f"     {visible(row['text'])}")
    return 0
