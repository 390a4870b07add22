"""The hostile map drawn: the picture stays well-formed and gains no structure from the texts."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from argmap.render import RenderOptions, render_map
from tests.security.hostile import hostile_map, without_newlines

SVG = "{http://www.w3.org/2000/svg}"


def shapes(svg: bytes) -> tuple[int, int]:
    """How many nodes and edges Graphviz drew."""
    groups = ET.fromstring(svg).iter(f"{SVG}g")
    classes = [group.get("class") for group in groups]
    return classes.count("node"), classes.count("edge")


def test_a_hostile_map_draws_as_well_formed_svg_with_its_own_structure() -> None:
    argmap = hostile_map()
    svg = render_map(argmap, "svg", RenderOptions())
    text = svg.decode("utf-8")
    assert not [c for c in text if ord(c) < 0x20 and c not in "\n\t\r"], "XML forbids C0 controls"
    calm = without_newlines(argmap)
    calm = calm.model_copy(
        update={"claims": {cid: c.model_copy(update={"text": "calm"}) for cid, c in calm.claims.items()}}
    )
    assert shapes(svg) == shapes(render_map(calm, "svg", RenderOptions()))


def test_dot_written_to_a_terminal_carries_no_control_or_bidi_character() -> None:
    from argmap.render.dot import clean, quoted

    for hostile in ("a\x9b2Jb", "x\x1b]52;c;AAAA\x07y", "abc\u202edcba", "p\u2066q\u2069r"):
        for shown in (clean(hostile), quoted(hostile)):
            assert not any(0x80 <= ord(c) <= 0x9F or ord(c) < 0x20 or c in "\u202e\u2066\u2069" for c in shown)
