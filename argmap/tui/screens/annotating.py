"""The editor's annotation keys: a claim from a passage, suggested passages, argument markers, coverage.

:class:`AnnotationActions` is mixed into the editor screen: its bindings join the
editor's (help, key hints, palette and keymap list them), its actions call
:mod:`argmap.ops` through the editor's ``apply`` like every other key, and what
it works out (sentences, markers, the passage index, coverage) comes from the
pure modules :mod:`argmap.coverage` and :mod:`argmap.suggest`, once per shown text.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from typing import TYPE_CHECKING

from textual import work
from textual.worker import get_current_worker

from argmap import ops
from argmap.anchor import make_anchor
from argmap.coverage import Sentences, SourceCoverage, locate_left_out, map_coverage
from argmap.graph import Edit
from argmap.markers import base_language
from argmap.sentences import sentence_at
from argmap.suggest import PassageIndex, Suggestion, claim_texts
from argmap.tui.screens.choices import ChoiceScreen
from argmap.tui.widgets.argument_tree import ArgumentTree, NodeRef
from argmap.tui.widgets.source_pane import SourcePane
from argmap.visible import visible

if TYPE_CHECKING:
    from argmap.tui.screens.editor import EditorScreen

SUGGESTIONS = 5
"""How many passages ``f`` suggests for a claim."""
SENTENCES_IN_THREAD = 100_000
"""Texts longer than this (characters) are split and counted in a thread: a 1.9 MB source of a 100k-claim map
took 3.3 s to split and 0.3 s to count; the seed article's 9 KB, 6 ms and under 1 ms."""


@dataclass
class SourceAids:
    """What the annotation keys know of the shown source text, worked out once per text."""

    source_id: str
    text: str
    language: str
    sentences: Sentences
    index: PassageIndex | None = None
    coverage: SourceCoverage | None = None
    covered: str = ""
    """The status line's figure for :attr:`coverage`, worked out once per count (it walks every sentence)."""
    suggestions: list[Suggestion] = field(default_factory=list)
    suggested_for: str | None = None
    suggestion_at: int = -1

    def passage_index(self) -> PassageIndex:
        """The index of the text's sentences and clauses, built at the first suggestion."""
        if self.index is None:
            self.index = PassageIndex(self.text, self.language)
        return self.index


