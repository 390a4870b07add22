"""Keeping a line-drawing widget's scrollbar in step with its number of lines, on Textual's public API."""

from __future__ import annotations

from textual.scroll_view import ScrollView


def follow_height(view: ScrollView, lines: int) -> None:
    """Size the vertical scrollbar for ``lines`` lines and keep the scroll position within them.

    For widgets whose ``virtual_size`` is declared without ``layout``: the screen is laid
    out again only when the scrollbar comes or goes (it takes a column), not each time a
    line is added (a screen layout cost 10–25 ms a key on a large map).
    """
    viewport = view.scrollable_content_region.height
    view.show_vertical_scrollbar = lines > viewport
    scrollbar = view.vertical_scrollbar
    scrollbar.window_virtual_size = lines
    scrollbar.window_size = viewport
    view.scroll_y = view.validate_scroll_y(view.scroll_y)
