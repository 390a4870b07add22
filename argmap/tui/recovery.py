"""Crash recovery while editing: unsaved work written beside the map a moment after each change, in a thread."""

from __future__ import annotations

from pathlib import Path

from textual import work
from textual.timer import Timer
from textual.widget import Widget

from argmap.document import Document, write_recovery
from argmap.graph import Edit

RECOVERY_DELAY = 1.0
"""Seconds of quiet after a change before the recovery file is written."""


class RecoveryKeeper(Widget):
    """Not drawn: it owns the timer and the worker that keep ``MAP.recover`` up to date."""

    DEFAULT_CSS = "RecoveryKeeper { display: none; }"

    def __init__(self) -> None:
        super().__init__()
        self._timer: Timer | None = None

    def schedule(self, document: Document) -> None:
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(RECOVERY_DELAY, lambda: self.write(document))

    def write(self, document: Document) -> None:
        """The unsaved work as it is now, or no recovery file when everything is saved."""
        if document.dirty:
            self._write(document.unsaved_edit(), document.recovery_path)
        else:
            document.discard_recovery()

    @work(thread=True, exclusive=True, group="recovery", description="write the recovery file")
    def _write(self, edit: Edit, path: Path) -> None:
        write_recovery(edit, path)
