"""One line under the panes: the file, whether it has unsaved changes, the check findings, merge conflicts, coverage."""

from __future__ import annotations

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
) -> Text:
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
    if coverage:  # after the message: on a narrow terminal the news matters more
        line.append(f"   {coverage}", style="blue")
    return line


class StatusLine(Static):
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
        line = status_text(file, dirty, findings, language, message, conflicts, coverage)
        self.update(line, layout=False)  # always one line
