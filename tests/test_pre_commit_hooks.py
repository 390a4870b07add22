"""argmap's pre-commit hooks, run by the real ``pre-commit try-repo`` on a repository that keeps a map."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
MAPS = ROOT / "maps"
MAP_NAME = "partnership-of-convenience.argmap.json"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.needs("git"),  # the hooks run in a git repository
]


def pre_commit(repo: Path, home: Path) -> subprocess.CompletedProcess[str]:
    """``pre-commit try-repo`` with argmap's own hooks on every file of ``repo``, as a user would run it."""
    pytest.importorskip("pre_commit", reason="pre-commit is a test extra: pip install -e '.[test]'")
    env = {**os.environ, "PRE_COMMIT_HOME": str(home), "PRE_COMMIT_COLOR": "never"}
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), "--all-files"],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


def git(repo: Path, *args: str) -> None:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@e", "GIT_COMMITTER_NAME": "t"}
    subprocess.run(["git", *args], cwd=repo, env={**env, "GIT_COMMITTER_EMAIL": "t@e"}, check=True, capture_output=True)


def edit_map(path: Path, change: Callable[[dict], None]) -> None:
    document = json.loads(path.read_text())
    change(document)
    path.write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n")


def test_hooks_check_maps_and_keep_their_pictures_current(tmp_path: Path) -> None:
    repo = tmp_path / "lessons"
    shutil.copytree(MAPS, repo / "maps")
    git(repo, "init", "-q")
    git(repo, "add", "-A")
    home = tmp_path / "pre-commit-home"

    first = pre_commit(repo, home)
    assert first.returncode == 0, first.stdout + first.stderr
    assert "argmap check" in first.stdout and "argmap render" in first.stdout
    picture = repo / "maps" / MAP_NAME.replace(".argmap.json", ".svg")
    assert picture.read_text().lstrip().startswith(("<?xml", "<svg"))
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "map and its picture")

    unchanged = pre_commit(repo, home)
    assert unchanged.returncode == 0, unchanged.stdout + unchanged.stderr

    def reword_the_thesis_and_break_a_quote(document: dict) -> None:
        document["claims"]["thesis"]["text"] = "A reworded thesis for the class."
        claim = next(c for c in document["claims"].values() if c.get("evidence"))
        claim["evidence"][0]["quote"] = "words that the article never says"

    edit_map(repo / "maps" / MAP_NAME, reword_the_thesis_and_break_a_quote)
    git(repo, "add", "-A")
    changed = pre_commit(repo, home)
    assert changed.returncode == 1
    lines = {line.split(".")[0]: line for line in changed.stdout.splitlines() if line.startswith("argmap ")}
    assert lines["argmap check"].endswith("Failed") and lines["argmap render"].endswith("Failed")
    assert "files were modified by this hook" in changed.stdout
    assert "A reworded thesis" in picture.read_text()
