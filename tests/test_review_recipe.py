"""The pull-request recipe in docs/examples: the script the workflow runs, on a real repository of maps."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "docs" / "examples" / "review-maps.sh"
SEED = "maps/partnership-of-convenience.argmap.json"

pytestmark = pytest.mark.needs("git")  # the recipe reviews a git repository


def git(repo: Path, *args: str) -> None:
    names = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@e", "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@e"}
    subprocess.run(["git", *args], cwd=repo, env={**os.environ, **names}, check=True, capture_output=True)


def review(repo: Path, summary: Path) -> int:
    env = {
        **os.environ,
        "PATH": f"{Path(sys.executable).parent}:{os.environ['PATH']}",
        "GITHUB_STEP_SUMMARY": str(summary),
    }
    return subprocess.run(["bash", str(SCRIPT), "base"], cwd=repo, env=env, capture_output=True, timeout=300).returncode


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A repository holding the seed map, tagged ``base``, then a branch that rewords one claim and adds a map."""
    repo = tmp_path / "maps-repo"
    shutil.copytree(ROOT / "maps", repo / "maps")
    git(repo, "init", "-q")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "seed")
    git(repo, "tag", "base")
    seed = repo / SEED
    document = json.loads(seed.read_text())
    document["claims"]["thesis"]["text"] = "The rapprochement is a short-lived partnership of convenience."
    seed.write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "argmap",
            "new",
            "maps/uniforms.argmap.json",
            "--thesis",
            "Schools should require uniforms.",
        ],
        cwd=repo,
        check=True,
        capture_output=True,
    )
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "reword the thesis, add a map")
    return repo


def test_the_summary_shows_checks_word_changes_and_new_maps(repo: Path, tmp_path: Path) -> None:
    summary = tmp_path / "summary.md"
    assert review(repo, summary) == 0
    text = summary.read_text()
    assert "All 2 maps pass `argmap check`." in text
    seed_section = text.split(f"### `{SEED}`")[1].split("### ")[0]
    assert "~ claim thesis reworded:" in seed_section and "{+ short-lived+}" in seed_section
    assert "A new map:" in text.split("### `maps/uniforms.argmap.json`")[1]
    assert "Schools should require uniforms." in text
    assert (repo / "rendered" / "partnership-of-convenience.svg").read_text().lstrip().startswith(("<?xml", "<svg"))
    assert (repo / "rendered" / "uniforms.svg").exists()


def test_a_broken_map_fails_the_review(repo: Path, tmp_path: Path) -> None:
    seed = repo / SEED
    document = json.loads(seed.read_text())
    relation = next(iter(document["relations"].values()))
    relation["target"] = "no-such-claim"
    seed.write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n")
    git(repo, "commit", "-qam", "a dangling target")
    summary = tmp_path / "summary.md"
    assert review(repo, summary) == 1
    assert "`argmap check` found problems:" in summary.read_text()
    assert "no-such-claim" in summary.read_text()
