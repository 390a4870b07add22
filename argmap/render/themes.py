"""How a diagram looks: colours, line styles and arrowheads per theme.

Themes change appearance, never meaning.  Every distinction is carried by a
shape or a line style as well as by colour (docs/rendering.md): support ends in a filled
arrowhead, an attack in a bar (``tee``), an undercut is a dashed line ending in
a bar; an implicit premise has a dashed frame; the thesis a thick one.  So the
``print`` theme, which is black and white, still says everything.
"""

from __future__ import annotations

from dataclasses import dataclass

from argmap.errors import ArgmapError


@dataclass(frozen=True, slots=True)
class EdgeStyle:
    colour: str
    style: str  # Graphviz edge style: solid, dashed, bold…
    arrowhead: str
    penwidth: float
    arrowsize: float = 0.9


@dataclass(frozen=True, slots=True)
class Theme:
    name: str
    summary: str
    background: str
    font: str
    font_colour: str
    muted_colour: str  # kind labels, quotes, numbers
    border: str
    thesis_fill: str
    thesis_border: str
    claim_fill: str
    reason_fill: str  # a claim that only supports
    objection_fill: str  # a claim that only attacks
    defence_fill: str  # an attack on the thesis's opponents: a rebuttal or undercut of an objection
    implicit_fill: str
    basis_fill: str
    border_width: float
    support: EdgeStyle
    attack: EdgeStyle
    undercut: EdgeStyle
    backing: EdgeStyle  # a support aimed at an inference (rare)


_FONT = "Helvetica"

CLASSROOM = Theme(
    name="classroom",
    summary="bright and clear on a projector (the default)",
    background="white",
    font=_FONT,
    font_colour="#1f2933",
    muted_colour="#52606d",
    border="#52606d",
    thesis_fill="#dbe8fb",
    thesis_border="#1d4ed8",
    claim_fill="#ffffff",
    reason_fill="#e9f7ec",
    objection_fill="#fdeceb",
    defence_fill="#dcf2ee",
    implicit_fill="#ffffff",
    basis_fill="#fdf6e3",
    border_width=1.4,
    support=EdgeStyle("#1a9641", "solid", "normal", 2.2),
    attack=EdgeStyle("#d7301f", "solid", "tee", 2.2),
    undercut=EdgeStyle("#7b3294", "dashed", "tee", 2.2),
    backing=EdgeStyle("#1a9641", "dashed", "normal", 2.2),
)

PRINT = Theme(
    name="print",
    summary="black on white for handouts: line styles and arrowheads instead of colour",
    background="white",
    font=_FONT,
    font_colour="black",
    muted_colour="#444444",
    border="black",
    thesis_fill="white",
    thesis_border="black",
    claim_fill="white",
    reason_fill="white",
    objection_fill="white",
    defence_fill="white",
    implicit_fill="white",
    basis_fill="#eeeeee",
    border_width=1.0,
    support=EdgeStyle("black", "solid", "normal", 1.4),
    attack=EdgeStyle("black", "bold", "tee", 2.4, 1.3),
    undercut=EdgeStyle("black", "dashed", "tee", 1.6, 1.3),
    backing=EdgeStyle("black", "dashed", "normal", 1.4),
)

HIGH_CONTRAST = Theme(
    name="high-contrast",
    summary="black text, thick lines and saturated colours for poor projectors and low vision",
    background="white",
    font=_FONT,
    font_colour="black",
    muted_colour="black",
    border="black",
    thesis_fill="#ffe14d",
    thesis_border="black",
    claim_fill="white",
    reason_fill="white",
    objection_fill="white",
    defence_fill="white",
    implicit_fill="white",
    basis_fill="white",
    border_width=2.4,
    support=EdgeStyle("#005a00", "solid", "normal", 3.4),
    attack=EdgeStyle("#c00000", "bold", "tee", 3.4),
    undercut=EdgeStyle("#5a00a0", "dashed", "tee", 3.4),
    backing=EdgeStyle("#005a00", "dashed", "normal", 3.4),
)

DARK = Theme(
    name="dark",
    summary="light on dark for dimmed rooms and dark slides",
    background="#1b1f27",
    font=_FONT,
    font_colour="#e6e9ef",
    muted_colour="#a3acbd",
    border="#8b95a7",
    thesis_fill="#24395e",
    thesis_border="#8ab4f8",
    claim_fill="#262b35",
    reason_fill="#1f3527",
    objection_fill="#3d2426",
    defence_fill="#1c3533",
    implicit_fill="#262b35",
    basis_fill="#353023",
    border_width=1.4,
    support=EdgeStyle("#5fd37c", "solid", "normal", 2.2),
    attack=EdgeStyle("#ff7b6b", "solid", "tee", 2.2),
    undercut=EdgeStyle("#c99cf0", "dashed", "tee", 2.2),
    backing=EdgeStyle("#5fd37c", "dashed", "normal", 2.2),
)

THEMES: dict[str, Theme] = {theme.name: theme for theme in (CLASSROOM, PRINT, HIGH_CONTRAST, DARK)}


def get_theme(name: str) -> Theme:
    try:
        return THEMES[name]
    except KeyError:
        raise ArgmapError(f"unknown theme {name!r}; one of: {', '.join(THEMES)}") from None