class AnnotationActions:
    """The annotation keys' actions, for :class:`~argmap.tui.screens.editor.EditorScreen`."""

    aids: SourceAids | None = None
    markers_shown: bool = False

    # Keeping up with the map --------------------------------------------------------------------

    def refresh_annotation(self: EditorScreen) -> None:
        """Recount coverage and repaint the layers: the shown text, its anchors or its left-out passages changed.

        A text over :data:`SENTENCES_IN_THREAD` characters is split and counted in a thread.
        """
        if self.source_id is None or self.source_text is None:
            self.aids = None
            self.refresh_status()
            return
        aids = self.aids
        if aids is not None and (aids.source_id != self.source_id or aids.text is not self.source_text):
            aids = self.aids = None
        language = self.document.map.sources[self.source_id].language
        if len(self.source_text) > SENTENCES_IN_THREAD:
            self._count_in_thread(self.source_id, self.source_text, language, aids)
            self.refresh_status()
            return
        if aids is None:
            sentences = Sentences.of(self.source_text, language)
            aids = self.aids = SourceAids(self.source_id, self.source_text, language, sentences)
        aids.coverage = map_coverage(self.document.map, aids.source_id, aids.text, aids.sentences)
        self._show_coverage(aids)

    @work(thread=True, exclusive=True, group="source-coverage", description="count the source's coverage")
    def _count_in_thread(self: EditorScreen, source_id: str, text: str, language: str, aids: SourceAids | None) -> None:
        """Split the text (unless ``aids`` has it already) and count its coverage, away from the keys.

        It reads the map's own claims: an edit meanwhile may change them under it, and
        the count it spoils is dropped (the edit's own refresh counts again).
        """
        if aids is None:
            aids = SourceAids(source_id, text, language, Sentences.of(text, language))
        try:
            coverage = map_coverage(self.document.map, source_id, text, aids.sentences)
        except (RuntimeError, KeyError):
            return
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._coverage_counted, aids, coverage)

    def _coverage_counted(self: EditorScreen, aids: SourceAids, coverage: SourceCoverage) -> None:
        """Take over what a thread counted, unless another text is shown by now."""
        if aids.source_id == self.source_id and aids.text is self.source_text:
            aids.coverage = coverage
            self.aids = aids
            self._show_coverage(aids)

    def _show_coverage(self: EditorScreen, aids: SourceAids) -> None:
        """The left-out passages and the markers painted, the figure in the status line."""
        source = self.document.map.sources[aids.source_id]
        coverage = aids.coverage
        aids.covered = f"{coverage.share * 100:.0f} % covered" if coverage is not None and coverage.sentences else ""
        spans = [locate_left_out(passage, aids.text) for passage in source.left_out]
        self.source_area.set_marks("left-out", [span for span in spans if span is not None])
        self._paint_markers()
        self.refresh_status()

    def coverage_label(self: EditorScreen) -> str:
        """The status line's figure: the share of the shown text's sentences anchored or left out."""
        aids = self.aids
        return aids.covered if aids is not None and aids.text is self.source_text else ""

    def _paint_markers(self: EditorScreen) -> None:
        aids = self.aids
        spans = []
        if self.markers_shown and aids is not None:
            spans = [span for hits in aids.sentences.markers for hit in hits for span in hit.spans]
        self.source_area.set_marks("marker", spans)

    def _clear_suggestions(self: EditorScreen) -> None:
        if self.aids is not None and self.aids.suggestions:
            self.aids.suggestions = []
            self.aids.suggested_for = None
            self.source_area.set_marks("suggestion", [])
        self.query_one(SourcePane).border_subtitle = ""

    def on_argument_tree_node_highlighted(self: EditorScreen, event: ArgumentTree.NodeHighlighted) -> None:
        """Suggestions belong to one claim: another claim selected takes them away.

        The same claim highlighted again (a move typed before ``f`` and handled after it)
        keeps the chosen suggestion in view, where the editor would scroll to the claim's evidence.
        """
        aids = self.aids
        ref = self.current
        if aids is None or not aids.suggestions:
            return
        if aids.suggested_for != (ref.claim if ref is not None else None):
            self._clear_suggestions()
        elif aids.suggestion_at >= 0:
            chosen = aids.suggestions[aids.suggestion_at]
            self.source_area.show_passage(chosen.start, chosen.end)

    # The passage the keys work on -----------------------------------------------------------------

    def _passage(self: EditorScreen) -> tuple[int, int] | None:
        """The passage selected in the source, else the sentence at its cursor; None (and why) if neither."""
        if self.source_id is None or self.source_text is None:
            self.notify("there is no source text to take a passage from", severity="warning")
            return None
        if self.aids is None:
            self.notify("the source is still being split into sentences: try again in a moment", severity="warning")
            return None
        span = self.source_area.selected_span()
        if span is not None:
            return span
        area = self.source_area
        sentence = sentence_at(self.aids.sentences.sentences, area.index(area.cursor_location))
        if sentence is None:
            self.notify(
                "select a passage in the source pane, or put its cursor in a sentence (tab to it)", severity="warning"
            )
            return None
        return sentence.start, sentence.end

    # Keys ---------------------------------------------------------------------------------------

    def action_claim_from_passage(self: EditorScreen, role: str) -> None:
        """A reason, objection or co-premise whose text starts as the passage, anchored to it."""
        ref = self._need_relation("A co-premise") if role == "co-premise" else self._need_claim()
        span = self._passage() if ref is not None else None
        if ref is None or span is None or self.source_id is None or self.source_text is None:
            return
        target = ref.relation if role == "co-premise" and ref.relation is not None else ref.claim
        anchor = make_anchor(self.source_id, self.source_text, *span)
        source_language = self.document.map.sources[self.source_id].language
        other_language = bool(source_language) and base_language(source_language) != base_language(
            self.document.map.language
        )
        here = self.argument_tree.path_of(self.argument_tree.cursor_node)
        if role == "co-premise":
            parent = here[:-1]
            rid = ref.relation

            def beside_premises(edit: Edit) -> list[NodeRef]:
                return [*parent, NodeRef(edit.select or "", rid)]

            path_for: Callable[[Edit], list[NodeRef]] = beside_premises
        else:
            path_for = self._child_path(here)

        def add(text: str, translation: str | None) -> None:
            edit = self.apply(
                lambda: ops.add_from_passage(self.document.graph, target, role, text, anchor, translation=translation),
                path_for,
            )
            if edit is not None:
                kept = f", the passage kept as its {translation} text" if translation else ""
                self.say(f"{role} anchored to “{visible(anchor.quote[:40])}…”{kept}")

        def written(text: str | None) -> None:
            if text is None:
                return
            if not other_language:
                add(text, None)
                return

            def chosen(answer: str | None) -> None:
                if answer is not None:
                    add(text, source_language if answer == "keep" else None)

            self.app.push_screen(
                ChoiceScreen(
                    f"Keep the passage as the claim's {source_language} text?",
                    visible(anchor.quote[:200]),
                    [("keep", f"yes: the quote is its {source_language} translation"), ("no", "no translation")],
                ),
                chosen,
            )

        words = {"reason": "A reason for", "objection": "An objection to", "co-premise": "A premise together with"}
        hint = f" (in {self.document.map.language}; paraphrase the passage)" if other_language else ""
        self.ask(
            f"{words[role]}: {self._text(ref.claim)}{hint}",
            " ".join(anchor.quote.split()),
            written,
            placeholder="the claim, in one sentence",
        )

    def action_suggest_passages(self: EditorScreen) -> None:
        """Select the best matching passage for the selected claim; pressed again, the next one."""
        ref = self._need_claim()
        aids = self.aids
        if ref is None:
            return
        if aids is None or self.source_id is None:
            self.notify("there is no source text, or it is still being split into sentences", severity="warning")
            return
        if aids.suggested_for != ref.claim or not aids.suggestions:
            if aids.index is None and len(aids.text) > SENTENCES_IN_THREAD:
                self.say("indexing the source for suggestions…")
                self._index_in_thread(aids)
                return
            claim = self.document.map.claims[ref.claim]
            texts = claim_texts(claim, self.document.map.language, aids.language)
            aids.suggestions = aids.passage_index().suggest(texts, SUGGESTIONS)
            aids.suggested_for = ref.claim
            aids.suggestion_at = -1
            self.source_area.set_marks("suggestion", [(s.start, s.end) for s in aids.suggestions])
            if not aids.suggestions:
                self.say("no passage shares a word with this claim")
                return
        aids.suggestion_at = (aids.suggestion_at + 1) % len(aids.suggestions)
        chosen = aids.suggestions[aids.suggestion_at]
        self.source_area.show_passage(chosen.start, chosen.end)
        self.source_area.focus()
        pane = self.query_one(SourcePane)
        pane.border_subtitle = (
            f"suggestion {aids.suggestion_at + 1} of {len(aids.suggestions)} · f: next · x: attach to {ref.claim}"
        )

    @work(thread=True, exclusive=True, group="passage-index", description="index the source for suggestions")
    def _index_in_thread(self: EditorScreen, aids: SourceAids) -> None:
        """Build a long text's passage index away from the keys (a 300,000-character text took 0.3 s), then suggest."""
        index = PassageIndex(aids.text, aids.language)
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._index_built, aids, index)

    def _index_built(self: EditorScreen, aids: SourceAids, index: PassageIndex) -> None:
        aids.index = index
        if aids is self.aids:
            self.say("")
            self.action_suggest_passages()

    def action_toggle_markers(self: EditorScreen) -> None:
        self.markers_shown = not self.markers_shown
        self._paint_markers()
        self.say("argument markers highlighted" if self.markers_shown else "argument markers not highlighted")

    def action_next_open_sentence(self: EditorScreen) -> None:
        """Select the next sentence after the source cursor that holds a marker and is neither anchored nor left out."""
        coverage = self.aids.coverage if self.aids is not None else None
        if coverage is None:
            self.notify("there is no source text, or it is still being split into sentences", severity="warning")
            return
        waiting = coverage.open_with_markers()
        if not waiting:
            self.say("every sentence with an argument marker is anchored or left out")
            return
        area = self.source_area
        cursor = area.index(area.selection.end)
        following = next((s for s in waiting if s.start >= cursor), waiting[0])
        area.show_passage(following.start, following.end)
        area.focus()
        number = waiting.index(following) + 1
        markers = ", ".join(hit.marker.text for hit in following.markers)
        self.say(f"open sentence {number} of {len(waiting)} with a marker ({visible(markers)})")

    def action_leave_out(self: EditorScreen) -> None:
        """Leave the passage out of the map with a reason; on a left-out passage, count it again."""
        span = self._passage()
        if span is None or self.source_id is None or self.source_text is None:
            return
        source_id, text = self.source_id, self.source_text
        source = self.document.map.sources[source_id]
        for number, passage in enumerate(source.left_out):
            where = locate_left_out(passage, text)
            if where is not None and where[0] < span[1] and span[0] < where[1]:
                self.apply(partial(ops.take_back_left_out, self.document.graph, source_id, number))
                self.say(f"“{visible(passage.quote[:40])}…” counts as text to map again")
                return
        anchor = make_anchor(source_id, text, *span)

        def reason(answer: str | None) -> None:
            if answer is not None:
                self.apply(lambda: ops.leave_out(self.document.graph, anchor, answer))

        self.ask("Leave the passage out of the map: why?", "background", reason, placeholder="e.g. background, aside")
