"""The benchmarks keep working: a generated map passes check, and the runner runs everything on tiny maps."""

from __future__ import annotations

from pathlib import Path

import pytest

from argmap import anchor, sources, store
from argmap.check import check_map
from argmap.graph import MapGraph
from argmap.outline import outline
from benchmarks import generate, run
from benchmarks.registry import discover


def test_a_generated_map_has_every_shape_and_check_finds_only_hints(tmp_path: Path) -> None:
    path = generate.write_map(1500, tmp_path)
    mapfile = store.read(path)
    argmap = mapfile.map
    assert len(argmap.claims) == 1500
    assert not mapfile.duplicates
    findings = check_map(argmap, path)
    assert {f.severity for f in findings} == {"hint"}, [f for f in findings if f.severity != "hint"][:3]
    relations = argmap.relations.values()
    assert any(len(r.premises) > 1 for r in relations), "linked premises"
    assert any(r.target in argmap.relations for r in relations), "undercuts"
    graph = MapGraph(argmap)
    assert any(len(graph.parents(cid)) > 1 for cid in argmap.claims), "claims shared by several relations"
    assert max(len(graph.children(cid)) for cid in argmap.claims) >= 30, "bushy claims"
    assert any("ü" in c.text or "ö" in c.text for c in argmap.claims.values()), "German texts"
    assert any(c.translations for c in argmap.claims.values())
    anchors = [a for c in argmap.claims.values() for a in c.evidence]
    texts = {sid: sources.read_source_text(path, sid, source)[0] for sid, source in argmap.sources.items()}
    assert anchors and all(anchor.matches(a, texts[a.source]) for a in anchors)


def test_the_same_size_and_seed_give_the_same_bytes(tmp_path: Path) -> None:
    first = generate.write_map(300, tmp_path / "a").read_bytes()
    assert generate.write_map(300, tmp_path / "b").read_bytes() == first
    assert generate.write_map(300, tmp_path / "c", seed=2).read_bytes() != first


def test_a_deep_chain_is_generated_and_shown(tmp_path: Path) -> None:
    argmap, _ = generate.generate(4000, shape=generate.Shape(chains=3, chain_length=(1500, 1500), shared=0.0))
    depth = max(row.depth for row in outline(MapGraph(argmap)))
    assert depth > 1000


def test_every_benchmark_module_imports() -> None:
    modules = discover()
    assert [m for m in modules if m.error] == []
    assert all(module.measurements for module in modules), [m.name for m in modules if not m.measurements]
    assert "load" in [m.name for module in modules for m in module.measurements]


@pytest.mark.slow  # 45-107 s: every measurement is a fresh process
def test_the_runner_measures_every_plug_in_on_tiny_maps(tmp_path: Path) -> None:
    """Every measurement of every module runs on a tiny map (the TUI one with a single round of keys).

    One size only: each measurement at each size is a fresh process, about 0.4 s to start.
    Only the peers may be absent: the Argdown CLI (installed by dev.py) and arguebuf (the bench extra).
    """
    output = tmp_path / "performance.md"
    args = ["--sizes", "300", "--repeats", "1", "--output", str(output), "--cache", str(tmp_path / "cache")]
    assert run.main(args) == 0
    report = output.read_text()
    assert "## Machine" in report and "Python" in report
    names = [m.name for module in discover() for m in module.measurements]
    for name in names:
        assert f"| {name} | 300 |" in report, name
    optional_peers = ("@argdown/cli not installed", "arguebuf not installed")
    for line in report.splitlines():
        if "skipped" in line:
            assert any(peer in line for peer in optional_peers), line
    assert "failed" not in report
    assert "orjson.loads" in report and "Graphviz layout" in report
    assert "p95_ms" in report and "first_paint_s" in report


@pytest.mark.slow
def test_the_whole_command_benchmark_runs_on_tiny_maps(tmp_path: Path) -> None:
    """Every command it times exits as a command should, and its section names each target (not run at this size)."""
    import subprocess
    import sys

    output = tmp_path / "performance.md"
    arguments = ["--sizes", "40", "--repeats", "1", "--cache", str(tmp_path / "maps"), "--output", str(output)]
    subprocess.run([sys.executable, "-m", "benchmarks.commands", *arguments], check=True, cwd=run.ROOT)
    section = output.read_text(encoding="utf-8")
    rows = [line for line in section.splitlines() if line.startswith(("| generated | 40 |", "| Kialo-shaped | 40 |"))]
    assert len(rows) == 24
    assert "(exit" not in section, "a command failed"
    assert section.count("| not run |") == 9
