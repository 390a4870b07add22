"""argmap as git's diff and merge driver, exercised through real git in temporary repositories."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from argmap import ops, store
from argmap.graph import Edit, MapGraph
from argmap.model import Anchor

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "maps" / "partnership-of-convenience.argmap.json"
MAP = "maps/partnership-of-convenience.argmap.json"


class Repo:
    """A git repository in a temporary folder, with its own HOME so no user config leaks in."""

    def __init__(self, path: Path) -> None:
        self.path = path
        home = path.parent / "home"
        home.mkdir(exist_ok=True)
        self.env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": str(home),
            "XDG_CONFIG_HOME": str(home / ".config"),
            "GIT_CONFIG_NOSYSTEM": "1",
            "PYTHONPATH": str(ROOT),
            "NO_COLOR": "1",
            "GIT_PAGER": "cat",
        }

    def git(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        done = subprocess.run(["git", *args], cwd=self.path, env=self.env, capture_output=True, text=True)
        if check and done.returncode != 0:
            raise AssertionError(f"git {' '.join(args)} failed:\n{done.stdout}\n{done.stderr}")
        return done

    def argmap(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "argmap", *args], cwd=self.path, env=self.env, capture_output=True, text=True
        )

    def edit(self, *steps: Callable[[MapGraph], Edit], message: str) -> None:
        graph = MapGraph(store.load(self.path / MAP))
        for step in steps:
            graph.apply(step(graph))
        store.save(graph.map, self.path / MAP)
        self.git("commit", "-qam", message)

    def load(self):
        return store.load(self.path / MAP)


@pytest.fixture
def repo(tmp_path: Path) -> Repo:
    if not SEED.exists():
        pytest.skip("the seed map maps/partnership-of-convenience.argmap.json is not in this checkout")
    repo = Repo(tmp_path / "repo")
    shutil.copytree(ROOT / "maps", repo.path / "maps")
    repo.git("init", "-q", "-b", "main")
    repo.git("config", "user.name", "Test Person")
    repo.git("config", "user.email", "test@example.org")
    setup = repo.argmap("git-setup")
    assert setup.returncode == 0, setup.stderr
    repo.git("add", ".")
    repo.git("commit", "-qm", "seed map")
    return repo


def test_git_setup_writes_attributes_and_config_once_and_disables(repo: Repo):
    assert (repo.path / ".gitattributes").read_text() == "*.argmap.json diff=argmap merge=argmap\n"
    driver = repo.git("config", "merge.argmap.driver").stdout.strip()
    assert driver == f"{sys.executable} -m argmap merge-driver %O %A %B %L %P"
    assert repo.git("config", "diff.argmap.textconv").stdout.strip() == f"{sys.executable} -m argmap textconv"
    assert repo.git("config", "diff.argmap.cachetextconv").stdout.strip() == "true"
    again = repo.argmap("git-setup")
    assert (again.returncode, again.stdout) == (0, "nothing to do: already set up\n")
    assert repo.git("check-attr", "merge", MAP).stdout.strip().endswith("merge: argmap")
    off = repo.argmap("git-setup", "--disable")
    assert off.returncode == 0
    assert (repo.path / ".gitattributes").read_text() == ""
    assert repo.git("config", "merge.argmap.driver", check=False).returncode == 1


def test_git_setup_global(repo: Repo):
    done = repo.argmap("git-setup", "--global")
    assert done.returncode == 0, done.stderr
    home = Path(repo.env["HOME"])
    assert "argmap merge-driver" in (home / ".gitconfig").read_text()
    attributes = home / ".config" / "git" / "attributes"
    assert attributes.read_text() == "*.argmap.json diff=argmap merge=argmap\n"
    assert repo.argmap("git-setup", "--global", "--disable").returncode == 0
    assert "argmap" not in (home / ".gitconfig").read_text()


def test_git_setup_outside_a_repository_is_a_clean_error(tmp_path: Path):
    repo = Repo(tmp_path / "plain")
    repo.path.mkdir()
    done = repo.argmap("git-setup")
    assert done.returncode == 2
    assert done.stderr == "argmap: not inside a git repository (run it in your repository, or pass --global)\n"


def test_branches_changing_different_claims_merge_cleanly(repo: Repo):
    base = repo.load()
    repo.git("checkout", "-qb", "feature")
    repo.edit(
        lambda g: ops.edit_text(g, "trade-fell", "Trade between the two has fallen, not grown."),
        lambda g: ops.move_claim(g, "trade-figures", "no-economic-complementarity"),
        message="reword and move",
    )
    repo.git("checkout", "-q", "main")
    anchor = Anchor(source="article", quote="Komplementarität", start=2855, end=2871)
    repo.edit(
        lambda g: ops.add_reason(g, "thesis", "Both sides say so themselves.", claim_id="both-say-so"),
        lambda g: ops.attach_evidence(g, "no-economic-complementarity", anchor),
        message="add a reason and evidence",
    )
    merged = repo.git("merge", "feature", "-m", "merge feature")
    assert "CONFLICT" not in merged.stdout
    result = repo.load()
    assert result.claims["trade-fell"].text == "Trade between the two has fallen, not grown."
    assert result.relations["r-trade-figures"].target == "no-economic-complementarity"
    assert result.claims["both-say-so"].text == "Both sides say so themselves."
    assert result.claims["no-economic-complementarity"].evidence[-1] == anchor
    assert result.conflicts == {}
    assert len(result.claims) == len(base.claims) + 1
    check = repo.argmap("check", MAP)
    assert "merge-conflict" not in check.stdout


def test_branches_rewording_the_same_claim_conflict_and_keep_both_wordings(repo: Repo):
    repo.git("checkout", "-qb", "feature")
    repo.edit(lambda g: ops.edit_text(g, "thesis", "Moscow and Pyongyang have a marriage of convenience."), message="a")
    repo.git("checkout", "-q", "main")
    repo.edit(lambda g: ops.edit_text(g, "thesis", "Russia and North Korea are no real allies."), message="b")
    merged = repo.git("merge", "feature", "-m", "merge feature", check=False)
    assert merged.returncode == 1
    assert f"CONFLICT (content): Merge conflict in {MAP}" in merged.stdout
    assert "claims.thesis.text" in merged.stderr
    assert repo.git("status", "--porcelain").stdout.startswith(f"UU {MAP}")
    text = (repo.path / MAP).read_text()
    assert "Moscow and Pyongyang have a marriage of convenience." in text
    assert "Russia and North Korea are no real allies." in text
    result = repo.load()
    assert result.claims["thesis"].text == "Russia and North Korea are no real allies."
    conflict = result.conflicts["claims.thesis.text"]
    assert conflict.theirs == "Moscow and Pyongyang have a marriage of convenience."
    check = repo.argmap("check", MAP)
    assert check.returncode == 1
    assert "merge conflict claims.thesis.text" in check.stdout
    listed = repo.argmap("resolve", MAP)
    assert listed.returncode == 1 and "claims.thesis.text" in listed.stdout
    resolved = repo.argmap("resolve", MAP, "claims.thesis.text", "--theirs")
    assert resolved.returncode == 0, resolved.stderr
    assert repo.load().claims["thesis"].text == "Moscow and Pyongyang have a marriage of convenience."
    assert repo.load().conflicts == {}
    assert "merge-conflict" not in repo.argmap("check", MAP).stdout
    repo.git("add", MAP)
    repo.git("commit", "-qm", "merged")


def test_git_diff_log_and_show_read_as_claim_changes(repo: Repo):
    graph = MapGraph(repo.load())
    graph.apply(ops.edit_text(graph, "trade-fell", "Trade has collapsed."))
    store.save(graph.map, repo.path / MAP)
    diff = repo.git("diff").stdout
    old = "    + [trade-fell] Bilateral trade has actually fallen despite the improved relations."
    assert f"\n-{old}" in diff
    assert "\n+    + [trade-fell] Trade has collapsed.  (on [not-a-reliable-partner])" in diff
    assert '"text"' not in diff
    repo.git("commit", "-qam", "collapse")
    log = repo.git("log", "-p", "-1").stdout
    assert "+    + [trade-fell] Trade has collapsed." in log
    show = repo.git("show", "HEAD").stdout
    assert "+    + [trade-fell] Trade has collapsed." in show


def test_merge_driver_falls_back_to_a_line_merge_for_unreadable_input(tmp_path: Path):
    base, ours, theirs = (tmp_path / name for name in ("base", "ours", "theirs"))
    base.write_text('{"argmap": 1,\n "title": "t"\n}\n')
    ours.write_text('{"argmap": 1,\n "title": "ours"\n}\n')
    theirs.write_text("not json at all\n")
    repo = Repo(tmp_path)
    done = repo.argmap("merge-driver", str(base), str(ours), str(theirs), "7", "x.argmap.json")
    assert done.returncode == 1
    assert "falling back to a line merge" in done.stderr
    merged = ours.read_text()
    assert "<<<<<<< ours:x.argmap.json" in merged
    assert '"title": "ours"' in merged and "not json at all" in merged


def test_a_map_added_on_both_branches_merges_by_id(repo: Repo):
    repo.git("checkout", "-qb", "feature")
    new = "maps/other.argmap.json"
    graph = MapGraph(ops.new_map("Sanctions work.", thesis_id="thesis"))
    graph.apply(ops.add_reason(graph, "thesis", "Exports fell.", claim_id="exports"))
    store.save(graph.map, repo.path / new)
    repo.git("add", new)
    repo.git("commit", "-qm", "other map with a reason")
    repo.git("checkout", "-q", "main")
    graph = MapGraph(ops.new_map("Sanctions work.", thesis_id="thesis"))
    graph.apply(ops.add_objection(graph, "thesis", "Imports rose.", claim_id="imports"))
    store.save(graph.map, repo.path / new)
    repo.git("add", new)
    repo.git("commit", "-qm", "other map with an objection")
    repo.git("merge", "feature", "-m", "merge")
    merged = store.load(repo.path / new)
    assert set(merged.claims) == {"thesis", "exports", "imports"}
    assert merged.conflicts == {}
