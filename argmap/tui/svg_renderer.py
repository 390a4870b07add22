"""``r`` in the editor: the map as it is now drawn to SVG beside its file, in a thread, with a toast when done."""

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

    def __init__(self, render_svg: Callable[[ArgMap, Path], tuple[Path, list[str]]]) -> None:
        super().__init__()
        self.render_svg = render_svg

    @work(thread=True, exclusive=True, group="render", description="render the map to SVG")
    def draw_svg(self, snapshot: ArgMap, path: Path) -> None:
        try:
            target, warnings = self.render_svg(snapshot, path)
        except (ArgmapError, OSError) as error:
            self.app.call_from_thread(self.notify, f"not rendered: {error}", severity="error")
            return
        for warning in warnings:
            self.app.call_from_thread(self.notify, warning, severity="warning")
        self.app.call_from_thread(self.notify, f"rendered {target}", timeout=4)
