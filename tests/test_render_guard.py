"""The render guard as a user meets it: a real ``argmap render`` process and the real Graphviz.

A layout that would take many minutes is refused before Graphviz starts; a
running ``dot`` ends with argmap, whether argmap is interrupted or gives up on
its time limit.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from argmap import store
from argmap.model import ArgMap, Claim, ClaimKind, Relation, RelationType
from argmap.render.guard import LAYOUT_LIMIT_SECONDS, layout_seconds
from benchmarks.generate import generate

ROOT = Path(__file__).resolve().parent.parent


def render(*args: str, env: dict[str, str] | None = None) -> subprocess.Popen[str]:
    environment = {**os.environ, "PYTHONPATH": str(ROOT), "ARGMAP_GRAPHVIZ": "system", **(env or {})}
    return subprocess.Popen(
        [sys.executable, "-m", "argmap", "render", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=environment,
        cwd=ROOT,
        preexec_fn=_default_interrupt,
    )


def _default_interrupt() -> None:
    """A test runner's worker may ignore SIGINT, and a child inherits that: give argmap Ctrl-C back."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def children(pid: int) -> list[int]:
    """The processes whose parent is ``pid``, from /proc."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        if int(stat.rpartition(")")[2].split()[1]) == pid:
            found.append(int(entry.name))
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()[0]
    except OSError:
        return False
    return state != "Z"


def wait_for_dot(process: subprocess.Popen[str]) -> int:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        dots = [pid for pid in children(process.pid) if Path(f"/proc/{pid}/comm").read_text().strip() == "dot"]
        if dots:
            return dots[0]
        assert process.poll() is None, process.communicate()
        time.sleep(0.05)
    raise AssertionError("argmap never started dot")


@pytest.fixture(scope="module")
def slow_map(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A map Graphviz takes seconds to lay out (2,000 claims), well inside the guard's limit."""
    argmap, _ = generate(2000)
    path = tmp_path_factory.mktemp("guard") / "slow.argmap.json"
    store.save(argmap, path)
    return path


needs_dot = pytest.mark.needs("dot")


def test_a_layout_of_minutes_is_refused_before_graphviz_starts(tmp_path: Path) -> None:
    claims = {"thesis": Claim(kind=ClaimKind.THESIS, text="A thesis.")}
    relations = {}
    for number in range(9000):
        claims[f"c{number}"] = Claim(text=f"Reason {number}.")
        relations[f"r{number}"] = Relation(type=RelationType.SUPPORT, premises=(f"c{number}",), target="thesis")
    path = tmp_path / "huge.argmap.json"
    store.save(ArgMap(argmap=1, claims=claims, relations=relations), path)
    assert layout_seconds(9001) > LAYOUT_LIMIT_SECONDS
    process = render(str(path), "-o", str(tmp_path / "huge.svg"))
    _, err = process.communicate(timeout=60)
    assert process.returncode == 2
    lines = err.strip().splitlines()
    assert len(lines) == 1 and "9,001 claims would keep Graphviz busy for about" in lines[0]
    assert "--focus ID" in lines[0] and "--fit" in lines[0] and "--force" in lines[0]
    assert not (tmp_path / "huge.svg").exists()


@needs_dot
@pytest.mark.parametrize("signal_number", [signal.SIGINT, signal.SIGTERM])
def test_interrupting_argmap_ends_its_graphviz(slow_map: Path, tmp_path: Path, signal_number: int) -> None:
    process = render(str(slow_map), "-o", str(tmp_path / "slow.svg"))
    dot = wait_for_dot(process)
    process.send_signal(signal_number)
    process.communicate(timeout=30)
    assert process.returncode == 130
    deadline = time.monotonic() + 1  # the layout alone takes seconds: dot must be gone long before
    while alive(dot) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not alive(dot), "dot outlived argmap"
    assert not (tmp_path / "slow.svg").exists()


@needs_dot
def test_graphviz_is_stopped_when_its_time_is_up(slow_map: Path, tmp_path: Path) -> None:
    process = render(str(slow_map), "-o", str(tmp_path / "slow.svg"), env={"ARGMAP_RENDER_TIMEOUT": "0.5"})
    dot = wait_for_dot(process)
    _, err = process.communicate(timeout=30)
    assert process.returncode == 2
    assert "Graphviz did not finish its layout in 0.5 s and was stopped" in err
    assert "ARGMAP_RENDER_TIMEOUT" in err
    assert not alive(dot)
