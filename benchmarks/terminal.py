"""A real terminal for the editor: a program in a tmux window, its screen read as text, keys sent to it.

The end-to-end tests and the TUI benchmark both use it: what a person sees is what
tmux's pane shows, not what a test harness says the app drew.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
import uuid
from pathlib import Path

POLL = 0.05
"""Seconds between two looks at the screen."""


class Terminal:
    """One tmux server of its own (other tmux users cannot resize it) running one command in a window."""

    def __init__(self, command: str, *, cwd: Path, width: int = 160, height: int = 48, env: dict[str, str]) -> None:
        if shutil.which("tmux") is None:
            raise FileNotFoundError("tmux is not installed")
        self.socket = f"argmap-{uuid.uuid4().hex[:8]}"
        self.session = "editor"
        # COLUMNS and LINES (set by some test runners) would override the terminal's real size.
        inherited = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")}
        self.tmux(
            "new-session", "-d", "-s", self.session, "-x", str(width), "-y", str(height), command,
            env={**inherited, **env}, cwd=cwd,
        )  # fmt: skip

    def tmux(self, *args: str, env: dict[str, str] | None = None, cwd: Path | str | None = None) -> str:
        return subprocess.run(
            ["tmux", "-L", self.socket, *args], check=True, capture_output=True, text=True, env=env, cwd=cwd
        ).stdout

    def screen(self) -> str:
        return self.tmux("capture-pane", "-t", self.session, "-p")

    def wait_for(self, text: str, timeout: float = 60.0, *, gone: bool = False) -> str:
        """The screen once ``text`` is on it (or, with ``gone``, no longer on it)."""
        deadline = time.monotonic() + timeout
        screen = ""
        while time.monotonic() < deadline:
            screen = self.screen()
            if (text in screen) != gone:
                return screen
            time.sleep(POLL)
        raise AssertionError(f"{text!r} {'stayed' if gone else 'did not appear'} on the screen:\n{screen}")

    def keys(self, *keys: str) -> None:
        """Keys by tmux's names (``Enter``, ``C-s``, ``o``)."""
        self.tmux("send-keys", "-t", self.session, *keys)

    def type(self, text: str) -> None:
        """Text, typed literally."""
        self.tmux("send-keys", "-t", self.session, "-l", text)

    def close(self) -> None:
        subprocess.run(["tmux", "-L", self.socket, "kill-server"], capture_output=True)

    def __enter__(self) -> Terminal:
        return self

    def __exit__(self, *exception: object) -> None:
        self.close()
