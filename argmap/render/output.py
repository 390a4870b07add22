"""From a map (or a map file) to the bytes of a picture, with the checks around it.

:func:`render_file` is the one call the command line and the TUI's ``r`` key
need: map path in, picture path out.
"""

from __future__ import annotations

import dataclasses
import io
import re
import struct
import sys
from collections.abc import Callable
from pathlib import Path

from argmap import store
from argmap.errors import ArgmapError
from argmap.graph import MapGraph
from argmap.model import ArgMap
from argmap.render.backends import PNG_DPI, choose
from argmap.render.dot import build_dot
from argmap.render.fit import capacity, medium, page_attributes, readable, scale, svg_size
from argmap.render.fonts import with_font_stack
from argmap.render.guard import refuse_costly_layout
from argmap.render.options import FORMATS, Direction, RenderOptions, Stagger
from argmap.render.pages import plan
from argmap.render.sanitize import sanitize_svg
from argmap.render.view import View, select

READABLE_CLAIMS = 300
"""Beyond this many claims a diagram no longer reads on a screen or a page: warn."""
PNG_LIMIT = 1000
"""Beyond this many claims a PNG is tens of thousands of pixels wide: refuse unless forced."""
WIDE_POINTS = 10_000
"""A picture wider than this (3.5 m at print size) gets a warning, whatever its number of claims."""
_SVG_WIDTH = re.compile(rb'<svg[^>]*?\swidth="([0-9.]+)pt"')

STAGGERS: tuple[Stagger, ...] = ("all", "none")
"""A fitted page is laid out both ways, and drawn the way that reads largest."""

Warn = Callable[[str], None]


def _stderr(message: str) -> None:
    print(f"argmap: warning: {message}", file=sys.stderr)


def format_for(path: str | Path, explicit: str | None = None) -> str:
    """The output format: ``explicit`` if given, else from the file's extension."""
    if explicit:
        fmt = explicit.lower().lstrip(".")
        if fmt not in FORMATS:
            raise ArgmapError(f"unknown format {explicit!r}; one of: {', '.join(FORMATS)}")
        return fmt
    suffix = Path(path).suffix.lower().lstrip(".")
    if suffix in FORMATS:
        return suffix
    if str(path) == "-":
        return "svg"
    raise ArgmapError(
        f"cannot tell the format from {Path(path).name!r}",
        path=str(path),
        fix=f"name it *.svg, *.png, *.pdf, *.dot or *.html, or pass --format {'|'.join(FORMATS)}",
    )


def default_output(map_path: str | Path, fmt: str, directory: str | Path | None = None) -> Path:
    """``maps/x.argmap.json`` → ``maps/x.svg`` (or inside ``directory``)."""
    path = Path(map_path)
    stem = path.name.removesuffix(".argmap.json").removesuffix(".json")
    return (Path(directory) if directory is not None else path.parent) / f"{stem}.{fmt}"


def render_map(
    argmap: ArgMap,
    fmt: str,
    options: RenderOptions | None = None,
    *,
    backend: str | None = None,
    force: bool = False,
    warn: Warn | None = _stderr,
) -> bytes:
    """The picture of ``argmap`` in ``fmt`` (svg, png, pdf or dot)."""
    options = options or RenderOptions()
    if fmt not in FORMATS or fmt == "html":
        raise ArgmapError(f"unknown picture format {fmt!r}; an HTML page comes from argmap.render.html.render_html")
    graph = MapGraph(argmap)
    view = select(argmap, graph, options.focus, options.depth)
    size = len(view.claims)
    if fmt == "png" and size > PNG_LIMIT and not force:
        raise ArgmapError(
            f"{size} claims make a PNG too large to use",
            fix="draw a part with --focus ID and --depth N, use SVG or PDF, or pass --force",
        )
    if fmt != "dot":
        refuse_costly_layout(size, force)
    if size > READABLE_CLAIMS and warn is not None:
        warn(f"{size} claims will not read as one picture; try --focus ID and --depth N")
    if fmt == "dot":
        return build_dot(argmap, options, graph=graph, view=view).encode("utf-8")
    chosen = choose(fmt, backend)
    dot = build_dot(argmap, dataclasses.replace(options, html_labels=chosen.html_labels), graph=graph, view=view)
    picture = chosen.render(dot, fmt)
    width = _width_in_points(picture, fmt)
    if width > WIDE_POINTS and size <= READABLE_CLAIMS and warn is not None:
        warn(f"the picture is {width / 72 * 2.54 / 100:.1f} m wide; try --direction LR, --focus ID or --depth N")
    return with_font_stack(sanitize_svg(picture)) if fmt == "svg" else picture


