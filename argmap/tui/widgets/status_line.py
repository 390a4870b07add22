"""One line under the panes: the file, whether it has unsaved changes, the check findings, merge conflicts, coverage."""

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
    coverage: str = "",
    width: int = 0,
) -> Text:
    """The status as one line of at most ``width`` cells (0: any).

    When it does not fit, the file loses its folder, then the coverage figure goes
    (the news matters more), then the file's name (the title bar shows it), and only
    then is the message cut at a word with an ellipsis: never in the middle of a word
    or a path.
    """
    line = _status(file, dirty, findings, language, message, conflicts, coverage)
    if not width or line.cell_len <= width:
        return line
    line = _status(Path(file).name, dirty, findings, language, message, conflicts, coverage)
    if line.cell_len <= width:
        return line
    line = _status(Path(file).name, dirty, findings, language, message, conflicts)
    if line.cell_len <= width or not message:
        return line
    line = _status("", dirty, findings, language, message, conflicts)
    if line.cell_len <= width:
        return line
    head = _status("", dirty, findings, language, "", conflicts).cell_len + 3
    words = message.split(" ")
    while words and head + len(" ".join(words)) + 1 > width:
        words.pop()
    cut = " ".join(words).removesuffix("…") + "…" if words else ""
    return _status("", dirty, findings, language, cut, conflicts)


def _status(
    file: str,
    dirty: bool,
    findings: int | None,
    language: str | None,
    message: str,
    conflicts: int,
    coverage: str = "",
) -> Text:
    line = Text(" ")
    line.append(file, style="bold")
    gap = "  " if file else ""
    line.append(f"{gap}● unsaved" if dirty else f"{gap}saved", style="bold yellow" if dirty else "dim")
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
    if coverage:  # after the message: on a narrow terminal the news matters more
        line.append(f"   {coverage}", style="blue")
    return line


class StatusLine(Static):
    """Fitted to its width: shown again when that changes (the first status is set before the layout)."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.shown: tuple[str, bool, int | None, str | None, str, int, str] | None = None

    def show(
        self,
        file: str,
        dirty: bool,
        findings: int | None,
        language: str | None,
        message: str = "",
        conflicts: int = 0,
        coverage: str = "",
    ) -> None:
        self.shown = (file, dirty, findings, language, message, conflicts, coverage)
        self.update(status_text(*self.shown, self.size.width), layout=False)  # always one line

    def on_resize(self) -> None:
        if self.shown is not None:
            self.update(status_text(*self.shown, self.size.width), layout=False)
