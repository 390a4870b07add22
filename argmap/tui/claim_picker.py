"""Picking a claim (to move under, to link): candidates in the details pane, narrowed by what is typed.

Nothing is drawn over the editor: a dialog screen would cost two full repaints.
The candidates come from the map's claim finder (:meth:`Document.find_claims`),
the same one the ``/`` search uses.  When the picker closes it posts
:class:`ClaimPicker.Closed`, for the screen to give the details pane back.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual import work
from textual.message import Message
from textual.widget import Widget
from textual.worker import Worker, get_current_worker

from argmap.document import Document
from argmap.find import ClaimIndex
from argmap.model import Claim
from argmap.tui.widgets.details import DetailsPane

INDEX_AHEAD_FROM = 20_000
"""Claims from which asking for one builds the finder's index in a thread: below, the first letter typed does it in
about 10 ms at 10,000 claims."""


class ClaimPicker(Widget):
    """Not drawn: it runs one pick at a time, and the thread that indexes the claims of a large map."""

    DEFAULT_CSS = "ClaimPicker { display: none; }"

    class Closed(Message):
        """The pick ended: ``unmatched`` when enter was pressed with no claim listed."""

        def __init__(self, unmatched: bool) -> None:
            super().__init__()
            self.unmatched = unmatched

    def __init__(self) -> None:
        super().__init__()
        self._indexer: Worker[None] | None = None

    def candidates(
        self, document: Document, exclude: str | None, language: str | None
    ) -> Callable[[str, int], list[tuple[str, str]]]:
        def candidates(query: str, limit: int) -> list[tuple[str, str]]:
            """Claims as the tree shows them: in the display language where they have a translation."""
            claims = document.map.claims
            indexing = self._indexer is not None and self._indexer.is_running
            found = document.find_claims(query, limit, exclude, language, build_index=not indexing)
            return [(cid, claims[cid].shown_text(language)) for cid in found]

        return candidates

    def pick(
        self,
        document: Document,
        language: str | None,
        title: str,
        exclude: str | None,
        done: Callable[[str], None],
        ask: Callable[..., Any],
    ) -> None:
        """Ask (with ``ask``, the screen's prompt line) for a claim other than ``exclude``; ``done`` gets its id.

        ``up``/``down`` walk the list, ``enter`` (or a click) picks, ``escape`` gives up.
        """
        pane = self.screen.query_one(DetailsPane)
        candidates = self.candidates(document, exclude, language)

        def typed(query: str) -> None:
            pane.offer(candidates(query, pane.rows))

        def finished(value: str | None) -> None:
            chosen = pane.chosen if value is not None else None
            pane.withdraw()
            pane.border_title = "details"
            self.post_message(self.Closed(value is not None and chosen is None))
            if chosen is not None:
                done(chosen)

        typed("")
        if document.needs_claim_index(language) and len(document.map.claims) > INDEX_AHEAD_FROM:
            self._indexer = self._index_claims(document, document.map.claims, language, document.revision)
        pane.border_title = "pick a claim: ↑↓ · enter · esc"
        ask(title, "", finished, placeholder="type to filter by text or id", typed=typed, step=pane.step)

    @work(thread=True, exclusive=True, group="claim-index", description="index the claims' texts")
    def _index_claims(self, document: Document, claims: dict[str, Claim], language: str | None, revision: int) -> None:
        """Build the finder's index while the first letters are typed (0.13 s at 100k claims).

        It reads the map's own claims, not a copy (5 MB at 100k): no edit can be made while
        the prompt line asks, and an index of claims that changed meanwhile is dropped.
        """
        try:
            index = ClaimIndex(claims, language)
        except (RuntimeError, KeyError):  # a claim came or went while it was read
            return
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(document.adopt_claim_index, index, revision)