def render_pages(
    argmap: ArgMap,
    fmt: str,
    options: RenderOptions,
    *,
    directions: tuple[Direction, ...] | None = None,
    repeat: bool = False,
    backend: str | None = None,
    warn: Warn | None = _stderr,
    progress: Callable[[int], None] | None = None,
) -> list[bytes]:
    """The map fitted to ``options.fit``: one picture per page, each exactly the medium's size.

    ``directions``: the ones to try per page (the one that draws it largest
    wins); by default top-down, and on a portrait page also left-to-right.
    ``repeat``: a claim used in several places is drawn in full in each, not
    as a "see" stub after the first.  ``progress`` hears how many pages are
    planned so far.
    """
    if fmt not in FORMATS:
        raise ArgmapError(f"unknown format {fmt!r}; one of: {', '.join(FORMATS)}")
    page = medium(options.fit or "")
    if options.depth is not None:
        raise ArgmapError(
            "--depth draws one picture; fitted pages already show every level", fix="drop --depth, or add --fit none"
        )
    graph = MapGraph(argmap)
    select(argmap, graph, options.focus, options.depth)  # the same errors as an unfitted picture
    chosen = choose("svg" if fmt == "dot" else fmt, backend)
    layout = choose("svg", backend)
    options = dataclasses.replace(
        options, html_labels=chosen.html_labels, ranksep=page.ranksep, legend_columns=2 if page.landscape else 1
    )
    tries = directions or (("BT",) if page.landscape else ("BT", "RL"))
    sizes: dict[str, tuple[float, float]] = {}

    def dot_of(view: View, direction: Direction, stagger: Stagger, wrap: int) -> str:
        looks = dataclasses.replace(options, direction=direction, stagger=stagger, wrap=wrap)
        return build_dot(argmap, looks, graph=graph, view=view)

    def largest(ways: list[str]) -> tuple[str, tuple[float, float]]:
        return max(((dot, sizes[dot]) for dot in ways), key=lambda item: scale(page, *item[1]))

    def best(views: list[View]) -> list[tuple[str, tuple[float, float]]]:
        """Each page's DOT laid out the way that draws it largest, and that layout's size.

        Both directions (on a portrait page) and both ways of staggering; where
        none reads well, also with narrower lines.  All in one Graphviz run each.
        """
        found: dict[int, tuple[str, tuple[float, float]]] = {}
        todo = list(range(len(views)))
        for wrap in (options.wrap, max(12, options.wrap * 2 // 3)):
            ways = {i: [dot_of(views[i], d, stagger, wrap) for d in tries for stagger in STAGGERS] for i in todo}
            new = list(dict.fromkeys(dot for dots in ways.values() for dot in dots if dot not in sizes))
            if new:
                sizes.update(zip(new, map(svg_size, layout.render_all(new)), strict=True))
            for i, dots in ways.items():
                candidates = [largest(dots), *([found[i]] if i in found else [])]
                found[i] = max(candidates, key=lambda item: scale(page, *item[1]))
            todo = [i for i in todo if not readable(page, *found[i][1])]
            if not todo:
                break
        return [found[i] for i in range(len(views))]

    def fits(views: list[View]) -> list[bool]:
        small = [view for view in views if len(view.claims) <= capacity(page)]
        sized = dict(zip(map(id, small), best(small), strict=True))
        return [id(view) in sized and readable(page, *sized[id(view)][1]) for view in views]

    roots = [options.focus] if options.focus is not None else None
    views = plan(argmap, graph, fits, lang=options.lang, roots=roots, repeat=repeat, progress=progress)
    fitted: list[str] = []
    for number, (dot, size) in enumerate(best(views), 1):
        if not readable(page, *size) and warn is not None:
            warn(f"page {number} holds more than reads well on a {page.name}; its text is small")
        fitted.append(dot.removesuffix("}\n") + page_attributes(page, *size) + "\n}\n")
    if fmt == "dot":
        return [dot.encode("utf-8") for dot in fitted]
    if fmt == "svg":
        return [with_font_stack(sanitize_svg(picture)) for picture in chosen.render_all(fitted)]
    return [chosen.render(dot, fmt) for dot in fitted]


def join_pdf(pages: list[bytes]) -> bytes:
    """One PDF of several, page after page (pypdf: pure Python, so no other program is needed)."""
    if len(pages) == 1:
        return pages[0]
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for page in pages:
        writer.append(PdfReader(io.BytesIO(page)))
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def page_paths(target: Path, count: int) -> list[Path]:
    """``slide.svg`` for one page; ``slide-01.svg``, ``slide-02.svg``… for several."""
    if count == 1:
        return [target]
    digits = max(2, len(str(count)))
    return [target.with_name(f"{target.stem}-{index:0{digits}d}{target.suffix}") for index in range(1, count + 1)]


def _width_in_points(picture: bytes, fmt: str) -> float:
    """The drawing's width as Graphviz laid it out (0 when the format does not say)."""
    if fmt == "svg":
        found = _SVG_WIDTH.search(picture[:2000])
        return float(found.group(1)) if found else 0.0
    if fmt == "png" and picture[12:16] == b"IHDR":
        pixels: int = struct.unpack(">I", picture[16:20])[0]
        return pixels * 72 / PNG_DPI
    return 0.0


def render_file(
    map_path: str | Path,
    out_path: str | Path | None = None,
    options: RenderOptions | None = None,
    *,
    fmt: str | None = None,
    backend: str | None = None,
    force: bool = False,
    warn: Warn | None = _stderr,
) -> Path:
    """Render a map file and write the picture atomically; returns where it went.

    Without ``out_path`` the picture goes beside the map (``x.argmap.json`` →
    ``x.svg``), which is what the TUI's ``r`` key does.
    """
    fmt = format_for(out_path, fmt) if out_path is not None else (fmt or "svg")
    target = Path(out_path) if out_path is not None else default_output(map_path, fmt)
    argmap = store.load(map_path)
    if fmt == "html":
        from argmap.render.html import render_html  # it draws its SVG with render_map: imported here, not on top

        page = render_html(argmap, options, map_path=map_path, backend=backend, force=force, warn=warn)
        store.write_atomic(target, page)
        return target
    store.write_atomic(target, render_map(argmap, fmt, options, backend=backend, force=force, warn=warn))
    return target
