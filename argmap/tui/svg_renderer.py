"""``r`` and ``R`` in the editor: the map as it is now drawn beside its file (SVG, or the HTML page), in a thread."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual import work
from textual.widget import Widget

from argmap.errors import ArgmapError
from argmap.model import ArgMap


class SvgRenderer(Widget):
    """Not drawn: it owns the rendering worker (one at a time; a new ``r`` replaces a running one)."""

    DEFAULT_CSS = "SvgRenderer { display: none; }"

    def __init__(self, render_picture: Callable[[ArgMap, Path, str], tuple[Path, list[str]]]) -> None:
        super().__init__()
        self.render_picture = render_picture

    @work(thread=True, exclusive=True, group="render", description="render the map")
    def draw(self, snapshot: ArgMap, path: Path, fmt: str) -> None:
        """Write the picture in ``fmt`` (svg or html) beside ``path`` and say where, or why not."""
        try:
            target, warnings = self.render_picture(snapshot, path, fmt)
        except (ArgmapError, OSError) as error:
            self.app.call_from_thread(self.notify, f"not rendered: {error}", severity="error")
            return
        for warning in warnings:
            self.app.call_from_thread(self.notify, warning, severity="warning")
        self.app.call_from_thread(self.notify, f"rendered {target}", timeout=4)
