"""The editor's finding keys: jump between a claim and its passage, search claims, pick the source and language.

:class:`FindingActions` is mixed into the editor screen like
:class:`~argmap.tui.screens.annotating.AnnotationActions`: the keys are bound in
:mod:`argmap.tui.bindings`, the search itself is :meth:`argmap.document.Document.find_claims`
(the claim picker's too), its matches in the tree's reading order (:mod:`argmap.order`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from argmap.navigate import in_reading_order
from argmap.order import reading_order
from argmap.tui.screens.choices import ChoiceScreen
from argmap.tui.widgets.source_pane import SourcePane

if TYPE_CHECKING:
    from argmap.tui.screens.editor import EditorScreen


class FindingActions:
    """The finding keys' actions, for :class:`~argmap.tui.screens.editor.EditorScreen`."""

    def action_jump(self: EditorScreen) -> None:
        """From a claim to its passage, or from the passage under the source cursor to its claim."""
        area = self.source_area
        if area.has_focus:
            passage = area.passage_at(area.index(area.cursor_location))
            if passage is None:
                self.notify("no anchored passage under the cursor", severity="warning")
                return
            self.argument_tree.reveal(passage.claim)
            self.argument_tree.focus()
            return
        ref = self._need_claim()
        if ref is None:
            return
        claim = self.document.map.claims[ref.claim]
        if not claim.evidence:
            self.notify("this claim has no evidence yet: select a passage and press x", severity="warning")
            return
        anchor = claim.evidence[0]
        if anchor.source != self.source_id:
            self.query_one(SourcePane).set_sources([(s, s) for s in sorted(self.document.map.sources)], anchor.source)
            self.show_source(anchor.source)
        if self.source_text is not None:
            area.show_passage(anchor.start, min(anchor.end, len(self.source_text)))
            area.focus()

    def action_search(self: EditorScreen) -> None:
        def done(query: str | None) -> None:
            if not query or not query.strip():
                return
            claims = self.document.map.claims
            found = self.document.find_claims(query, len(claims), language=self.argument_tree.language)
            top = [node.data.claim for node in self.argument_tree.root.children if node.data is not None]
            self.search_matches = in_reading_order(found, reading_order(self.document.graph, top))
            self.search_index = -1
            if not self.search_matches:
                self.notify(f"no claim contains “{query}”", severity="warning")
                return
            self.action_search_next()

        self.ask("Search claims", "", done, placeholder="words of a claim, or its id")

    def _step_search(self: EditorScreen, step: int) -> None:
        matches = [cid for cid in self.search_matches if cid in self.document.map.claims]
        if not matches:
            self.notify("no search yet: press / to search", severity="warning")
            return
        self.search_matches = matches
        self.search_index = (self.search_index + step) % len(matches)
        self.argument_tree.reveal(matches[self.search_index])
        self.argument_tree.focus()
        self.say(f"match {self.search_index + 1} of {len(matches)}")

    def action_search_next(self: EditorScreen) -> None:
        self._step_search(1)

    def action_search_previous(self: EditorScreen) -> None:
        self._step_search(-1)

    def action_choose_source(self: EditorScreen) -> None:
        sources = sorted(self.document.map.sources)
        if not sources:
            self.notify("this map has no source; add one with argmap edit MAP --source FILE", severity="warning")
            return

        def done(choice: str | None) -> None:
            if choice is not None:
                self.query_one(SourcePane).set_sources([(s, s) for s in sources], choice)
                self.show_source(choice)

        self.app.push_screen(
            ChoiceScreen(
                "Show which source?",
                "",
                [(s, self.document.map.sources[s].title or s) for s in sources],
                highlighted=sources.index(self.source_id) if self.source_id in sources else 0,
            ),
            done,
        )

    def action_switch_language(self: EditorScreen) -> None:
        languages = sorted({lang for claim in self.document.map.claims.values() for lang in claim.translations})
        if not languages:
            self.notify("no claim has a translation yet (T adds one)", severity="warning")
            return
        cycle: list[str | None] = [None, *languages]
        current = cycle.index(self.argument_tree.language) if self.argument_tree.language in cycle else 0
        self.argument_tree.language = cycle[(current + 1) % len(cycle)]
        for node in self.argument_tree.loaded_nodes():
            if node.data is not None:
                node.set_label(self.argument_tree.label_for(node.data))
        self.refresh_status()
        self.say(f"showing {self.argument_tree.language or self.document.map.language or 'the original'} texts")
