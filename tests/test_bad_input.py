"""Every unreadable input (docs/security.md) ends in one line on stderr and exit 2, never a traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from argmap import store
from argmap.model import ArgMap
from tests import in_process

ROOT = Path(__file__).resolve().parent.parent


def argmap(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return in_process.run(*args, cwd=cwd)


def _one_line_error(result: subprocess.CompletedProcess[str], *expected: str) -> str:
    assert result.returncode == 2, result
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    for part in expected:
        assert part in lines[0], lines[0]
    return lines[0]


@pytest.mark.parametrize("command", ["check", "show"])
def test_malformed_json_names_line_and_column(tmp_path: Path, uniforms_map: ArgMap, command: str) -> None:
    path = tmp_path / "cut.argmap.json"
    path.write_bytes(store.dumps(uniforms_map)[:300])
    line = _one_line_error(argmap(command, str(path)), str(path), "malformed JSON", "truncated")
    place = line.removeprefix(f"argmap: {path}:").split(":")
    assert place[0].isdigit() and place[1].isdigit(), "line and column"


def test_schema_error_names_the_json_path(tmp_path: Path, uniforms_map: ArgMap) -> None:
    path = tmp_path / "bad.argmap.json"
    path.write_text(store.dumps(uniforms_map).decode().replace('"type": "attack"', '"type": "attak"', 1))
    _one_line_error(argmap("show", str(path)), "relations.", ".type", "'support', 'attack'")


def test_unknown_field(tmp_path: Path, uniforms_map: ArgMap) -> None:
    path = tmp_path / "bad.argmap.json"
    path.write_text(store.dumps(uniforms_map).decode().replace('"text": "Uniforms cost', '"txt": "Uniforms cost'))
    _one_line_error(argmap("show", str(path)), "claims.cost.txt", "unknown field")


def test_newer_format_version(tmp_path: Path, uniforms_map: ArgMap) -> None:
    path = tmp_path / "new.argmap.json"
    path.write_text(store.dumps(uniforms_map).decode().replace('"argmap": 1', '"argmap": 7'))
    _one_line_error(argmap("check", str(path)), "newer argmap", "upgrade")


def test_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "latin1.argmap.json"
    path.write_bytes('{"argmap": 1, "title": "Gr\u00fc\u00dfe"}'.encode("latin-1"))
    _one_line_error(argmap("check", str(path)), "not UTF-8")


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.argmap.json"
    path.write_bytes(b"")
    _one_line_error(argmap("show", str(path)), "empty")


def test_directory(tmp_path: Path) -> None:
    _one_line_error(argmap("show", str(tmp_path)), "directory")


def test_missing_file(tmp_path: Path) -> None:
    _one_line_error(argmap("show", str(tmp_path / "nope.argmap.json")), "no such file")


def test_enormous_file_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.argmap.json"
    with path.open("wb") as handle:
        handle.truncate(store.MAX_BYTES + 1)
    _one_line_error(argmap("check", str(path)), "MiB")


def test_a_file_that_is_not_a_map(tmp_path: Path) -> None:
    path = tmp_path / "package.json"
    path.write_text('{"name": "left-pad", "version": "1.3.0"}\n')
    _one_line_error(argmap("check", str(path)), "not an argmap map")


def test_json_that_is_not_an_object(tmp_path: Path) -> None:
    path = tmp_path / "list.argmap.json"
    path.write_text("[1, 2, 3]\n")
    _one_line_error(argmap("show", str(path)), "not an argmap map")


def test_check_keeps_going_and_exits_2_when_one_map_is_unreadable(tmp_path: Path, uniforms_path: Path) -> None:
    broken = tmp_path / "broken.argmap.json"
    broken.write_text("{")
    result = argmap("check", "--no-hints", str(uniforms_path), str(broken))
    assert result.returncode == 2
    assert "no findings" in result.stdout
    assert "Traceback" not in result.stderr


def test_writing_into_a_missing_folder_is_one_line(tmp_path: Path) -> None:
    seed = Path(__file__).resolve().parent.parent / "maps" / "partnership-of-convenience.argmap.json"
    missing = tmp_path / "no-such-folder" / "out.argmap.json"
    result = subprocess.run(
        [sys.executable, "-m", "argmap", "export", str(seed), "--to", "argdown", "-o", str(missing)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "does not exist" in result.stderr and "Traceback" not in result.stderr
