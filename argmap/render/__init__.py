"""Diagrams of maps: DOT text, and SVG, PNG or PDF through Graphviz (docs/rendering.md)."""

from argmap.render.dot import build_dot
from argmap.render.options import DIRECTIONS, FORMATS, RenderOptions
from argmap.render.output import default_output, format_for, render_file, render_map
from argmap.render.themes import THEMES

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
