"""argmap installs from a built wheel into a fresh environment and runs there, with its data files."""

from __future__ import annotations

import shutil
import subprocess
import sys
import venv
from pathlib import Path

import pytest

from argmap import __version__

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.slow


def run(*command: str | Path, cwd: Path) -> str:
    result = subprocess.run([str(c) for c in command], cwd=cwd, capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, f"{command}: {result.stdout}{result.stderr}"
    return result.stdout


def test_a_wheel_installs_and_runs_in_a_fresh_environment(tmp_path: Path) -> None:
    run(sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", tmp_path / "dist", ROOT, cwd=tmp_path)
    wheel = next((tmp_path / "dist").glob("argmap-*.whl"))
    venv.create(tmp_path / "env", with_pip=True)
    bin_dir = tmp_path / "env" / "bin"
    run(bin_dir / "python", "-m", "pip", "install", "--quiet", "--disable-pip-version-check", wheel, cwd=tmp_path)

    assert run(bin_dir / "argmap", "--version", cwd=tmp_path).strip() == f"argmap {__version__}"
    shutil.copytree(ROOT / "maps", tmp_path / "maps")
    seed = "maps/partnership-of-convenience.argmap.json"
    run(bin_dir / "argmap", "check", seed, cwd=tmp_path)
    run(bin_dir / "argmap", "render", seed, "-o", "map.svg", "--graphviz", "wasm", cwd=tmp_path)
    assert "<svg" in (tmp_path / "map.svg").read_text()
    count_data = (
        "from importlib.resources import files; import argmap; root = files(argmap);"
        "print(len(list(root.joinpath('tui').rglob('*.tcss'))), root.joinpath('schemes.json').is_file())"
    )
    packaged = run(bin_dir / "python", "-c", count_data, cwd=tmp_path)
    tcss_files, schemes = packaged.split()
    assert int(tcss_files) == len(list((ROOT / "argmap" / "tui").rglob("*.tcss"))) and schemes == "True"
