"""The live check: the map checked (and evaluated) in a thread a moment after each change, its result a message.

The screen hears :class:`LiveCheck.Done` and shows the findings; a check of a map
that changed meanwhile is dropped by the screen (a newer one is on its way).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from textual import work
from textual.message import Message
from textual.timer import Timer
from textual.widget import Widget
from textual.worker import get_current_worker

from argmap.check import Finding
from argmap.document import Document
from argmap.errors import ArgmapError
from argmap.model import ArgMap
from argmap.tui.screens.panels import FindingRow

EVALUATE_LIMIT = 20_000
"""Above this many claims the editor leaves evaluation to ``argmap eval``: at 100k it takes seconds."""


def check_delay(claims: int) -> float:
    """Seconds of quiet before re-checking: a big map waits longer so typing stays smooth."""
    return 0.3 if claims < 2_000 else 2.0


@dataclass(frozen=True, slots=True)
class Checked:
    """What a background check found, already sorted by claim so the main thread only takes it over."""

    findings: list[FindingRow]
    """Plain tuples of strings, which the cycle collector stops tracking: a 100k map has 40,000 findings."""
    about: dict[str, tuple[tuple[str, str], ...]]
    """(severity, message) of the findings about each claim (tuples: the cycle collector skips them)."""
    serious: set[str]
    """Claims with an error or warning: marked in the tree."""
    badges: dict[str, str]


def sort_findings(findings: list[Finding], badges: dict[str, str]) -> Checked:
    """Findings as the editor shows them: rows for the panel, the messages about each claim, the claims to mark."""
    about: dict[str, list[tuple[str, str]]] = {}
    for finding in findings:
        if finding.subject:
            about.setdefault(finding.subject, []).append((finding.severity, finding.message))
    serious = {f.subject for f in findings if f.subject and f.severity != "hint"}
    # The code's plain string, not the enum member: a tuple holding a member stays tracked by the collector.
    rows: list[tuple[str, str, str, str | None, str | None]] = [
        (f.severity, f.code.value, f.message, f.subject, f.conflict) for f in findings
    ]
    return Checked(rows, {subject: tuple(pairs) for subject, pairs in about.items()}, serious, badges)


class LiveCheck(Widget):
    """Not drawn: it owns the timer and the worker of the check."""

    DEFAULT_CSS = "LiveCheck { display: none; }"

    class Done(Message):
        """A check finished: of the map as it was at ``revision``."""

        def __init__(self, checked: Checked, revision: int) -> None:
            super().__init__()
            self.checked = checked
            self.revision = revision

    def __init__(
        self,
        check: Callable[[ArgMap, Path], list[Finding]],
        evaluate: Callable[[ArgMap], dict[str, str]],
    ) -> None:
        super().__init__()
        self.check = check
        self.evaluate = evaluate
        self._timer: Timer | None = None

    def schedule(self, document: Document) -> None:
        """Check ``document`` once it has been quiet for :func:`check_delay` seconds."""
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(check_delay(len(document.map.claims)), lambda: self.start(document))

    def start(self, document: Document) -> None:
        self._run(document.snapshot(), document.path, document.revision)

    @work(thread=True, exclusive=True, group="check", description="check the map")
    def _run(self, snapshot: ArgMap, path: Path, revision: int) -> None:
        """Check (and, on maps that are not huge, evaluate) in a thread; sort the findings by claim there too."""
        findings = self.check(snapshot, path)
        badges: dict[str, str] = {}
        if len(snapshot.claims) <= EVALUATE_LIMIT:
            try:
                badges = self.evaluate(snapshot)
            except ArgmapError:
                badges = {}
        checked = sort_findings(findings, badges)
        if not get_current_worker().is_cancelled:
            self.post_message(self.Done(checked, revision))
