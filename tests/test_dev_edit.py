"""``python3 dev.py edit`` opens a working copy of the seed map: trying the editor cannot change what tests read."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from argmap import store

ROOT = Path(__file__).resolve().parent.parent


def load_dev():
    spec = importlib.util.spec_from_file_location("dev", ROOT / "dev.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_working_copy_holds_the_seed_map_and_its_sources_and_keeps_edits(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dev = load_dev()
    monkeypatch.setattr(dev, "WORKING_COPY", tmp_path / "seed-map")
    monkeypatch.setattr(dev, "ROOT", tmp_path)
    copy = dev.working_copy()
    assert copy.parent == tmp_path / "seed-map" and copy.read_bytes() == dev.SEED_MAP.read_bytes()
    for source in store.load(copy).sources.values():
        assert (copy.parent / source.path).is_file()
    copy.write_bytes(copy.read_bytes().replace(b"convenience", b"necessity", 1))
    assert dev.working_copy().read_bytes() != dev.SEED_MAP.read_bytes(), "an edited copy is kept"
    assert ".cache/" in (ROOT / ".gitignore").read_text().splitlines()
