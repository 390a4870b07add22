"""``argmap render``: diagrams of maps as SVG, PNG, PDF or DOT."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

from argmap import store
from argmap.cli.common import Subcommands, add_command, console, err_console, say
from argmap.errors import ArgmapError
from argmap.evaluate import SEMANTICS, Semantics, evaluate
from argmap.model import ArgMap
from argmap.render import DIRECTIONS, FORMATS, THEMES, RenderOptions, default_output, format_for, render_map
from argmap.render.backends import CHOICES
from argmap.render.fit import FITS, default_fit, wrap_for
from argmap.render.html import render_html
from argmap.render.output import join_pdf, page_paths, render_pages
from argmap.visible import visible

Job = tuple[str, Path | None, str]
"""A map file, where its picture goes (None: stdout) and the picture's format."""


def register(subparsers: Subcommands) -> None:
    parser = add_command(
        subparsers,
        "render",
        "draw maps as SVG, PNG, PDF or Graphviz DOT",
        """\
The format comes from the output's extension, else from --format (default svg).
SVG works with pip alone; PNG and PDF need the system Graphviz (`dot`).

--fit slide|a4|a4-landscape|letter lays the map out for a 1920x1080 projector or
a printed page: argmap picks the direction, the line width and the spacing, and
splits a map that does not fit readably into pages (an overview, then a page
per branch, with "p. N" references). A PDF gets all pages in one file and is
fitted to A4 unless you say otherwise; SVG and PNG pages are written as
NAME-01.svg, NAME-02.svg... --fit none draws the whole map as one picture.

examples:
  argmap render maps/partnership-of-convenience.argmap.json --fit slide -o deck.pdf
  argmap render maps/partnership-of-convenience.argmap.json --fit a4 -o handout.pdf --numbers --legend
  argmap render maps/partnership-of-convenience.argmap.json --fit slide -o slide.png   # slide-01.png, ...
  argmap render maps/partnership-of-convenience.argmap.json -o map.svg
  argmap render maps/partnership-of-convenience.argmap.json -o lesson.html --numbers   # one page to project
  argmap render maps/partnership-of-convenience.argmap.json -o handout.pdf --theme print --numbers --legend
  argmap render maps/partnership-of-convenience.argmap.json -o slide.png --depth 1 --legend
  argmap render maps/partnership-of-convenience.argmap.json -o verdict.svg --strength --theme print
  argmap render maps/partnership-of-convenience.argmap.json -o de.png --lang de --focus no-economic-complementarity
  argmap render maps/*.argmap.json -d diagrams/ --format png
  argmap render maps/partnership-of-convenience.argmap.json -o - --format dot | dot -Tsvg > map.svg
""",
    )
    parser.add_argument("maps", nargs="+", metavar="MAP", help="the map files to draw")
    where = parser.add_mutually_exclusive_group()
    where.add_argument("-o", "--output", metavar="OUT", help="the picture to write (one MAP); '-' for stdout")
    where.add_argument("-d", "--dir", metavar="DIR", help="write each picture into DIR (default: beside its map)")
    parser.add_argument(
        "-f", "--format", choices=FORMATS, help="svg, png, pdf, dot or html (default: from OUT, else svg)"
    )
    parser.add_argument(
        "--theme", choices=list(THEMES), default="classroom", help="colours and lines (default: classroom)"
    )
    parser.add_argument(
        "--fit", choices=FITS, help="fit to a medium, in pages where needed (default: a4 for PDF, else none)"
    )
    parser.add_argument(
        "--direction", choices=DIRECTIONS, help="BT puts the thesis on top (default; with --fit: chosen per page)"
    )
    parser.add_argument("--focus", metavar="ID", help="draw only this claim and what hangs below it")
    parser.add_argument("--depth", type=int, metavar="N", help="draw at most N levels of reasons below the top")
    parser.add_argument("--lang", metavar="LANG", help="use the claims' translations into LANG where they have one")
    parser.add_argument("--legend", action="store_true", help="add a key to the shapes and lines")
    parser.add_argument("--numbers", action="store_true", help="number the claims 1, 1.1, 1.2… for handouts")
    parser.add_argument("--quotes", action="store_true", help="show each claim's evidence quote under it")
    parser.add_argument("--title", help="a title above the diagram")
    parser.add_argument(
        "--wrap", type=int, metavar="N", help="characters per line (default 30; with --fit: chosen for the medium)"
    )
    parser.add_argument(
        "--graphviz", choices=CHOICES, help="which Graphviz: system dot, wasm (pip, SVG only), or auto (default)"
    )
    parser.add_argument(
        "--repeat", action="store_true", help="with --fit: draw a claim used twice in full both times, not a 'see' stub"
    )
    parser.add_argument(
        "--force", action="store_true", help="draw even a very large map (a huge PNG, a layout of many minutes)"
    )
    parser.add_argument(
        "--strength",
        action="store_true",
        help="print each claim's label and strength in it and draw stronger claims with thicker frames",
    )
    parser.add_argument(
        "--semantics", choices=SEMANTICS, default="dfquad", help="how --strength evaluates (default: dfquad)"
    )
    parser.set_defaults(run=run)


