"""OVA's layout section of an xAIF file: where OVA3 draws each node, from a Graphviz layout of the AIF graph.

OVA3 opens an xAIF file only with this section filled: it places every node it
draws at the ``x``, ``y`` of its entry in ``OVA.nodes`` and draws only the edges
listed in ``OVA.edges`` (``res/js/ova-save.js``, ``loadOva3Json``).  The layout is
Graphviz's, through the same backend the renderer uses (the system ``dot``, or
Graphviz in WebAssembly when pip is all there is); its DOT holds no map text,
only the size each node's text needs, so nothing from the map reaches Graphviz.
"""

from __future__ import annotations

import math
import re
from typing import Any
from xml.etree import ElementTree

from argmap.render.backends import choose

LAYOUT_LIMIT = 1200
"""More AIF nodes than this are laid out in a grid: 2,400 nodes (700 claims with their evidence) took Graphviz 21 s."""
HIDDEN_ILLOCUTIONS = frozenset({"Analysing"})
"""OVA3 hides the YA nodes that link an analyst's locution to the one analysed: so does argmap."""
_CHARS_PER_LINE = 28
_SCALE = 1.5
"""Graphviz points to OVA's pixels: OVA's boxes are a little larger than Graphviz's at 14 pt."""
_SVG = "{http://www.w3.org/2000/svg}"


def ova_section(nodes: list[dict[str, Any]], edges: list[dict[str, Any]]) -> tuple[dict[str, Any], list[str]]:
    """``{"nodes": [...], "edges": [...]}`` as OVA3 writes them, and a warning when the layout had to be a grid."""
    warnings: list[str] = []
    if len(nodes) > LAYOUT_LIMIT:
        places = _grid(len(nodes))
        warnings.append(f"{len(nodes)} AIF nodes are too many for a Graphviz layout: OVA gets them in a grid")
    else:
        places = _graphviz(nodes, edges)
    visible = {node["nodeID"]: _visible(node) for node in nodes}
    layout = [
        {
            "nodeID": node["nodeID"],
            "visible": visible[node["nodeID"]],
            "x": places[n][0],
            "y": places[n][1],
            "timestamp": node.get("timestamp", ""),
        }
        for n, node in enumerate(nodes)
    ]
    lines = [
        {"fromID": edge["fromID"], "toID": edge["toID"], "visible": visible[edge["fromID"]] and visible[edge["toID"]]}
        for edge in edges
    ]
    return {"nodes": layout, "edges": lines}, warnings


def _visible(node: dict[str, Any]) -> bool:
    return not (node["type"] == "YA" and node["text"] in HIDDEN_ILLOCUTIONS)


def _size(node: dict[str, Any]) -> tuple[float, float]:
    """Width and height in inches of the box OVA draws: text boxes wrap, scheme nodes are one short line."""
    if node["type"] not in ("I", "L"):
        return 1.6, 0.4
    lines = max(1, math.ceil(len(node["text"]) / _CHARS_PER_LINE))
    return 2.6, 0.25 + 0.2 * min(lines, 12)


def _graphviz(nodes: list[dict[str, Any]], edges: list[dict[str, Any]]) -> list[tuple[int, int]]:
    index = {node["nodeID"]: n for n, node in enumerate(nodes)}
    dot = [
        "digraph aif {",
        "graph [rankdir=BT, nodesep=0.3, ranksep=0.5];",
        'node [shape=box, fixedsize=true, label=""];',
    ]
    dot += [f"n{n} [width={w:.2f}, height={h:.2f}];" for n, (w, h) in enumerate(map(_size, nodes))]
    dot += [f"n{index[e['fromID']]} -> n{index[e['toID']]};" for e in edges]
    dot.append("}")
    svg = choose("svg").render("\n".join(dot), "svg")
    corners: dict[int, tuple[float, float]] = {}
    for group in ElementTree.fromstring(svg).iter(f"{_SVG}g"):
        title, shape = group.find(f"{_SVG}title"), group.find(f"{_SVG}polygon")
        if group.get("class") != "node" or title is None or shape is None or not (title.text or "").startswith("n"):
            continue
        numbers = [float(v) for v in re.findall(r"-?[0-9.]+", shape.get("points", ""))]
        corners[int((title.text or "n")[1:])] = (min(numbers[0::2]), min(numbers[1::2]))
    left = min((x for x, _ in corners.values()), default=0.0)
    top = min((y for _, y in corners.values()), default=0.0)
    return [
        (round((corners[n][0] - left) * _SCALE), round((corners[n][1] - top) * _SCALE)) if n in corners else (0, 0)
        for n in range(len(nodes))
    ]


def _grid(count: int) -> list[tuple[int, int]]:
    columns = max(1, math.isqrt(count))
    return [((n % columns) * 300, (n // columns) * 150) for n in range(count)]
