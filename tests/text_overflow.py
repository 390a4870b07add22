"""Does any text of a claim run past its box once a real SVG renderer draws it?

The SVG is split into two layers: the claims' texts alone, and the claims'
boxes alone, filled.  Both are rasterised the same way (``rsvg-convert`` to
PDF, ``pdftoppm`` to a greyscale bitmap: the fonts the viewer really has, not
Graphviz's estimate), and every dark pixel of the text layer must fall on a box.
"""

from __future__ import annotations

import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

SVG = "{http://www.w3.org/2000/svg}"
SHAPES = {f"{SVG}{tag}" for tag in ("polygon", "path", "ellipse", "polyline", "rect")}
TOOLS = ("rsvg-convert", "pdftoppm")


def _layer(svg: bytes, keep_text: bool) -> bytes:
    ET.register_namespace("", SVG[1:-1])
    ET.register_namespace("xlink", "http://www.w3.org/1999/xlink")
    root = ET.fromstring(svg)
    for parent in list(root.iter()):
        for child in list(parent):
            classes = (child.get("class") or "").split()
            if child.tag == f"{SVG}g" and classes and "graph" not in classes and "claim" not in classes:
                parent.remove(child)  # edges, junctions, the label's own groups
            elif child.tag == f"{SVG}title":
                parent.remove(child)
            elif child.tag == f"{SVG}text":
                if keep_text and "claim" in (parent.get("class") or "").split():
                    child.set("fill", "black")
                else:
                    parent.remove(child)
            elif child.tag in SHAPES:
                if keep_text or "claim" not in (parent.get("class") or "").split():
                    parent.remove(child)
                else:
                    child.set("fill", "black")
                    child.set("stroke", "black")
    return ET.tostring(root)


def _grey(svg: bytes, work: Path, name: str) -> tuple[int, int, bytes]:
    (work / f"{name}.svg").write_bytes(svg)
    pdf = work / f"{name}.pdf"
    subprocess.run(["rsvg-convert", "-f", "pdf", "-o", str(pdf), str(work / f"{name}.svg")], check=True)
    subprocess.run(["pdftoppm", "-r", "100", "-gray", str(pdf), str(work / name)], check=True)
    data = next(work.glob(f"{name}*.pgm")).read_bytes()
    fields = data.split(maxsplit=4)  # P5 width height maxval pixels
    return int(fields[1]), int(fields[2]), fields[4]


def overflowing_pixels(svg: bytes, work: Path) -> int:
    """How many dark pixels of claim text fall outside every claim box (0 when all text fits)."""
    width, height, text = _grey(_layer(svg, keep_text=True), work, "text")
    _, _, boxes = _grey(_layer(svg, keep_text=False), work, "boxes")
    outside = 0
    for at in range(width * height):
        if text[at] < 100 and boxes[at] > 160:
            outside += 1
    return outside
