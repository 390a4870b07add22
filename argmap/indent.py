"""Indentation by depth, capped, so that an outline of a deep chain grows linearly with the map.

Indenting each level by a few spaces makes a chain of n claims print n²/2
indentation: a 50,000-deep chain would be gigabytes of spaces.  Below
:data:`MAX_LEVELS` the indentation stops growing and each line carries its
depth instead (``‹12›``), so the reader still sees where it stands.
"""

from __future__ import annotations

MAX_LEVELS = 12
"""Levels indented; real maps are rarely more than eight deep."""


def indentation(depth: int, unit: str) -> str:
    """``unit`` repeated ``depth`` times, at most :data:`MAX_LEVELS` times."""
    return unit * min(depth, MAX_LEVELS)


def depth_marker(depth: int) -> str:
    """``""`` while the indentation shows the depth; beyond the cap ``‹depth› `` (with a trailing space)."""
    return f"‹{depth}› " if depth > MAX_LEVELS else ""
