"""The in-process runner gives what the real command gives: same output, errors and exit status."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests import in_process

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize(
    "args",
    [
        ("show", "{map}", "--quotes"),
        ("check", "--format", "json", "{map}"),
        ("show", "{missing}"),
        ("render", "{map}", "--nonsense"),
        ("schema", "--help"),
        ("import", "-", "--from", "argdown"),
    ],
)
def test_in_process_and_a_real_process_agree(uniforms_path: Path, args: tuple[str, ...]) -> None:
    command = [arg.format(map=uniforms_path, missing=uniforms_path.with_name("gone.argmap.json")) for arg in args]
    stdin = b"[a]: A claim.\n  + [b]: A reason.\n"
    env = {"PATH": "/usr/bin:/bin", "NO_COLOR": "1", "COLUMNS": "100"}
    real = subprocess.run(
        [sys.executable, "-m", "argmap", *command], input=stdin, capture_output=True, cwd=ROOT, env=env
    )
    ran = in_process.run(*command, stdin=stdin, cwd=ROOT, env=env, text=False)
    assert (ran.returncode, ran.stdout, ran.stderr) == (real.returncode, real.stdout, real.stderr)
