"""Diagrams of maps: DOT text, and SVG, PNG or PDF through Graphviz (docs/rendering.md).

The names below are imported from their modules when first asked for: a command
that needs only a light part (``argmap diff`` its theme names for ``--help``)
does not pay for importing the DOT writer and the Graphviz back ends.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from argmap.render.dot import build_dot
    from argmap.render.options import DIRECTIONS, FORMATS, RenderOptions
    from argmap.render.output import default_output, format_for, render_file, render_map
    from argmap.render.themes import THEMES

_HOMES = {
    "DIRECTIONS": "options",
    "FORMATS": "options",
    "THEMES": "themes",
    "RenderOptions": "options",
    "build_dot": "dot",
    "default_output": "output",
    "format_for": "output",
    "render_file": "output",
    "render_map": "output",
}
"""Each public name and the module of this package that defines it."""

__all__ = [
    "DIRECTIONS",
    "FORMATS",
    "THEMES",
    "RenderOptions",
    "build_dot",
    "default_output",
    "format_for",
    "render_file",
    "render_map",
]


def __getattr__(name: str) -> Any:
    if name not in _HOMES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{_HOMES[name]}"), name)
