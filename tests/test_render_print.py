"""The print theme reads without colour; --strength never outweighs the thesis; quotes are cut and marked."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest
from render_maps import classroom_map

from argmap.render import RenderOptions, build_dot, render_map
from argmap.render.dot import shorten
from argmap.render.themes import THEMES

needs_dot = pytest.mark.needs("dot")
SVG = "{http://www.w3.org/2000/svg}"


def _grey(colour: str) -> bool:
    named = {"white": "#ffffff", "black": "#000000", "none": "#000000", "transparent": "#000000"}
    value = named.get(colour, colour)
    return bool(re.fullmatch(r"#([0-9a-f]{2})\1\1", value.lower()))


@needs_dot
def test_print_tells_reasons_from_objections_without_colour() -> None:
    svg = render_map(classroom_map(), "svg", RenderOptions(theme="print", numbers=True))
    root = ET.fromstring(svg)
    looks: dict[str, tuple[str, str]] = {}
    for group in root.iter(f"{SVG}g"):
        cid = (group.get("id") or "").removeprefix("claim-")
        shapes = [*group.iter(f"{SVG}path"), *group.iter(f"{SVG}polygon")]
        if not shapes or not cid:
            continue
        for element in group.iter():
            for attribute in ("fill", "stroke"):
                assert _grey(element.get(attribute, "#000000")), (cid, attribute, element.get(attribute))
        looks[cid] = (shapes[0].get("fill", ""), " ".join(t.text or "" for t in group.iter(f"{SVG}text")))
    reason, objection = looks["no-complementarity"], looks["needs-shells"]
    assert reason[0] == objection[0], "the same fill: paper has no tint"
    assert "+ REASON" in reason[1] and "− OBJECTION" in objection[1], "the caption says which is which"
    assert "REBUTTAL" in looks["transaction"][1], "an objection to an objection says it defends"
    png = render_map(classroom_map(), "png", RenderOptions(theme="print"))
    assert png[25] in (0, 2, 4, 6), "a PNG"  # its colours are the SVG's: all grey, checked above


def test_print_bar_heads_are_larger() -> None:
    dot = build_dot(classroom_map(), RenderOptions(theme="print"))
    assert re.search(r'class="relation attack"[^]]*arrowsize="1.3"', dot)
    assert THEMES["print"].attack.arrowsize >= 1.3 * THEMES["classroom"].attack.arrowsize


def test_strength_never_draws_a_frame_thicker_than_the_thesis() -> None:
    argmap = classroom_map()
    strengths = dict.fromkeys(argmap.claims, 1.0)
    for theme in THEMES:
        dot = build_dot(argmap, RenderOptions(theme=theme, strengths=strengths, badges={"thesis": "IN 1.00"}))
        widths = {
            name: float(width) for name, width in re.findall(r'^  "([^"]+)" \[.*?penwidth="([0-9.]+)"', dot, re.M)
        }
        assert max(w for name, w in widths.items() if name in argmap.claims and name != "thesis") < widths["thesis"]


def test_quotes_are_cut_at_a_sentence_or_clause_end() -> None:
    text = "So ist der bilaterale Handel trotz verbesserter Beziehungen sogar zurückgegangen. Zum einen braucht"
    assert shorten(text + " Russland Waffen für den Feldzug in der Ukraine.", 100).endswith("zurückgegangen.")
    clause = "Erstens, weil der Handel trotz verbesserter Beziehungen sogar zurückgegangen ist, und zweitens weil"
    assert shorten(clause + " nichts mehr geht, wie alle sagen.", 100).endswith("ist …")
    plain = build_dot(classroom_map(), RenderOptions(quotes=True, html_labels=False))
    assert "QUOTE:\\n“" in plain, "in a plain label the quote is named on a line of its own"


def test_print_spreads_the_arrows_into_the_thesis_over_its_lower_edge() -> None:
    dot = build_dot(classroom_map(), RenderOptions(theme="print"))
    ports = re.findall(r'-> "thesis" \[[^]]*headport="(in\d+):s"', dot)
    assert len(ports) == 3 and len(set(ports)) == 3, "each arrow lands at its own place"
    assert 'PORT="in2"' in dot
    assert "headport" not in build_dot(classroom_map(), RenderOptions()), "colour tells them apart on a screen"


def test_tints_follow_the_side_of_the_thesis_even_on_a_focused_branch() -> None:
    focused = build_dot(classroom_map(), RenderOptions(focus="needs-shells"))
    transaction = re.search(r'^  "transaction" \[.*$', focused, re.M)
    assert transaction is not None and f'fillcolor="{THEMES["classroom"].defence_fill}"' in transaction.group(0), (
        "answering an objection defends the thesis, whatever the picture starts with"
    )
