"""Issue 14 items 1 and 2: a map's sources are regular files inside its folder; nothing else is read or written."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from argmap import store
from argmap.sources import MAX_SOURCE_BYTES, SOURCE_DIRS_SETTING
from tests.security.hostile import argmap_cli, map_with_source

SECRET = "root:x:0:0:the secret outside the map's folder\n"


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    """A secret file beside, not inside, the folder the maps live in."""
    secret = tmp_path / "secret.txt"
    secret.write_text(SECRET)
    return secret


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "maps").mkdir()
    return tmp_path / "maps"


def check_json(map_path: Path, **env: str) -> list[dict[str, str]]:
    result = argmap_cli("check", "--format", "json", str(map_path), env={**os.environ, **env})
    assert "Traceback" not in result.stderr
    return json.loads(result.stdout)[0]["findings"]


def refused(map_path: Path, **env: str) -> list[str]:
    return [f["message"] for f in check_json(map_path, **env) if f["code"] == "source-refused"]


@pytest.mark.parametrize("how", ["absolute", "dotdot", "symlink"])
def test_a_source_outside_the_folder_is_a_check_error_and_never_exported(folder: Path, outside: Path, how: str) -> None:
    if how == "symlink":
        (folder / "innocent.txt").symlink_to(outside)
    path = {"absolute": str(outside), "dotdot": "../secret.txt", "symlink": "innocent.txt"}[how]
    map_path = map_with_source(folder, path)
    (message,) = refused(map_path)
    assert "'s'" in message, "the error names the source"
    exported = argmap_cli("export", str(map_path), "--to", "xaif")
    assert exported.returncode == 0, exported.stderr
    assert "the secret" not in exported.stdout
    assert "not embedded" in exported.stderr


@pytest.mark.parametrize("kind", ["fifo", "device", "directory", "too-large"])
def test_special_files_are_refused_without_blocking_or_reading(folder: Path, kind: str) -> None:
    target = folder / "text.txt"
    if kind == "fifo":
        os.mkfifo(target)
    elif kind == "device":
        target.symlink_to("/dev/zero")  # allowed folder, so only the file type refuses it
    elif kind == "directory":
        target.mkdir()
    else:
        with open(target, "wb") as handle:
            handle.truncate(MAX_SOURCE_BYTES + 1)  # sparse: nothing is written to disk
    map_path = map_with_source(folder, "text.txt")
    env = {SOURCE_DIRS_SETTING: "/dev"} if kind == "device" else {}
    (message,) = refused(map_path, **env)
    expected = {"fifo": "a FIFO", "device": "a device", "directory": "a directory", "too-large": "larger than"}[kind]
    assert expected in message
    exported = argmap_cli("export", str(map_path), "--to", "xaif", env={**os.environ, **env})
    assert exported.returncode == 0 and "not embedded" in exported.stderr


def test_nul_in_a_source_path_is_a_clean_error(folder: Path) -> None:
    map_path = map_with_source(folder, "text.txt")
    map_path.write_text(map_path.read_text().replace('"path": "text.txt"', '"path": "te\\u0000xt.txt"'))
    (message,) = refused(map_path)
    assert "NUL" in message


def test_the_user_may_allow_a_folder_outside_but_a_map_cannot(folder: Path, outside: Path) -> None:
    map_path = map_with_source(folder, str(outside))
    assert refused(map_path)
    assert not refused(map_path, **{SOURCE_DIRS_SETTING: str(outside.parent)})


def test_new_refuses_a_source_outside_the_folder(folder: Path, outside: Path) -> None:
    result = argmap_cli("new", str(folder / "n.argmap.json"), "--thesis", "T.", "--source", str(outside))
    assert result.returncode == 2 and "outside the map's folder" in result.stderr and "Traceback" not in result.stderr
    assert not (folder / "n.argmap.json").exists()
    fifo = folder / "pipe.txt"
    os.mkfifo(fifo)
    result = argmap_cli("new", str(folder / "n.argmap.json"), "--thesis", "T.", "--source", str(fifo))
    assert result.returncode == 2 and "a FIFO" in result.stderr


def hostile_xaif(tmp_path: Path, path: str) -> Path:
    """argmap's own xAIF export of a quoted text, its ``argmap`` extension edited to name ``path`` for the text."""
    origin = tmp_path / "origin"
    origin.mkdir()
    (origin / "text.txt").write_text("root of it all")
    exported = argmap_cli("export", str(map_with_source(origin, "text.txt")), "--to", "xaif")
    document = json.loads(exported.stdout)
    assert document["AIF"]["argmap"]["text_source"] == "s"
    document["AIF"]["argmap"]["sources"]["s"]["path"] = path
    xaif = tmp_path / "e.xaif.json"
    xaif.write_text(json.dumps(document))
    return xaif


@pytest.mark.parametrize("force", [False, True])
def test_import_never_writes_where_the_file_says(tmp_path: Path, folder: Path, force: bool) -> None:
    pwned = tmp_path / "PWNED"
    climbing = hostile_xaif(tmp_path, str(pwned))
    result = argmap_cli("import", str(climbing), "-o", str(folder / "m.argmap.json"), *(["--force"] if force else []))
    assert result.returncode == 0, result.stderr
    assert not pwned.exists()
    imported = store.load(folder / "m.argmap.json")
    assert imported.sources["s"].path == "m.s.txt"
    assert (folder / "m.s.txt").read_text() == "root of it all"
    assert not [f for f in check_json(folder / "m.argmap.json") if f["code"].startswith("source")]


def test_import_keeps_a_different_text_beside_the_map(tmp_path: Path, folder: Path) -> None:
    mine = folder / "m.s.txt"
    mine.write_text("my own notes")
    result = argmap_cli(
        "import", str(hostile_xaif(tmp_path, "m.s.txt")), "-o", str(folder / "m.argmap.json"), "--force"
    )
    assert result.returncode == 0, result.stderr
    assert mine.read_text() == "my own notes"
    assert store.load(folder / "m.argmap.json").sources["s"].path == "m.s-2.txt"
    assert "m.s-2.txt" in result.stderr