def options_from(args: argparse.Namespace, fit: str | None = None) -> RenderOptions:
    if args.wrap is not None and args.wrap < 10:
        raise ArgmapError(f"--wrap {args.wrap} is too narrow to read; use 10 or more")
    wrap = args.wrap or wrap_for(fit)
    return RenderOptions(
        theme=args.theme,
        direction=args.direction or "BT",
        fit=fit,
        focus=args.focus,
        depth=args.depth,
        lang=args.lang,
        legend=args.legend,
        numbers=args.numbers,
        quotes=args.quotes,
        title=args.title,
        wrap=wrap,
    )


def with_strength(options: RenderOptions, argmap: ArgMap, semantics: Semantics | None) -> RenderOptions:
    """The options with each claim's evaluation added, when ``--strength`` asked for it."""
    if semantics is None:
        return options
    evaluation = evaluate(argmap, semantics)
    strengths = {cid: standing.strength for cid, standing in evaluation.claims.items()}
    return replace(options, badges=evaluation.badges(), strengths=strengths)


def run(args: argparse.Namespace) -> int:
    options_from(args)  # bad options fail before any map is read
    if args.output is not None and len(args.maps) > 1:
        raise ArgmapError("-o names one picture; for several maps use -d DIR")
    jobs: list[Job] = []
    for map_path in args.maps:
        if args.output == "-":
            jobs.append((map_path, None, format_for("-", args.format)))
        elif args.output is not None:
            jobs.append((map_path, Path(args.output), format_for(args.output, args.format)))
        else:
            fmt = args.format or "svg"
            jobs.append((map_path, default_output(map_path, fmt, args.dir), fmt))
    if args.dir is not None:
        Path(args.dir).mkdir(parents=True, exist_ok=True)
    errors = 0

    def draw(map_path: str, target: Path | None, fmt: str, quiet: bool) -> None:
        nonlocal errors

        def warn(message: str) -> None:
            say(f"argmap: warning: {visible(f'{map_path}: {message}')}", err=True)

        try:
            argmap = store.load(map_path)
            fit = default_fit(args.fit, fmt)
            options = with_strength(options_from(args, fit), argmap, args.semantics if args.strength else None)
            if fmt == "html":
                pictures = [
                    render_html(argmap, options, map_path=map_path, backend=args.graphviz, force=args.force, warn=warn)
                ]
            elif fit is None:
                pictures = [render_map(argmap, fmt, options, backend=args.graphviz, force=args.force, warn=warn)]
            else:
                directions = (args.direction,) if args.direction else None
                with _page_progress(quiet or len(argmap.claims) < PROGRESS_CLAIMS) as progress:
                    pages = render_pages(
                        argmap,
                        fmt,
                        options,
                        directions=directions,
                        repeat=args.repeat,
                        backend=args.graphviz,
                        warn=warn,
                        progress=progress,
                    )
                pictures = [join_pdf(pages)] if fmt == "pdf" else pages
            if target is None:
                if len(pictures) > 1:
                    raise ArgmapError(
                        f"the map takes {len(pictures)} pages, which cannot all go to stdout",
                        fix="name a file with -o (pages become NAME-01, NAME-02…), or write a PDF",
                    )
                sys.stdout.buffer.write(pictures[0])
                sys.stdout.flush()
            else:
                paths = page_paths(target, len(pictures))
                try:
                    for path, picture in zip(paths, pictures, strict=True):
                        store.write_atomic(path, picture)
                except OSError as error:
                    raise ArgmapError(
                        f"cannot write {path}: {error.strerror}",
                        fix="write into a folder that exists and that you may write to",
                    ) from None
                if not quiet and len(paths) == 1:
                    count = len(pages) if fit and fmt == "pdf" else 1
                    say(f"wrote {target}" + (f" ({count} pages)" if count > 1 else ""))
                elif not quiet:
                    say(f"the map takes {len(paths)} pages on a {fit}: wrote {paths[0]} … {paths[-1].name}", err=True)
        except ArgmapError as error:
            if len(jobs) == 1:
                raise
            if error.path is None:
                error.path = map_path
            err_console().print(f"argmap: {visible(str(error))}", markup=False, highlight=False, soft_wrap=True)
            errors += 1

    if len(jobs) > 1 and sys.stderr.isatty():
        _with_progress(jobs, draw)
        console().print(f"rendered {len(jobs) - errors} of {len(jobs)} maps", markup=False)
    else:
        for job in jobs:
            draw(*job, False)
    return 2 if errors else 0


PROGRESS_CLAIMS = 100
"""Fitting a map of this many claims takes seconds: say how far it got."""


@contextmanager
def _page_progress(quiet: bool) -> Iterator[Callable[[int], None] | None]:
    """On a terminal, a line that counts the pages planned so far; else nothing."""
    if quiet or not sys.stderr.isatty():
        yield None
        return
    with err_console().status("fitting pages…") as status:
        yield lambda pages: status.update(f"fitting pages… {pages} so far")


def _with_progress(jobs: list[Job], draw: Callable[[str, Path | None, str, bool], None]) -> None:
    """Several maps on a terminal: a progress bar instead of a line per picture (rich.progress loads only here)."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    with Progress(
        TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), console=err_console(), transient=True
    ) as progress:
        task = progress.add_task("rendering", total=len(jobs))
        for map_path, target, fmt in jobs:
            progress.update(task, description=f"rendering {Path(map_path).name}")
            draw(map_path, target, fmt, True)
            progress.advance(task)
