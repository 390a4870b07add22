"""The real ``argmap edit`` in a real terminal (tmux): add an objection, save, quit, read the file."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from argmap import store
from tests.tui.helpers import write_uniforms

ROOT = Path(__file__).resolve().parents[2]


SOCKET = f"argmap-e2e-{uuid.uuid4().hex[:8]}"
"""A tmux server of our own: other tmux users on the machine cannot change its window size."""


def tmux(*args: str, **options) -> str:
    return subprocess.run(["tmux", "-L", SOCKET, *args], check=True, capture_output=True, text=True, **options).stdout


def wait_for(session: str, text: str, timeout: float = 60.0, *, gone: bool = False) -> str:
    """The screen once ``text`` is on it (or, with ``gone``, no longer on it)."""
    deadline = time.monotonic() + timeout
    screen = ""
    while time.monotonic() < deadline:
        screen = tmux("capture-pane", "-t", session, "-p")
        if (text in screen) != gone:
            return screen
        time.sleep(0.2)
    raise AssertionError(f"{text!r} {'stayed' if gone else 'did not appear'} on the screen:\n{screen}")


@pytest.mark.slow
def test_add_an_objection_save_and_quit_in_a_real_terminal(tmp_path: Path) -> None:
    if shutil.which("tmux") is None:
        pytest.skip("needs tmux, which is not installed here")
    path = write_uniforms(tmp_path)
    before = store.load(path)
    session = f"argmap-e2e-{uuid.uuid4().hex[:8]}"
    # COLUMNS and LINES (set by some test runners) would override the terminal's real size.
    inherited = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")}
    env = {**inherited, "PYTHONPATH": str(ROOT), "XDG_CONFIG_HOME": str(tmp_path / "config")}
    command = f"{sys.executable} -m argmap edit {path}; echo EDITOR-EXITED $?; sleep 30"
    tmux("new-session", "-d", "-s", session, "-x", "160", "-y", "50", command, env=env, cwd=tmp_path)
    try:
        wait_for(session, "School uniforms should be required.")
        wait_for(session, "finding")
        tmux("send-keys", "-t", session, "o")
        wait_for(session, "An objection to")
        tmux("send-keys", "-t", session, "-l", "Uniforms stifle self-expression.")
        tmux("send-keys", "-t", session, "Enter")
        wait_for(session, "unsaved")
        tmux("send-keys", "-t", session, "C-s")
        wait_for(session, "● unsaved", gone=True)
        tmux("send-keys", "-t", session, "q")
        screen = wait_for(session, "EDITOR-EXITED")
        assert "EDITOR-EXITED 0" in screen
    finally:
        subprocess.run(["tmux", "-L", SOCKET, "kill-server"], capture_output=True)
    after = store.load(path)
    new = set(after.claims) - set(before.claims)
    assert new == {"uniforms-stifle-self-expression"}
    assert after.claims["uniforms-stifle-self-expression"].text == "Uniforms stifle self-expression."
    relation = after.relations["r-uniforms-stifle-self-expression"]
    assert (relation.type.value, relation.premises, relation.target) == (
        "attack",
        ("uniforms-stifle-self-expression",),
        "thesis",
    )
    assert {k: v for k, v in after.claims.items() if k not in new} == before.claims
    assert {k: v for k, v in after.relations.items() if k != "r-uniforms-stifle-self-expression"} == before.relations
    assert after.model_dump(exclude={"claims", "relations"}) == before.model_dump(exclude={"claims", "relations"})
    assert not (tmp_path / "uniforms.argmap.json.recover").exists()
