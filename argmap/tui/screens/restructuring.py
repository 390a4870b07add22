"""The editor's keys that change the argument's structure: delete, remove from one place, unlink,
move, reorder, and attach or detach a passage as evidence.

:class:`RestructuringActions` is mixed into the editor screen like
:class:`~argmap.tui.screens.adding.AddingActions`. Each key says what will happen before it
happens when there is more than one sensible outcome (a claim placed in two spots, a linked
group), then makes one :mod:`argmap.ops` edit through the editor's ``apply``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from argmap import ops
from argmap.anchor import make_anchor
from argmap.errors import ArgmapError
from argmap.tui.screens.choices import ChoiceScreen, ConfirmDeleteScreen
from argmap.tui.widgets.argument_tree import shorten

if TYPE_CHECKING:
    from argmap.tui.screens.editor import EditorScreen


class RestructuringActions:
    """The structural keys' actions, for :class:`~argmap.tui.screens.editor.EditorScreen`."""

    def action_delete(self: EditorScreen) -> None:
        if (ref := self._need_claim()) is None:
            return
        try:
            edit = ops.delete_claim(self.document.graph, ref.claim)
        except ArgmapError as error:
            self.notify(str(error), severity="error")
            return
        going = [ref.claim, *(cid for cid in edit.removed("claims") if cid != ref.claim)]
        elsewhere = [
            self._text(relation.target) if relation.target in self.document.map.claims else "an inference"
            for rid, relation in self.document.graph.parents(ref.claim)
            if rid != ref.relation
        ]

        def done(choice: str | None) -> None:
            if choice == "delete":
                self.apply(lambda: edit)
            elif choice == "remove-here":
                self.action_remove_placement()

        self.app.push_screen(
            ConfirmDeleteScreen(self._text(ref.claim), [self._text(cid) for cid in going], elsewhere), done
        )

    def action_remove_placement(self: EditorScreen) -> None:
        ref = self._need_relation("Removing from here")
        if ref is None or ref.relation is None:
            return
        relation_id = ref.relation
        if self.apply(lambda: ops.remove_placement(self.document.graph, ref.claim, relation_id)):
            self.say(f"removed “{shorten(self._text(ref.claim), 50)}” from here (ctrl+z undoes)")

    def action_unlink(self: EditorScreen) -> None:
        if (ref := self._need_relation("Unlinking")) is None or ref.relation is None:
            return
        relation_id = ref.relation
        relation = self.document.map.relations[relation_id]
        if len(relation.premises) == 1:
            if self.apply(lambda: ops.delete_relation(self.document.graph, relation_id)):
                self.say(f"unlinked “{shorten(self._text(ref.claim), 50)}”; the claim stays (ctrl+z undoes)")
            return
        others = [self._text(p) for p in relation.premises if p != ref.claim]
        choices = [
            ("group", f"Unlink the whole group ({len(relation.premises)} premises; the claims stay)"),
            ("keep", "Keep it as it is"),
        ]
        if len(self.document.graph.parents(ref.claim)) > 1:
            choices.insert(0, ("premise", "Take just this premise out of the group; it stays where else it is"))

        def done(choice: str | None) -> None:
            if choice == "group":
                self.apply(lambda: ops.delete_relation(self.document.graph, relation_id))
            elif choice == "premise":
                self.action_remove_placement()

        body = f"“{self._text(ref.claim)}” works only together with:\n" + "\n".join(f"  • {t}" for t in others)
        self.app.push_screen(
            ChoiceScreen("Unlink a linked premise?", body, choices, highlighted=len(choices) - 1), done
        )

    def action_move(self: EditorScreen) -> None:
        if (ref := self._need_claim()) is None:
            return
        relation = self.document.map.relations.get(ref.relation) if ref.relation else None

        def pick(alone: bool) -> None:
            def picked(target: str) -> None:
                graph = self.document.graph
                self.apply(lambda: ops.move_claim(graph, ref.claim, target, via=ref.relation, alone=alone))

            title = f"Move “{self._text(ref.claim)}” under"
            if alone:
                title = f"Move just “{shorten(self._text(ref.claim), 60)}” out of its group, under"
            self.pick_claim(title, ref.claim, picked)

        if relation is None or len(relation.premises) == 1:
            pick(False)
            return
        others = [self._text(p) for p in relation.premises if p != ref.claim]

        def chosen(choice: str | None) -> None:
            if choice in ("alone", "group"):
                pick(choice == "alone")

        self.app.push_screen(
            ChoiceScreen(
                "Move a linked premise",
                f"“{self._text(ref.claim)}” works only together with:\n" + "\n".join(f"  • {t}" for t in others),
                [
                    ("group", f"Move the whole group ({len(relation.premises)} premises)"),
                    ("alone", "Move just this premise out of the group"),
                ],
            ),
            chosen,
        )

    def action_reorder(self: EditorScreen, offset: int) -> None:
        if (ref := self._need_relation("Reordering")) is None or ref.relation is None:
            return
        relation_id = ref.relation
        edit = self.apply(lambda: ops.reorder(self.document.graph, relation_id, offset))
        if edit is None:
            group = len(self.document.map.relations[relation_id].premises) > 1
            where = "first" if offset < 0 else "last"
            what = "its linked group moves as one and is" if group else "it is"
            self.say(f"not moved: {what} already {where} among the reasons and objections here")

    def action_attach(self: EditorScreen) -> None:
        if (ref := self._need_claim()) is None:
            return
        span = self.source_area.selected_span() if self.source_text is not None else None
        if span is None or self.source_id is None or self.source_text is None:
            self.notify(
                "select a passage in the source pane first (tab to it, then shift+arrows or the mouse)",
                severity="warning",
            )
            return
        anchor = make_anchor(self.source_id, self.source_text, *span)
        if self.apply(lambda: ops.attach_evidence(self.document.graph, ref.claim, anchor)):
            self.source_area.clear_selection()
            self.say(f"attached to {ref.claim}: “{shorten(anchor.quote, 60)}”")

    def action_detach(self: EditorScreen) -> None:
        if (ref := self._need_claim()) is None:
            return
        evidence = self.document.map.claims[ref.claim].evidence
        if not evidence:
            self.notify("this claim has no evidence to detach", severity="warning")
            return

        def detach(choice: str | None) -> None:
            if choice is not None:
                quote = evidence[int(choice)].quote
                if self.apply(lambda: ops.detach_evidence(self.document.graph, ref.claim, int(choice))):
                    self.say(f"detached “{shorten(quote, 60)}” (ctrl+z undoes)")

        if len(evidence) == 1:
            detach("0")
            return
        self.app.push_screen(
            ChoiceScreen(
                "Detach which passage?",
                self._text(ref.claim),
                [(str(i), f"❝ {shorten(a.quote, 90)} ❞  {a.source}") for i, a in enumerate(evidence)],
            ),
            detach,
        )
