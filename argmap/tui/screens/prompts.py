"""Modal screens that ask for text: a claim's text, tags, a note, a search, a translation, a thesis."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label


class TextPrompt(ModalScreen[str | None]):
    """One line of text: ``enter`` commits, ``escape`` cancels (dismisses with None)."""

    CSS_PATH = "dialogs.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel", id="dialog-cancel")]

    def __init__(self, title: str, value: str = "", *, placeholder: str = "", hint: str = "") -> None:
        super().__init__(classes="dialog")
        self.prompt_title = title
        self.value = value
        self.placeholder = placeholder
        self.hint = hint or "enter: done   escape: cancel"

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box"):
            yield Label(self.prompt_title, classes="dialog-title")
            yield Input(self.value, placeholder=self.placeholder, id="prompt-input")
            yield Label(self.hint, classes="dialog-hint")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        self.dismiss(None)


class TranslationPrompt(ModalScreen[tuple[str, str] | None]):
    """A language code and the claim's text in it; blank text removes the translation."""

    CSS_PATH = "dialogs.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel", id="dialog-cancel")]

    def __init__(self, claim_text: str, translations: dict[str, str], language: str) -> None:
        super().__init__(classes="dialog")
        self.claim_text = claim_text
        self.translations = translations
        self.language = language

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box"):
            yield Label("Translation", classes="dialog-title")
            yield Label(self.claim_text, classes="dialog-body")
            yield Input(self.language, placeholder="language code, e.g. de", id="translation-language")
            text = self.translations.get(self.language, "")
            yield Input(text, placeholder="text (blank removes)", id="translation-text")
            yield Label("enter: next / done   escape: cancel", classes="dialog-hint")

    def on_mount(self) -> None:
        self.query_one("#translation-text" if self.language else "#translation-language", Input).focus()

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "translation-language":
            self.query_one("#translation-text", Input).value = self.translations.get(event.value.strip(), "")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if event.input.id == "translation-language":
            self.query_one("#translation-text", Input).focus()
            return
        language = self.query_one("#translation-language", Input).value.strip()
        self.dismiss((language, event.value))

    def action_cancel(self) -> None:
        self.dismiss(None)
