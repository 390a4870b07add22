"""``argmap render`` as a user types it."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from render_maps import classroom_map

from argmap import store
from tests import in_process

ROOT = Path(__file__).resolve().parent.parent


def argmap(*args: str, **env: str) -> subprocess.CompletedProcess[bytes]:
    return in_process.run(*args, cwd=ROOT, env={**os.environ, **env}, text=False)


def test_format_from_extension_and_options(tmp_path: Path) -> None:
    path = tmp_path / "nk.argmap.json"
    store.save(classroom_map(), path)
    out = tmp_path / "nk.dot"
    options = ["--theme", "print", "--numbers", "--lang", "de", "--depth", "1"]
    result = argmap("render", str(path), "-o", str(out), *options)
    assert result.returncode == 0, result.stderr
    assert result.stdout.decode().strip() == f"wrote {out}"
    dot = out.read_text()
    assert "Zweckpartnerschaft" in dot and "EINWAND · 1.2<" in dot
    assert 'color="black"' in dot and "weitere darunter" in dot


def test_stdout_and_several_maps_into_a_folder(tmp_path: Path) -> None:
    first, second = tmp_path / "a.argmap.json", tmp_path / "b.argmap.json"
    store.save(classroom_map(), first)
    store.save(classroom_map(), second)
    piped = argmap("render", str(first), "-o", "-")
    assert piped.returncode == 0 and piped.stdout.startswith(b"<?xml") and b"<svg" in piped.stdout
    assert argmap("render", str(first), "-o", "-", "--format", "dot").stdout.startswith(b"digraph argmap {")
    result = argmap("render", str(first), str(second), "-d", str(tmp_path / "pictures"), "--format", "svg")
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in (tmp_path / "pictures").iterdir()) == ["a.svg", "b.svg"]


def test_one_broken_map_among_several_fails_alone(tmp_path: Path) -> None:
    good, bad = tmp_path / "good.argmap.json", tmp_path / "bad.argmap.json"
    store.save(classroom_map(), good)
    bad.write_text("{not json")
    result = argmap("render", str(bad), str(good), "--format", "dot")
    assert result.returncode == 2
    assert (tmp_path / "good.dot").exists() and not (tmp_path / "bad.dot").exists()
    errors = result.stderr.decode().strip().splitlines()
    assert len(errors) == 1 and errors[0].startswith(f"argmap: {bad}")


def test_usage_errors_are_one_line(tmp_path: Path) -> None:
    path = tmp_path / "nk.argmap.json"
    store.save(classroom_map(), path)
    cases = [
        (["-o", str(tmp_path / "x.gif")], "cannot tell the format"),
        (["--focus", "nope"], "--focus 'nope'"),
        (["--wrap", "3"], "too narrow"),
        ([str(path), "-o", str(tmp_path / "two.svg")], "for several maps use -d DIR"),
    ]
    for extra, message in cases:
        result = argmap("render", str(path), *extra)
        stderr = result.stderr.decode()
        assert result.returncode == 2 and message in stderr and stderr.count("\n") == 1, (extra, stderr)


def test_png_without_graphviz_says_how_to_get_it(tmp_path: Path) -> None:
    path = tmp_path / "nk.argmap.json"
    store.save(classroom_map(), path)
    result = argmap("render", str(path), "-o", str(tmp_path / "nk.png"), PATH="/nonexistent")
    stderr = result.stderr.decode()
    assert result.returncode == 2 and stderr.count("\n") == 1
    assert "apt install graphviz" in stderr and "brew install graphviz" in stderr
    svg = argmap("render", str(path), "-o", str(tmp_path / "nk.svg"), PATH="/nonexistent")
    assert svg.returncode == 0 and svg.stdout.decode().strip() == f"wrote {tmp_path / 'nk.svg'}", "nothing leaks"
    assert (tmp_path / "nk.svg").read_bytes().startswith(b"<?xml")


def test_help_shows_examples() -> None:
    result = argmap("render", "--help")
    assert result.returncode == 0 and b"examples:" in result.stdout and b"--theme" in result.stdout


def test_strength_prints_labels_and_thickens_strong_claims(tmp_path: Path) -> None:
    seed = ROOT / "maps" / "partnership-of-convenience.argmap.json"
    result = argmap("render", str(seed), "-o", "-", "--format", "dot", "--strength", "--theme", "print")
    assert result.returncode == 0, result.stderr
    dot = result.stdout.decode()
    from argmap.evaluate import evaluate

    evaluation = evaluate(store.load(seed))
    for cid, standing in evaluation.claims.items():
        line = next(line for line in dot.splitlines() if line.startswith(f'  "{cid}" ['))
        assert standing.badge() in line, cid
    widths = {
        line.split("penwidth=")[1].split()[0].strip('",];')
        for line in dot.splitlines()
        if line.startswith('  "') and "penwidth=" in line
    }
    assert len(widths) > 3, "frames differ with strength"
