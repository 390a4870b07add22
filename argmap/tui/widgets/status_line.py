"""One line under the panes: the file, whether it has unsaved changes, the check findings, merge conflicts."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual.widgets import Static


def status_text(
    file: str,
    dirty: bool,
    findings: int | None,
    language: str | None,
    message: str = "",
    conflicts: int = 0,
    width: int = 0,
) -> Text:
    """The status as one line of at most ``width`` cells (0: any).

    When it does not fit, the file loses its folder, then the message is cut at a
    word with an ellipsis: never in the middle of a word or a path.
    """
    line = _status(file, dirty, findings, language, message, conflicts)
    if not width or line.cell_len <= width:
        return line
    line = _status(Path(file).name, dirty, findings, language, message, conflicts)
    if line.cell_len <= width or not message:
        return line
    head = _status(Path(file).name, dirty, findings, language, "", conflicts).cell_len + 3
    words = message.split(" ")
    while words and head + len(" ".join(words)) + 1 > width:
        words.pop()
    return _status(Path(file).name, dirty, findings, language, " ".join(words) + "…" if words else "", conflicts)


def _status(file: str, dirty: bool, findings: int | None, language: str | None, message: str, conflicts: int) -> Text:
    line = Text(" ")
    line.append(file, style="bold")
    line.append("  ● unsaved" if dirty else "  saved", style="bold yellow" if dirty else "dim")
    if findings is None:
        line.append("   checking…", style="dim")
    else:
        line.append(f"   {findings} finding{'s' if findings != 1 else ''}", style="yellow" if findings else "green")
    if conflicts:
        line.append(f"   {conflicts} conflict{'s' if conflicts != 1 else ''}", style="bold red")
    if language:
        line.append(f"   showing: {language}", style="cyan")
    if message:
        line.append(f"   {message}", style="italic")
    return line


class StatusLine(Static):
    """Fitted to its width: shown again when that changes (the first status is set before the layout)."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.shown: tuple[str, bool, int | None, str | None, str, int] | None = None

    def show(
        self, file: str, dirty: bool, findings: int | None, language: str | None, message: str = "", conflicts: int = 0
    ) -> None:
        self.shown = (file, dirty, findings, language, message, conflicts)
        self.update(status_text(*self.shown, self.size.width), layout=False)  # always one line

    def on_resize(self) -> None:
        if self.shown is not None:
            self.update(status_text(*self.shown, self.size.width), layout=False)
