"""``argmap diff``: what changed between two versions of a map, by claim."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from argmap import store
from argmap.cli.common import Subcommands, add_command, console
from argmap.diff import describe, diff_maps, narrowed
from argmap.diffview import render_json, render_text
from argmap.errors import ArgmapError
from argmap.git import load_version_data
from argmap.model import ArgMap
from argmap.render.fit import FITS
from argmap.render.themes import THEMES

PICTURES = ("svg", "png", "pdf")


def register(subparsers: Subcommands) -> None:
    parser = add_command(
        subparsers,
        "diff",
        "show what changed between two versions of a map, claim by claim",
        """\
OLD and NEW are map files or git revisions written REV:path (the path from the
repository root, or ./path relative to here). Reports added and removed claims,
rewordings as a word diff ([-removed-] {+added+}), kind, tag and translation
changes, moves, reordering, relation and evidence changes.
Exit status: 0 the same, 1 different, 2 error.

examples:
  argmap diff old.argmap.json new.argmap.json
  argmap diff HEAD~1:maps/nk.argmap.json maps/nk.argmap.json
  argmap diff main:./nk.argmap.json nk.argmap.json --format json
  argmap diff HEAD~1:maps/nk.argmap.json maps/nk.argmap.json --format svg -o changes.svg
  argmap diff old.argmap.json new.argmap.json --format pdf --fit slide --legend -o changes.pdf

A picture (svg, png, pdf) draws the changed claims with the claims above them
up to the thesis (--whole: the whole map): reworded claims with their removed
words struck through and the added ones underlined, removed claims greyed and
struck through, added ones framed in their own colour, a summary on top.
""",
    )
    parser.add_argument("old", metavar="OLD", help="the earlier version: a file, REV:path, or - for stdin")
    parser.add_argument("new", metavar="NEW", help="the later version: a file or REV:path")
    parser.add_argument(
        "--format", choices=["text", "json", *PICTURES], default="text", help="output format (default: text)"
    )
    parser.add_argument("-o", "--output", metavar="OUT", help="write to this file instead of stdout")
    picture = parser.add_argument_group("pictures (svg, png, pdf)")
    picture.add_argument("--whole", action="store_true", help="draw the whole map, not only what changed")
    picture.add_argument("--fit", choices=FITS, help="fit to a slide or page, as `argmap render --fit` (PDF: a4)")
    picture.add_argument("--theme", choices=list(THEMES), default="classroom", help="as `argmap render --theme`")
    picture.add_argument("--legend", action="store_true", help="add a key to the marks")
    picture.add_argument("--lang", metavar="LANG", help="the claims' translations and the picture's words in LANG")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    old_data = load_version_data(args.old)
    new_data = load_version_data(args.new, like=old_data)
    if args.format in PICTURES:  # the picture draws the whole new map
        old, new = old_data.build(), new_data.build()
    else:  # the report needs only the records that differ
        old, new = (ArgMap.model_validate(part) for part in narrowed(old_data.raw, new_data.raw))
    diff = diff_maps(old, new)
    if args.format in PICTURES:  # the Graphviz side is imported only for a picture
        from argmap.diffview import diff_picture
        from argmap.render import RenderOptions, render_map
        from argmap.render.fit import default_fit, wrap_for
        from argmap.render.output import join_pdf, page_paths, render_pages

        drawn = diff_picture(old, new, diff, whole=args.whole, lang=args.lang)
        fit = default_fit(args.fit, args.format)
        options = RenderOptions(
            theme=args.theme,
            lang=args.lang,
            legend=args.legend,
            title=drawn.title,
            marks=drawn.marks,
            rewordings=drawn.rewordings,
            fit=fit,
            wrap=wrap_for(fit),
        )
        if options.fit is None:
            pictures = [render_map(drawn.map, args.format, options)]
        else:
            pictures = render_pages(drawn.map, args.format, options)
            pictures = [join_pdf(pictures)] if args.format == "pdf" else pictures
        if args.output:
            for path, picture in zip(page_paths(Path(args.output), len(pictures)), pictures, strict=True):
                store.write_atomic(path, picture)
        elif len(pictures) > 1:
            raise ArgmapError(f"the changes take {len(pictures)} pages", fix="write them with -o NAME")
        else:
            sys.stdout.buffer.write(pictures[0])
        return 1 if diff else 0
    entries = describe(diff, old, new)
    if args.format == "json":
        text = render_json(entries, args.old, args.new)
        if args.output:
            with open(args.output, "w", encoding="utf-8") as handle:
                handle.write(text)
        else:
            sys.stdout.write(text)
    elif args.output:
        with open(args.output, "w", encoding="utf-8") as handle:
            handle.write(render_text(entries).plain)
    else:
        console().print(render_text(entries), end="")
    return 1 if diff else 0
