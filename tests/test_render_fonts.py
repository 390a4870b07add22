"""pip-only SVG: a real SVG renderer draws every claim's text inside its box."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import SEED_MAP
from render_maps import classroom_map
from text_overflow import TOOLS, overflowing_pixels

from argmap import store
from argmap.render import RenderOptions, render_map
from argmap.render.fonts import FONT_STACK

needs_tools = pytest.mark.needs(*TOOLS)  # to rasterise the SVG
needs_dot = pytest.mark.needs("dot")


@needs_tools
@pytest.mark.parametrize("lang", [None, "de"])
def test_pip_only_svg_keeps_text_inside_boxes(tmp_path: Path, lang: str | None) -> None:
    argmap = store.load(SEED_MAP) if SEED_MAP.exists() else classroom_map()
    svg = render_map(argmap, "svg", RenderOptions(lang=lang, legend=True, numbers=True), backend="wasm")
    assert FONT_STACK.encode() in svg
    assert overflowing_pixels(svg, tmp_path) == 0


@needs_tools
def test_the_check_sees_text_that_runs_out_of_its_box(tmp_path: Path) -> None:
    """The method itself: a box Graphviz sized for 13-pt text, drawn with 17-pt text, overflows."""
    svg = render_map(classroom_map(), "svg", RenderOptions(), backend="wasm")
    grown = svg.replace(b'font-size="13.00"', b'font-size="17.00"')
    assert grown != svg and overflowing_pixels(grown, tmp_path) > 0


@needs_tools
@needs_dot
def test_system_svg_keeps_text_inside_boxes_too(tmp_path: Path) -> None:
    svg = render_map(classroom_map(), "svg", RenderOptions(lang="de", quotes=True, numbers=True), backend="system")
    assert overflowing_pixels(svg, tmp_path) == 0
