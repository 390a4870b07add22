"""The file format's promises (docs/format.md, docs/security.md).

Canonical bytes, one-line diffs, atomic saves, clean errors.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from argmap import ops, store
from argmap.errors import ArgmapError
from argmap.graph import MapGraph
from argmap.model import ArgMap
from tests.strategies import maps


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(maps())
def test_load_then_save_reproduces_the_bytes(argmap: ArgMap) -> None:
    data = store.dumps(argmap)
    loaded = store.loads(data)
    assert loaded.duplicates == []
    assert loaded.map == argmap
    assert store.dumps(loaded.map) == data


def test_canonical_layout(uniforms_map: ArgMap) -> None:
    text = store.dumps(uniforms_map).decode()
    assert text.endswith("}\n") and "\r" not in text
    assert text.startswith('{\n  "argmap": 1,\n')
    claim_ids = [
        line.strip().split('"')[1] for line in text.splitlines() if line.startswith('    "') and line.endswith("{")
    ]
    assert claim_ids == sorted(claim_ids[: len(uniforms_map.claims)]) + sorted(claim_ids[len(uniforms_map.claims) :])
    assert '"implicit": false' not in text and '"tags": []' not in text, "defaults are left out"


def _git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True, text=True).stdout


@pytest.fixture
def repo(tmp_path: Path, uniforms_map: ArgMap) -> Path:
    _git(tmp_path, "init", "-q")
    _git(tmp_path, "config", "user.email", "test@example.org")
    _git(tmp_path, "config", "user.name", "Test")
    store.save(uniforms_map, tmp_path / "m.argmap.json")
    _git(tmp_path, "add", ".")
    _git(tmp_path, "commit", "-qm", "start")
    return tmp_path


def _numstat(repo: Path) -> tuple[int, int]:
    added, removed, _ = _git(repo, "diff", "--numstat").split("\t")
    return int(added), int(removed)


def test_one_field_edit_changes_one_line(repo: Path) -> None:
    graph = MapGraph(store.load(repo / "m.argmap.json"))
    graph.apply(ops.edit_text(graph, "cost", "Uniforms are expensive for poor families."))
    store.save(graph.map, repo / "m.argmap.json")
    assert _numstat(repo) == (1, 1)


def test_reordering_changes_one_line(repo: Path) -> None:
    graph = MapGraph(store.load(repo / "m.argmap.json"))
    graph.apply(ops.reorder(graph, "r-cost", -1))
    store.save(graph.map, repo / "m.argmap.json")
    assert [rid for rid, _ in graph.children("thesis")] == ["r-cost", "r-bullying"]
    assert _numstat(repo) == (1, 1)


def test_adding_a_claim_only_adds_lines(repo: Path) -> None:
    graph = MapGraph(store.load(repo / "m.argmap.json"))
    graph.apply(ops.add_reason(graph, "thesis", "Uniforms save time in the morning."))
    store.save(graph.map, repo / "m.argmap.json")
    added, removed = _numstat(repo)
    assert removed == 0 and added > 0


def test_duplicate_keys_are_found_not_collapsed(tmp_path: Path, uniforms_map: ArgMap) -> None:
    text = store.dumps(uniforms_map).decode()
    doubled = text.replace('    "cost": {', '    "cost": {\n      "text": "first"\n    },\n    "cost": {', 1)
    path = tmp_path / "dup.argmap.json"
    path.write_text(doubled)
    mapfile = store.read(path)
    assert [(d.path, d.key) for d in mapfile.duplicates] == [("claims", "cost")]
    assert len(mapfile.duplicates[0].lines) == 2
    with pytest.raises(ArgmapError, match="'cost' twice"):
        store.load(path)


def test_an_older_format_is_migrated(monkeypatch: pytest.MonkeyPatch, uniforms_map: ArgMap) -> None:
    def from_zero(raw: dict) -> dict:
        raw["title"] = raw.pop("name")
        return raw

    monkeypatch.setitem(store.MIGRATIONS, 0, from_zero)
    old = store.dumps(uniforms_map).decode().replace('"argmap": 1', '"argmap": 0').replace('"title"', '"name"')
    mapfile = store.loads(old.encode())
    assert mapfile.migrated_from == 0
    assert mapfile.map == uniforms_map


def test_save_is_atomic_under_kill(tmp_path: Path) -> None:
    """Kill a process in the middle of saving again and again: the file is always whole.

    The child says when its first save is done, so every kill lands while it saves on and on,
    however busy the machine; the delays after that vary where in a save the kill falls.
    """
    path = tmp_path / "big.argmap.json"
    graph = MapGraph(ops.new_map("thesis", thesis_id="thesis"))
    for n in range(3000):
        graph.apply(ops.add_reason(graph, "thesis", f"reason number {n} " + "x" * 80))
    store.save(graph.map, path)
    versions = {path.read_bytes()}
    script = (
        "import sys; from argmap import store, ops; from argmap.graph import MapGraph\n"
        "g = MapGraph(store.load(sys.argv[1]))\n"
        "for n in range(10**6):\n"
        "    g.apply(ops.edit_text(g, 'thesis', f'thesis {n}')); store.save(g.map, sys.argv[1])\n"
        "    n == 0 and print('saved', flush=True)\n"
    )
    for delay in (0.0, 0.01, 0.03, 0.07, 0.15):
        proc = subprocess.Popen(
            [sys.executable, "-c", script, str(path)],
            cwd=Path(__file__).parent.parent,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert proc.stdout is not None and proc.stdout.readline() == "saved\n"
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        proc.stdout.close()
        data = path.read_bytes()
        assert store.loads(data).map.claims["thesis"].text.startswith("thesis")
        versions.add(data)
    assert len(versions) > 1, "the saving process never got to save: the test proved nothing"
    leftovers = [p.name for p in tmp_path.iterdir() if p.name != path.name]
    assert all(name.endswith(".tmp") for name in leftovers)


def test_save_keeps_the_file_mode(tmp_path: Path, uniforms_map: ArgMap) -> None:
    path = tmp_path / "m.argmap.json"
    store.save(uniforms_map, path)
    os.chmod(path, 0o640)
    store.save(uniforms_map, path)
    assert path.stat().st_mode & 0o777 == 0o640


def test_a_stream_target_is_written_into_not_replaced(tmp_path: Path) -> None:
    """``-o /dev/null`` once put a regular file in /dev/null's place (a rename, as root); a FIFO shows the same."""
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    store.write_atomic(fifo, b"the map")
    reader.join(timeout=10)
    assert received == [b"the map"]
    assert fifo.is_fifo()
