"""The editor's keys that change one claim's own fields: text, tags, note, kind, translation, implicit.

:class:`ClaimFieldActions` is mixed into the editor screen like
:class:`~argmap.tui.screens.annotating.AnnotationActions`: each key asks for the new
value in the prompt bar or a dialog, then applies one :mod:`argmap.ops` edit through
the editor's ``apply`` (so it can be undone).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from argmap import ops
from argmap.model import ClaimKind
from argmap.tui.screens.choices import ChoiceScreen
from argmap.tui.screens.prompts import TranslationPrompt

if TYPE_CHECKING:
    from argmap.tui.screens.editor import EditorScreen


class ClaimFieldActions:
    """The claim-field keys' actions, for :class:`~argmap.tui.screens.editor.EditorScreen`."""

    def action_edit_text(self: EditorScreen) -> None:
        if (ref := self._need_claim()) is None:
            return

        def done(text: str | None) -> None:
            if text is not None:
                self.apply(lambda: ops.edit_text(self.document.graph, ref.claim, text))

        self.ask("Edit the claim", self._text(ref.claim), done)

    def action_edit_tags(self: EditorScreen) -> None:
        if (ref := self._need_claim()) is None:
            return
        tags = " ".join(self.document.map.claims[ref.claim].tags)

        def done(text: str | None) -> None:
            if text is not None:
                self.apply(lambda: ops.set_tags(self.document.graph, ref.claim, text.replace(",", " ").split()))

        self.ask("Tags (separated by spaces or commas)", tags, done)

    def action_edit_note(self: EditorScreen) -> None:
        if (ref := self._need_claim()) is None:
            return

        def done(text: str | None) -> None:
            if text is not None:
                self.apply(lambda: ops.set_note(self.document.graph, ref.claim, text))

        self.ask("Note", self.document.map.claims[ref.claim].note, done)

    def action_edit_kind(self: EditorScreen) -> None:
        if (ref := self._need_claim()) is None:
            return
        kinds = list(ClaimKind)
        current = self.document.map.claims[ref.claim].kind

        def done(kind: str | None) -> None:
            if kind is not None:
                self.apply(lambda: ops.set_kind(self.document.graph, ref.claim, kind))

        self.app.push_screen(
            ChoiceScreen(
                "Kind",
                self._text(ref.claim),
                [(kind.value, kind.value.replace("-", " ")) for kind in kinds],
                highlighted=kinds.index(current),
            ),
            done,
        )

    def action_edit_translation(self: EditorScreen) -> None:
        if (ref := self._need_claim()) is None:
            return
        claim = self.document.map.claims[ref.claim]
        language = self.argument_tree.language or next(iter(claim.translations), "")

        def done(result: tuple[str, str] | None) -> None:
            if result is not None:
                self.apply(lambda: ops.set_translation(self.document.graph, ref.claim, result[0], result[1]))

        self.app.push_screen(TranslationPrompt(claim.text, dict(claim.translations), language), done)

    def action_toggle_implicit(self: EditorScreen) -> None:
        if (ref := self._need_claim()) is not None:
            implicit = self.document.map.claims[ref.claim].implicit
            self.apply(lambda: ops.set_implicit(self.document.graph, ref.claim, not implicit))
