"""``argmap coverage``: how much of each source text the map covers, and what is left to map."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from argmap import store
from argmap.cli.common import Subcommands, add_command, say
from argmap.coverage import SentenceCoverage, SourceCoverage, State, map_coverage
from argmap.errors import ArgmapError
from argmap.sources import read_source_text
from argmap.visible import visible


def register(subparsers: Subcommands) -> None:
    parser = add_command(
        subparsers,
        "coverage",
        "show how much of the source text the map covers, and what is left to map",
        """\
Splits each source into sentences (headings left out) and counts those some
claim's evidence overlaps (anchored) and those listed as deliberately left out
on the source (the "left_out" passages; the editor's source pane marks them).
Lists the paragraphs no claim is anchored in, and the sentences nobody mapped
that hold an argument marker (weil, daher, jedoch, zwar … aber; because,
therefore, however…): the ones most likely still to map. ¶ numbers count the
text's blocks between blank lines, headings included; offsets are characters.
Exit status 0.

examples:
  argmap coverage maps/partnership-of-convenience.argmap.json
  argmap coverage essay.argmap.json --open          # every sentence not yet mapped
  argmap coverage essay.argmap.json --format json | jq '.[0].coverage'
""",
    )
    parser.add_argument("map", metavar="MAP", help="the map file")
    parser.add_argument("--source", metavar="SOURCE", help="only this source (default: every source with a text)")
    parser.add_argument(
        "--open", action="store_true", help="list every sentence not yet mapped, not only those with a marker"
    )
    parser.add_argument("--format", choices=["text", "json"], default="text", help="output format (default: text)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    argmap = store.load(args.map)
    if args.source is not None and args.source not in argmap.sources:
        raise ArgmapError(f"{args.map}: no source {args.source!r}", fix=f"pick one of: {', '.join(argmap.sources)}")
    chosen = [args.source] if args.source else [sid for sid, source in argmap.sources.items() if source.path]
    if not chosen:
        raise ArgmapError(f"{args.map}: the map has no source text to cover", fix="add a source with a path")
    results = []
    for source_id in chosen:
        text, _ = read_source_text(args.map, source_id, argmap.sources[source_id])
        results.append((text, map_coverage(argmap, source_id, text)))
    if args.format == "json":
        report = [_as_json(text, coverage, args.open) for text, coverage in results]
        sys.stdout.write(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
    else:
        for number, (text, coverage) in enumerate(results):
            if number:
                say("")
            _print_text(text, coverage, args.open)
    return 0


def _percent(share: float) -> str:
    return f"{share * 100:.0f} %"


def _print_text(text: str, coverage: SourceCoverage, every_open: bool) -> None:
    total = len(coverage.sentences)
    anchored, left_out = coverage.count(State.ANCHORED), coverage.count(State.LEFT_OUT)
    say(
        f"{visible(coverage.source_id)}: {_percent(coverage.share)} covered — {anchored} of {total} sentences "
        f"anchored, {left_out} left out, {total - anchored - left_out} open"
    )
    empty = coverage.paragraphs_without_claims()
    say(f"paragraphs without a claim: {len(empty) or 'none'}")
    for group in empty:
        opening = text[group[0].start : group[0].end]
        say(f"  ¶{group[0].paragraph + 1} {group[0].start}–{group[-1].end} {visible(_shortened(opening))}")
    listed = [s for s in coverage.sentences if s.state is State.OPEN] if every_open else coverage.open_with_markers()
    heading = "open sentences" if every_open else "open sentences with an argument marker"
    say(f"{heading}: {len(listed) or 'none'}")
    for sentence in listed:
        markers = ", ".join(hit.marker.text for hit in sentence.markers)
        label = f" [{visible(markers)}]" if markers else ""
        where = f"¶{sentence.paragraph + 1} {sentence.start}–{sentence.end}"
        say(f"  {where}{label} {visible(text[sentence.start : sentence.end])}")
    for passage in coverage.lost_left_out:
        say(f"  left-out passage no longer in the text (covers nothing): {visible(passage.quote[:60])}")


def _shortened(sentence: str, length: int = 70) -> str:
    """A paragraph's opening words: its first sentence, cut at a word near ``length`` characters."""
    if len(sentence) <= length:
        return sentence
    return sentence[:length].rsplit(" ", 1)[0] + " …"


def _sentence_json(text: str, sentence: SentenceCoverage) -> dict[str, Any]:
    return {
        "paragraph": sentence.paragraph + 1,
        "start": sentence.start,
        "end": sentence.end,
        "state": sentence.state.value,
        "text": text[sentence.start : sentence.end],
        "claims": list(sentence.claims),
        "markers": [
            {"marker": hit.marker.text, "role": hit.marker.role, "spans": [list(span) for span in hit.spans]}
            for hit in sentence.markers
        ],
    }


def _as_json(text: str, coverage: SourceCoverage, every_open: bool) -> dict[str, Any]:
    listed = [s for s in coverage.sentences if s.state is State.OPEN] if every_open else coverage.open_with_markers()
    return {
        "source": coverage.source_id,
        "sentences": len(coverage.sentences),
        "anchored": coverage.count(State.ANCHORED),
        "left_out": coverage.count(State.LEFT_OUT),
        "open": coverage.count(State.OPEN),
        "coverage": round(coverage.share, 4),
        "paragraphs_without_claims": [
            {
                "paragraph": group[0].paragraph + 1,
                "start": group[0].start,
                "end": group[-1].end,
                "text": text[group[0].start : group[-1].end],
            }
            for group in coverage.paragraphs_without_claims()
        ],
        "open_sentences" if every_open else "open_with_markers": [_sentence_json(text, s) for s in listed],
        "lost_left_out": [passage.quote for passage in coverage.lost_left_out],
    }
