"""The key: it moves no node, and lists only what the picture shows, in the picture's language."""

from __future__ import annotations

import subprocess

import pytest
from render_maps import classroom_map

from argmap.render import RenderOptions, build_dot

needs_dot = pytest.mark.needs("dot")


def node_positions(dot: str) -> dict[str, tuple[float, float]]:
    """Each node's centre from `dot -Tplain`, relative to the thesis (the label adds room around the map)."""
    plain = subprocess.run(["dot", "-Tplain"], input=dot, capture_output=True, text=True, check=True).stdout
    found: dict[str, tuple[float, float]] = {}
    for line in plain.splitlines():
        if line.startswith("node "):
            _, name, x, y, *_ = line.split(" ", 5)
            found[name.strip('"')] = (float(x), float(y))
    ox, oy = found["thesis"]
    return {name: (round(x - ox, 3), round(y - oy, 3)) for name, (x, y) in found.items()}


@needs_dot
@pytest.mark.parametrize(
    "options",
    [
        RenderOptions(),
        RenderOptions(theme="print", numbers=True, quotes=True, title="Russia & North Korea"),
        RenderOptions(lang="de", direction="LR", depth=1),
        RenderOptions(html_labels=False),
    ],
)
def test_the_legend_moves_no_node(options: RenderOptions) -> None:
    argmap = classroom_map()
    without = node_positions(build_dot(argmap, options))
    with_key = node_positions(build_dot(argmap, RenderOptions(**{**options.__dict__, "legend": True})))
    assert with_key == without
    assert len(without) > 3


def test_the_legend_lists_only_what_the_picture_shows() -> None:
    argmap = classroom_map()
    whole = build_dot(argmap, RenderOptions(legend=True))
    for words in ("supports", "objects to", "undercuts", "linked premises", "implicit premise", "basis"):
        assert words in whole, words
    branch = build_dot(argmap, RenderOptions(legend=True, focus="no-complementarity"))
    assert "supports" in branch and "basis" in branch
    for words in ("objects to", "undercuts", "linked premises", "implicit premise", "the thesis", "REBUTTAL"):
        assert words not in branch, f"{words!r} is explained but not drawn"


def test_the_legend_speaks_the_pictures_language_and_explains_labels() -> None:
    dot = build_dot(classroom_map(), RenderOptions(legend=True, lang="de", badges={"thesis": "IN 0.80"}))
    assert "Legende" in dot and "spricht dagegen" in dot and "GILT 0.80" in dot and "FÄLLT" in dot
    assert "supports" not in dot and "objects to" not in dot
