"""The key to a diagram: only the marks that appear on it, in the graph's label.

Graphviz places a graph's label after the layout, beside the drawing, so a
legend there never moves a node (it only adds room below the map): a slide
without the key and the handout with it show the same picture.  The key
lists what the page shows and nothing else.
"""

from __future__ import annotations

from dataclasses import dataclass

from argmap.render.themes import Theme

ENTRIES = (
    "thesis",
    "reason",
    "objection",
    "defence",
    "implicit",
    "basis",
    "support",
    "attack",
    "undercut",
    "linked",
    "attacked-step",
    "stub",
    "more",
    "labels",
    "added",
    "removed",
    "changed",
    "moved",
)
"""Every entry a key can have, in the order it lists them."""


@dataclass(frozen=True)
class Entry:
    key: str
    sample: str
    """HTML for the sample cell (already escaped)."""
    plain: str
    """The sample as plain text, for Graphviz without HTML labels."""


def entries(theme: Theme, present: set[str], mark_colours: dict[str, str], words: dict[str, str]) -> list[Entry]:
    """The samples of the entries in ``present``, in the key's order."""

    def box(fill: str, border: str, text: str = "&#160;&#160;&#160;&#160;&#160;") -> str:
        return f'<TD BORDER="1" COLOR="{border}" BGCOLOR="{fill}">{text}</TD>'

    def line(colour: str, glyph: str) -> str:
        return f'<TD><FONT COLOR="{colour}"><B>{glyph}</B></FONT></TD>'

    muted = f'<FONT COLOR="{theme.muted_colour}">'
    samples = {
        "thesis": (box(theme.thesis_fill, theme.thesis_border), "[■]"),
        "reason": (box(theme.reason_fill, theme.border, "+" if theme.name == "print" else "&#160;" * 5), "[+]"),
        "objection": (box(theme.objection_fill, theme.border, "−" if theme.name == "print" else "&#160;" * 5), "[−]"),
        "defence": (box(theme.defence_fill, theme.border, "−−" if theme.name == "print" else "&#160;" * 5), "[−−]"),
        "implicit": (box(theme.implicit_fill, theme.border, f"{muted}{words['implicit'].upper()}</FONT>"), "IMPLICIT"),
        "basis": (box(theme.basis_fill, theme.border, f"{muted}{words['statistic'].upper()}</FONT>"), "STATISTIC"),
        "support": (line(theme.support.colour, "——▶"), "——▶"),
        "attack": (line(theme.attack.colour, "——┫"), "——┫"),
        "undercut": (line(theme.undercut.colour, "- - -┫"), "- - -┫"),
        "linked": (line(theme.support.colour, "&gt;●—▶"), ">●—▶"),
        "attacked-step": (line(theme.undercut.colour, "—◆—"), "—◆—"),
        "stub": (box(theme.background, theme.muted_colour, f"{muted}…</FONT>"), "[…]"),
        "more": (line(theme.muted_colour, "…"), "…"),
        "labels": (line(theme.font_colour, words["IN"]), words["IN"]),
    }
    for mark, colour in mark_colours.items():
        samples[mark] = (box(theme.background, colour, f"{muted}{words[mark].upper()}</FONT>"), words[mark].upper())
    return [Entry(key, *samples[key]) for key in ENTRIES if key in present and key in samples]
