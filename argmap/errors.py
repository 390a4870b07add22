"""The one error type users see: a message that names the file, the place and the fix."""

from __future__ import annotations


class ArgmapError(Exception):
    """Bad input or a refused request; the CLI prints it as one line and exits 2."""

    def __init__(
        self,
        message: str,
        *,
        path: str | None = None,
        line: int | None = None,
        column: int | None = None,
        fix: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line
        self.column = column
        self.fix = fix

    def __str__(self) -> str:
        place = ":".join(str(part) for part in (self.path, self.line, self.column) if part is not None)
        text = f"{place}: {self.message}" if place else self.message
        return f"{text} ({self.fix})" if self.fix else text


class OperationError(ArgmapError):
    """An editing operation that cannot be done on this map (a cycle, an unknown id…)."""
