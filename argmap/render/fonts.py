"""The fonts a diagram asks for, with fallbacks that have Helvetica's widths.

Graphviz sizes every box for Helvetica.  A viewer without Helvetica (most
Linux desktops, rsvg-convert, many browsers on Windows) falls back to its
sans-serif, often DejaVu Sans, which is about 10 % wider: text then runs
out of its box.  Arial, Liberation Sans and Arimo have Helvetica's metrics
(Liberation Sans and Arimo are free, in most Linux distributions), so the SVG
names them in this order before the generic family.
"""

from __future__ import annotations

import re

FONT_STACK = "Helvetica,Arial,'Liberation Sans',Arimo,'Nimbus Sans',sans-serif"
_GRAPHVIZ_FAMILY = re.compile(rb'font-family="Helvetica,sans-Serif"')
PLAIN_MARGIN = "0.24,0.1"
"""Inches around a plain label (pip-only Graphviz estimates text widths, so boxes get more room)."""


def with_font_stack(svg: bytes) -> bytes:
    """The SVG with Graphviz's ``Helvetica,sans-Serif`` widened to the metric-compatible stack."""
    return _GRAPHVIZ_FAMILY.sub(f'font-family="{FONT_STACK}"'.encode(), svg)
