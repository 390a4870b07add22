"""A one-line input under the panes: a claim's text, tags, a note, a search.

It is always there, one line high, and only comes alive when asked: opening a
modal screen, or showing and hiding a widget, makes Textual lay out and repaint
the whole terminal, which alone costs more than the 50 ms a keystroke may take.
``enter`` commits, ``escape`` cancels; the editor's other keys are off meanwhile.
When it filters a choice, each change of the text and ``up``/``down`` are passed on.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import ExitStack
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.geometry import Size
from textual.reactive import Reactive
from textual.widget import Widget
from textual.widgets import Input, Label

IDLE = ""
TITLE_WIDTH = 60
"""Longer questions are cut, so the text being typed keeps most of the line."""


FOCUS_HOLD_LIMIT = 0.25
"""Seconds after which a held repaint is let go even if a widget never answered (it was removed)."""


def move_focus(widget: Widget) -> None:
    """Give ``widget`` the focus, holding the screen's repaint until both widgets have restyled.

    Textual restyles the widget losing the focus and the one gaining it when each
    handles its event; a frame drawn in between repaints the tree twice per prompt
    (10–17 ms each on a large map).  Held, the edit and both restyles share one frame.
    """
    screen = widget.screen
    previous = screen.focused
    if previous is widget:
        return
    hold = ExitStack()
    hold.enter_context(widget.app.batch_update())
    waiting: set[Widget] = {widget} if previous is None else {widget, previous}

    def answered(who: Widget) -> None:
        waiting.discard(who)
        if not waiting:
            release()

    def release() -> None:
        hold.close()
        screen.check_idle()

    screen.set_focus(widget, scroll_visible=False)
    for who in list(waiting):
        who.call_later(answered, who)  # queued after its Focus or Blur event
    screen.set_timer(FOCUS_HOLD_LIMIT, release)


class PromptInput(Input):
    """An Input whose change of text never lays the screen out: its size is fixed by the bar."""

    virtual_size: Reactive[Size] = Reactive(Size(0, 0), layout=False)


class PromptBar(Horizontal):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="prompt-cancel"),
        Binding("up", "step(-1)", "Previous choice", show=False, id="prompt-choice-up"),
        Binding("down", "step(1)", "Next choice", show=False, id="prompt-choice-down"),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._done: Callable[[str | None], None] | None = None
        self._typed: Callable[[str], None] | None = None
        self._step: Callable[[int], None] | None = None
        self._return_focus: Widget | None = None

    def compose(self) -> ComposeResult:
        yield Label(IDLE, id="prompt-title")
        yield PromptInput(id="prompt-input", disabled=True, compact=True)

    @property
    def is_open(self) -> bool:
        return self._done is not None

    def ask(
        self,
        title: str,
        value: str,
        done: Callable[[str | None], None],
        *,
        placeholder: str = "",
        typed: Callable[[str], None] | None = None,
        step: Callable[[int], None] | None = None,
    ) -> None:
        """Show the bar with ``value`` to edit; ``done`` gets the text, or None on escape.

        ``typed`` hears every change of the text and ``step`` the ``up``/``down`` keys
        (-1/+1): how the editor filters and walks a list of candidates.
        """
        self._done = done
        self._typed = typed
        self._step = step
        self._return_focus = self.app.focused
        room = min(TITLE_WIDTH, self.size.width // 2 - 2)  # widgets.tcss: at most half the bar
        if len(title) > room:
            title = title[: max(1, room - 1)].rstrip() + "…"
        self.query_one("#prompt-title", Label).update(f" {title} ", layout=False)
        field = self.query_one(Input)
        field.placeholder = placeholder or "enter: done   escape: cancel"
        field.value = value
        field.cursor_position = len(value)
        field.disabled = False
        self.add_class("-open")
        move_focus(field)

    def on_descendant_blur(self) -> None:
        """Clicking elsewhere cancels, so the editor's keys never stay switched off."""
        if self.is_open:
            self._return_focus = None
            self._close(None)

    def submit(self) -> None:
        """Commit what is typed, as ``enter`` would (a candidate was clicked)."""
        if self.is_open:
            self._close(self.query_one(Input).value)

    def _close(self, value: str | None) -> None:
        done, self._done = self._done, None
        self._typed = self._step = None
        if self._return_focus is not None and self._return_focus.is_attached:
            move_focus(self._return_focus)  # before the field is disabled, which would pass the focus on
        field = self.query_one(Input)
        field.value = ""
        field.placeholder = ""
        field.disabled = True
        self.remove_class("-open")
        self.query_one("#prompt-title", Label).update(IDLE, layout=False)
        if done is not None:
            done(value)

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        if self._typed is not None:
            self._typed(event.value)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return self._step is not None if action == "step" else True

    def action_step(self, offset: int) -> None:
        if self._step is not None:
            self._step(offset)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._close(event.value)

    def action_cancel(self) -> None:
        self._close(None)
