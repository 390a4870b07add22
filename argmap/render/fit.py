"""The media a picture is fitted to (a 1920×1080 slide, an A4 or Letter page) and the arithmetic of fitting.

A page is readable when its smallest text, scaled to the medium, is at least
:data:`MIN_TEXT` points: 9 pt on paper, and on a slide 18 px of its 1920 (the
slide is laid out as 960×540 pt and drawn at 2 px per point).  Fitting never
changes the layout, only its scale and the margins around it, so what was
measured is what is drawn.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from argmap.errors import ArgmapError
from argmap.render.options import RenderOptions


@dataclass(frozen=True)
class Medium:
    name: str
    width: float
    """Points."""
    height: float
    margin: float
    """The least white border, in points of the medium."""
    max_scale: float
    """A page with little on it is enlarged at most this much (a slide more than paper)."""
    wrap: int
    """Characters per line of a claim's text on this medium."""
    ranksep: float
    """Inches between the rows of the diagram."""

    @property
    def landscape(self) -> bool:
        return self.width > self.height


SMALL_TEXT_FITTED = 11.0
"""Points of a fitted drawing's smallest text (whole: Graphviz rounds HTML font sizes down); a fitted page
is scaled by at least 9/11."""
MIN_TEXT = 9.0
"""Points on the medium: 9 pt on paper; 18 px on a 1920-px slide drawn at 2 px per point."""
SLIDE_PIXELS_PER_POINT = 2.0
"""A slide of 960×540 pt becomes a 1920×1080 PNG (Graphviz at 144 dpi)."""

MEDIA: dict[str, Medium] = {
    medium.name: medium
    for medium in (
        Medium("slide", 960, 540, 20, 1.6, 26, 0.45),
        Medium("a4", 595.28, 841.89, 28, 1.0, 24, 0.4),
        Medium("a4-landscape", 841.89, 595.28, 28, 1.0, 28, 0.4),
        Medium("letter", 612, 792, 28, 1.0, 24, 0.4),
    )
}
FITS = (*MEDIA, "none")
_VIEWBOX = re.compile(rb'viewBox="([-0-9.]+) ([-0-9.]+) ([0-9.]+) ([0-9.]+)"')


def default_fit(requested: str | None, fmt: str) -> str | None:
    """The medium a picture is fitted to: the one asked for, else A4 for a PDF (a handout); None for no fit."""
    fit = requested or ("a4" if fmt == "pdf" else "none")
    return None if fit == "none" else fit


def wrap_for(fit: str | None) -> int:
    """Characters per line of a claim's text: the medium's, or the drawing's own default without a fit."""
    return MEDIA[fit].wrap if fit else RenderOptions.wrap


def medium(name: str) -> Medium:
    try:
        return MEDIA[name]
    except KeyError:
        raise ArgmapError(f"--fit {name!r}: use one of {', '.join(FITS)}") from None


def svg_size(svg: bytes) -> tuple[float, float]:
    """The width and height (points) of a picture Graphviz drew as SVG."""
    found = _VIEWBOX.search(svg[:3000])
    if found is None:
        raise ArgmapError("Graphviz drew an SVG without a viewBox")
    return float(found.group(3)), float(found.group(4))


def scale(page: Medium, width: float, height: float) -> float:
    """How much a drawing of ``width``×``height`` points is scaled to fill the medium inside its margins."""
    inner_width, inner_height = page.width - 2 * page.margin, page.height - 2 * page.margin
    return min(inner_width / max(width, 1.0), inner_height / max(height, 1.0), page.max_scale)


CLAIM_AREA = 20_000
"""Square points a claim takes at least, with its share of the space around it (a box of 3 short lines)."""


def capacity(page: Medium) -> int:
    """More claims than this never fit the medium readably: such a page is not even laid out to find out."""
    smallest = MIN_TEXT / SMALL_TEXT_FITTED
    area = (page.width - 2 * page.margin) * (page.height - 2 * page.margin) / smallest**2
    return int(area / CLAIM_AREA)


def readable(page: Medium, width: float, height: float) -> bool:
    """Whether the smallest text of a fitted drawing of this size is at least :data:`MIN_TEXT` on the medium."""
    return scale(page, width, height) * SMALL_TEXT_FITTED >= MIN_TEXT - 1e-9


def page_attributes(page: Medium, width: float, height: float) -> str:
    """Graph attributes that scale a drawing to the medium and centre it: exactly one page, same layout.

    Graphviz scales the drawing and its pad together to ``size``; the pad is
    chosen so that both fill the medium exactly at the wanted scale.
    """
    factor = scale(page, width, height)
    pad_x = (page.width / factor - width) / 2 / 72
    pad_y = (page.height / factor - height) / 2 / 72
    return f'  graph [pad="{pad_x:.4f},{pad_y:.4f}", size="{page.width / 72:.4f},{page.height / 72:.4f}!", margin="0"];'
