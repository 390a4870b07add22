"""The real ``argmap edit`` in a real terminal (tmux): add an objection, save, quit, read the file.

On the small uniforms map, on a generated map of 100,000 claims and on an imported
Kialo debate of 20,000: a large map shows its top first and must become editable
in the terminal, not only under Pilot.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from argmap import store
from argmap.model import ArgMap
from benchmarks.kialo_debate import kialo_debate
from benchmarks.run import DEFAULT_CACHE, workload_path
from benchmarks.terminal import Terminal
from tests.tui.helpers import write_uniforms

ROOT = Path(__file__).resolve().parents[2]
OBJECTION = "Uniforms stifle self-expression."

pytestmark = [
    pytest.mark.slow,
    pytest.mark.needs("tmux"),
]


def add_an_objection_in_the_editor(path: Path, thesis: str, *, timeout: float = 60.0) -> None:
    """Open ``path`` in a 160×48 terminal, wait for the thesis, add an objection to it, save and quit."""
    command = f"{sys.executable} -m argmap edit {path.name}; echo EDITOR-EXITED $?; sleep 30"
    env = {"PYTHONPATH": str(ROOT), "XDG_CONFIG_HOME": str(path.parent / "config")}
    with Terminal(command, cwd=path.parent, env=env) as terminal:
        terminal.wait_for(thesis, timeout)
        terminal.wait_for("loading", timeout, gone=True)
        terminal.wait_for("finding", timeout)
        terminal.keys("o")
        terminal.wait_for("An objection to")
        terminal.type(OBJECTION)
        terminal.keys("Enter")
        terminal.wait_for("unsaved")
        terminal.keys("C-s")
        terminal.wait_for("● unsaved", timeout, gone=True)
        terminal.keys("q")
        screen = terminal.wait_for("EDITOR-EXITED")
        assert "EDITOR-EXITED 0" in screen


def objections_added(before: ArgMap, after: ArgMap) -> list[str]:
    """The claims ``after`` has beyond ``before``, each checked to be an objection to the thesis with our text."""
    thesis = before.theses()[0]
    new = sorted(set(after.claims) - set(before.claims))
    for cid in new:
        assert after.claims[cid].text == OBJECTION
        relations = after.relations.values()
        assert any(r.type.value == "attack" and r.premises == (cid,) and r.target == thesis for r in relations)
    return new


def test_add_an_objection_save_and_quit_in_a_real_terminal(tmp_path: Path) -> None:
    path = write_uniforms(tmp_path)
    before = store.load(path)
    add_an_objection_in_the_editor(path, "School uniforms should be required.")
    after = store.load(path)
    assert objections_added(before, after) == ["uniforms-stifle-self-expression"]
    assert {k: v for k, v in after.claims.items() if k != "uniforms-stifle-self-expression"} == before.claims
    assert {k: v for k, v in after.relations.items() if k != "r-uniforms-stifle-self-expression"} == before.relations
    assert after.model_dump(exclude={"claims", "relations"}) == before.model_dump(exclude={"claims", "relations"})
    assert not (tmp_path / "uniforms.argmap.json.recover").exists()


def test_a_generated_map_of_100000_claims_becomes_editable_in_a_real_terminal(tmp_path: Path) -> None:
    """The benchmarks' own map (made once and kept in .bench-cache/, about half a minute)."""
    generated = workload_path(100_000, DEFAULT_CACHE)
    shutil.copytree(generated.parent, tmp_path / "map")
    path = tmp_path / "map" / generated.name
    before = store.load(path)
    add_an_objection_in_the_editor(path, before.claims[before.theses()[0]].text[:60], timeout=120)
    after = store.load(path)
    assert len(objections_added(before, after)) == 1
    assert len(after.claims) == 100_001


def test_an_imported_kialo_debate_of_20000_claims_becomes_editable_in_a_real_terminal(tmp_path: Path) -> None:
    (tmp_path / "debate.txt").write_text(kialo_debate(20_000), encoding="utf-8")
    path = tmp_path / "debate.argmap.json"
    subprocess.run(
        [sys.executable, "-m", "argmap", "import", "debate.txt", "--from", "kialo", "-o", path.name],
        cwd=tmp_path,
        check=True,
        capture_output=True,
    )
    before = store.load(path)
    assert len(before.claims) == 20_000
    add_an_objection_in_the_editor(path, before.claims[before.theses()[0]].text[:60], timeout=120)
    assert len(objections_added(before, store.load(path))) == 1
