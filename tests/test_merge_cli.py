"""``argmap merge`` and ``argmap resolve`` on files."""

from __future__ import annotations

import subprocess
from pathlib import Path

from argmap import ops, store
from tests import in_process
from tests.diffmerge_helpers import edited, sample_map

ROOT = Path(__file__).resolve().parent.parent


def argmap_cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return in_process.run(*args, cwd=cwd, env={"NO_COLOR": "1"})


def test_merge_command_clean_and_conflicting(tmp_path: Path):
    base = sample_map()
    store.save(base, tmp_path / "base.argmap.json")
    store.save(edited(base, lambda g: ops.edit_text(g, "shells", "Ours.")), tmp_path / "ours.argmap.json")
    store.save(edited(base, lambda g: ops.edit_text(g, "stocks", "Theirs.")), tmp_path / "theirs.argmap.json")
    clean = argmap_cli("merge", "base.argmap.json", "ours.argmap.json", "theirs.argmap.json", cwd=tmp_path)
    assert (clean.returncode, clean.stderr) == (0, "")
    merged = store.loads(clean.stdout.encode()).map
    assert (merged.claims["shells"].text, merged.claims["stocks"].text) == ("Ours.", "Theirs.")

    store.save(edited(base, lambda g: ops.edit_text(g, "shells", "Theirs.")), tmp_path / "theirs.argmap.json")
    args = ("merge", "base.argmap.json", "ours.argmap.json", "theirs.argmap.json", "-o", "out.argmap.json")
    conflicted = argmap_cli(*args, cwd=tmp_path)
    assert conflicted.returncode == 1
    assert "1 conflict recorded in out.argmap.json" in conflicted.stderr
    assert store.load(tmp_path / "out.argmap.json").conflicts["claims.shells.text"].theirs == "Theirs."

    value = argmap_cli("resolve", "out.argmap.json", "claims.shells.text", "--value", '"Both."', cwd=tmp_path)
    assert (value.returncode, value.stdout) == (0, "resolved claims.shells.text; 0 conflicts left\n")
    assert store.load(tmp_path / "out.argmap.json").claims["shells"].text == "Both."
    none = argmap_cli("resolve", "out.argmap.json", cwd=tmp_path)
    assert (none.returncode, none.stdout) == (0, "no conflicts\n")
    bad = argmap_cli("resolve", "out.argmap.json", "claims.shells.text", "--ours", cwd=tmp_path)
    assert (bad.returncode, bad.stderr) == (2, "argmap: no conflict 'claims.shells.text' in this map\n")
