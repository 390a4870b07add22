"""Issue 14 item 10: the smaller holes, one test each."""

from __future__ import annotations

import json
import os
import subprocess
import time
from pathlib import Path

import pytest

from argmap import store
from argmap.errors import ArgmapError
from argmap.formats import mermaid, read, write
from argmap.model import Anchor, ArgMap, Claim, Relation, Source, Speaker
from tests.security.hostile import MERMAID_INIT, argmap_cli, argmap_process, map_with_source


@pytest.mark.parametrize("fmt", ["argdown", "kialo", "markdown", "mermaid", "aif", "xaif"])
def test_exports_of_a_map_with_a_dangling_id_end_in_one_clear_error(tmp_path: Path, fmt: str) -> None:
    path = tmp_path / "dangling.argmap.json"
    data = {
        "argmap": 1,
        "claims": {"t": {"kind": "thesis", "text": "T"}},
        "relations": {"r1": {"type": "support", "premises": ["ghost"], "target": "t"}},
    }
    path.write_text(json.dumps(data))
    result = argmap_cli("export", str(path), "--to", fmt)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "'ghost'" in result.stderr and str(path) in result.stderr


def test_stale_temp_files_of_killed_saves_are_removed_at_the_next_save(tmp_path: Path) -> None:
    path = tmp_path / "m.argmap.json"
    argmap = ArgMap(argmap=1, claims={"t": Claim(kind="thesis", text="T")})
    store.save(argmap, path)
    stale, fresh = tmp_path / ".m.argmap.json.ab3_xyz9.tmp", tmp_path / ".m.argmap.json.zz99abcd.tmp"
    others = [tmp_path / ".other.argmap.json.ab3_xyz9.tmp", tmp_path / "m.argmap.json.ab3_xyz9.tmp"]
    for place in (stale, fresh, *others):
        place.write_text("half a save")
    long_ago = time.time() - store.STALE_TEMP_SECONDS - 10
    for place in (stale, *others):
        os.utime(place, (long_ago, long_ago))
    store.save(argmap, path)
    assert not stale.exists(), "a killed save's temp file is removed"
    assert fresh.exists(), "a temp file that may belong to a save under way is kept"
    assert all(place.exists() for place in others), "only this map's own temp files are touched"


ODD = "  lead\u2028middle\u0085 trail \u2028"


@pytest.mark.parametrize("fmt", ["aif", "xaif"])
def test_aif_round_trip_keeps_whitespace_and_line_separators(fmt: str) -> None:
    argmap = ArgMap(
        argmap=1,
        title=ODD,
        sources={"s": Source(title=ODD)},
        speakers={"sp": Speaker(name=ODD, role=ODD)},
        claims={
            "t": Claim(kind="thesis", text=ODD, note=ODD, translations={"de": ODD}),
            "r": Claim(text="\x85x", evidence=(Anchor(source="s", quote=ODD, start=0, end=len(ODD), speaker="sp"),)),
        },
        relations={"r-r": Relation(type="support", premises=("r",), target="t", note=ODD)},
    )
    text, _ = write(fmt, argmap)
    assert read(fmt, text, "x").map == argmap


def test_argdown_import_decodes_yaml_escapes_in_the_title() -> None:
    title = 'A "quoted" title \\ with a backslash'
    argmap = ArgMap(argmap=1, title=title, claims={"t": Claim(kind="thesis", text="T")})
    text, _ = write("argdown", argmap)
    assert read("argdown", text, "x").map.title == argmap.title
    written = '===\ntitle: "tab\\there \\x41 \\u00e9 \\L \\ud800"\n===\n\n[T]: t\n'
    assert read("argdown", written, "x").map.title == "tab\there A é \u2028 \\ud800"
    assert read("argdown", "===\ntitle: 'it''s'\n===\n\n[T]: t\n", "x").map.title == "it's"


def test_diff_never_hands_git_an_option(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    repo.mkdir()
    git = ["git", "-C", str(repo), "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run([*git, "init", "-q"], check=True)
    store.save(ArgMap(argmap=1, claims={"t": Claim(kind="thesis", text="T")}), repo / "m.argmap.json")
    subprocess.run([*git, "add", "-A"], check=True)
    subprocess.run([*git, "commit", "-qm", "one"], check=True)
    written = tmp_path / "written"
    result = argmap_cli("diff", "--", f"--output={written}:m.argmap.json", "m.argmap.json", cwd=repo)
    assert result.returncode == 2 and "cannot begin with '-'" in result.stderr
    assert not written.exists()
    assert argmap_cli("diff", "HEAD:m.argmap.json", "m.argmap.json", cwd=repo).returncode == 0


def test_a_mermaid_directive_in_a_label_is_neutralised() -> None:
    argmap = ArgMap(argmap=1, title=MERMAID_INIT, claims={"t": Claim(kind="thesis", text=f"T {MERMAID_INIT}")})
    text, _ = mermaid.write(argmap)
    assert "%%" not in text and "%" not in text.replace("#37;", "")


def test_a_fifo_named_as_the_map_is_refused_at_once(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.argmap.json"
    os.mkfifo(fifo)
    for command in (["show"], ["check"], ["textconv"], ["export", "--to", "markdown"], ["render", "-o", "x.svg"]):
        result = argmap_process(*command, str(fifo), timeout=20)
        assert result.returncode == 2, (command, result.stderr)
        assert "a FIFO" in result.stderr and "Traceback" not in result.stderr
    result = argmap_process("import", str(fifo), "--from", "aif", timeout=20)
    assert result.returncode == 2 and "a FIFO" in result.stderr


@pytest.mark.parametrize(
    ("field", "value"),
    [("implicit", "yes"), ("base_score", "0.5"), ("base_score", True), ("implicit", 1)],
)
def test_the_file_model_takes_no_coerced_types(field: str, value: object) -> None:
    data = {"argmap": 1, "claims": {"t": {"kind": "thesis", "text": "T", field: value}}}
    with pytest.raises(ArgmapError, match=f"claims.t.{field}"):
        store.loads(json.dumps(data).encode())


def test_strict_types_still_read_whole_numbers_as_numbers(tmp_path: Path) -> None:
    data = {"argmap": 1, "claims": {"t": {"kind": "thesis", "text": "T", "base_score": 1}}}
    assert store.loads(json.dumps(data).encode()).map.claims["t"].base_score == 1.0
    assert store.load(map_with_source(tmp_path, "text.txt")).claims["thesis"].evidence[0].end == 4
