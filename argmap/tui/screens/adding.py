"""The editor's keys that add a claim below the cursor's line or link an existing one there.

:class:`AddingActions` is mixed into the editor screen like
:class:`~argmap.tui.screens.annotating.AnnotationActions`: a reason, an objection, an
undercut or a co-premise is typed in the prompt bar and added by one :mod:`argmap.ops`
edit through the editor's ``apply``, which then puts the cursor on the new line.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from argmap import ops
from argmap.graph import Edit
from argmap.model import RelationType
from argmap.tui.screens.choices import ChoiceScreen
from argmap.tui.widgets.argument_tree import NodeRef

if TYPE_CHECKING:
    from argmap.tui.screens.editor import EditorScreen


class AddingActions:
    """The adding keys' actions, for :class:`~argmap.tui.screens.editor.EditorScreen`."""

    def _add_below(
        self: EditorScreen, title: str, make: Callable[[str], Edit], path_for: Callable[[Edit], list[NodeRef]]
    ) -> None:
        def done(text: str | None) -> None:
            if text is not None:
                self.apply(lambda: make(text), path_for)

        self.ask(title, "", done, placeholder="the claim, in one sentence")

    def _child_path(self: EditorScreen, parent: list[NodeRef]) -> Callable[[Edit], list[NodeRef]]:
        def path(edit: Edit) -> list[NodeRef]:
            rid = edit.added("relations")
            return [*parent, NodeRef(edit.select or "", rid[0] if rid else None)]

        return path

    def action_add_reason(self: EditorScreen) -> None:
        if (ref := self._need_claim()) is not None:
            here = self.argument_tree.path_of(self.argument_tree.cursor_node)
            self._add_below(
                f"A reason for: {self._text(ref.claim)}",
                lambda text: ops.add_reason(self.document.graph, ref.claim, text),
                self._child_path(here),
            )

    def action_add_objection(self: EditorScreen) -> None:
        if (ref := self._need_claim()) is not None:
            here = self.argument_tree.path_of(self.argument_tree.cursor_node)
            self._add_below(
                f"An objection to: {self._text(ref.claim)}",
                lambda text: ops.add_objection(self.document.graph, ref.claim, text),
                self._child_path(here),
            )

    def action_add_undercut(self: EditorScreen) -> None:
        if (ref := self._need_relation("An undercut")) is not None and ref.relation is not None:
            relation = self.document.map.relations[ref.relation]
            here = self.argument_tree.path_of(self.argument_tree.cursor_node)
            self._add_below(
                f"Why does “{self._text(ref.claim)}” not bear on “{self._text(relation.target)}”?",
                lambda text: ops.add_undercut(self.document.graph, ref.relation or "", text),
                self._child_path(here),
            )

    def action_add_co_premise(self: EditorScreen) -> None:
        if (ref := self._need_relation("A co-premise")) is not None and ref.relation is not None:
            parent = self.argument_tree.path_of(self.argument_tree.cursor_node)[:-1]
            rid = ref.relation
            self._add_below(
                f"A premise that works together with: {self._text(ref.claim)}",
                lambda text: ops.add_co_premise(self.document.graph, rid, text),
                lambda edit: [*parent, NodeRef(edit.select or "", rid)],
            )

    def action_link(self: EditorScreen) -> None:
        ref = self._need_claim()
        if ref is None:
            return
        here = self.argument_tree.path_of(self.argument_tree.cursor_node)

        def picked(claim_id: str) -> None:
            def typed(choice: str | None) -> None:
                if choice is None:
                    return
                relation_type = RelationType(choice)
                self.apply(
                    lambda: ops.link_claim(self.document.graph, claim_id, ref.claim, relation_type),
                    self._child_path(here),
                )

            self.app.push_screen(
                ChoiceScreen(
                    "Link as",
                    f"“{self._text(claim_id)}” → “{self._text(ref.claim)}”",
                    [("support", "a reason (supports)"), ("attack", "an objection (attacks)")],
                ),
                typed,
            )

        self.pick_claim(f"Link which claim to: {self._text(ref.claim)}", ref.claim, picked)
