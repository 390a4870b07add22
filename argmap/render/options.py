"""What a caller can ask of a diagram, independent of the command line."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Literal

Direction = Literal["TB", "BT", "LR", "RL"]
DIRECTIONS: tuple[Direction, ...] = ("TB", "BT", "LR", "RL")
FORMATS = ("svg", "png", "pdf", "dot", "html")
Stagger = Literal["leaves", "all", "none"]
Mark = Literal["added", "removed", "changed", "moved"]


@dataclass(frozen=True)
class RenderOptions:
    """Everything that changes the picture; the DOT is a pure function of the map and these."""

    theme: str = "classroom"
    direction: Direction = "BT"
    """Where arrows point: BT puts the thesis on top and its reasons below."""
    focus: str | None = None
    """Draw only this claim (or relation) and what hangs below it."""
    depth: int | None = None
    """Draw at most this many levels of reasons below the thesis (or the focus)."""
    lang: str | None = None
    """Use the claims' translations into this language, falling back to their own text."""
    legend: bool = False
    legend_columns: int = 2
    """Entries side by side in the key (a portrait page takes one: its width is the scarce side)."""
    numbers: bool = False
    quotes: bool = False
    title: str | None = None
    fit: str | None = None
    """The medium a page is fitted to (``slide``, ``a4``…); None draws the raw picture."""
    wrap: int = 30
    """Characters per line of a claim's text (the thesis gets a little more)."""
    stagger: Stagger = "leaves"
    """Which long rows of answers are spread over two or three rows: plain leaf reasons, every answer, or none."""
    ranksep: float = 0.5
    """Inches between the rows of the diagram."""
    html_labels: bool = True
    """Rich labels (small kind labels, italic quotes); only the system Graphviz reads them."""
    badges: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    """A short extra line per claim id, e.g. an evaluation result ('IN', 'strength 0.73').

    Rendering shows what it is given and computes nothing: ``--strength`` fills it
    from the evaluation module.
    """
    strengths: Mapping[str, float] = field(default_factory=lambda: MappingProxyType({}))
    """Claim strengths 0–1; a claim's frame is drawn thicker the stronger it is (readable in print)."""
    marks: Mapping[str, Mark] = field(default_factory=lambda: MappingProxyType({}))
    """Changes to show, by claim or relation id (``argmap diff --format svg``)."""
    rewordings: Mapping[str, tuple[tuple[str, str], ...]] = field(default_factory=lambda: MappingProxyType({}))
    """Claim id → its word diff (``=``, ``-``, ``+`` runs): removed words struck, added ones underlined."""
