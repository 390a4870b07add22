"""argmap import and argmap export as a user types them."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest
from formats_support import ROOT, corpus, structure

from argmap import formats, store
from argmap.anchor import matches
from argmap.cli import main
from tests import in_process

SEED_MAP = ROOT / "maps" / "partnership-of-convenience.argmap.json"


def argmap(*args: str, stdin: bytes | None = None, cwd: Path = ROOT) -> subprocess.CompletedProcess[bytes]:
    return in_process.run(*args, stdin=stdin, cwd=cwd, env={**os.environ, "NO_COLOR": "1"}, text=False)


def test_import_writes_the_map_and_the_recovered_source_text(tmp_path: Path) -> None:
    nodeset = corpus("aif") / "ova3-xaif-min.json"
    out = tmp_path / "ova.argmap.json"
    result = argmap("import", str(nodeset), "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert b"2 claims, 1 relations, 4 locutions, 1 transitions" in result.stderr
    mapfile = store.load(out)
    ((_source_id, source),) = mapfile.sources.items()
    text = (tmp_path / source.path).read_text(encoding="utf-8")
    assert all(matches(a, text) for c in mapfile.claims.values() for a in c.evidence)
    again = argmap("import", str(nodeset), "-o", str(out))
    assert again.returncode == 2 and b"already exists" in again.stderr


def test_import_from_stdin_to_stdout_with_a_named_format() -> None:
    kialo = b"Discussion Title: T\r\n\r\n1. A\r\n1.1. Con: B\r\n"
    result = argmap("import", "-", "--from", "kialo", stdin=kialo)
    assert result.returncode == 0, result.stderr
    imported = store.loads(result.stdout).map
    assert {c.text for c in imported.claims.values()} == {"A", "B"}
    sniffed = argmap("import", "-", stdin=kialo)
    assert store.loads(sniffed.stdout).map == imported


@pytest.mark.parametrize(
    ("args", "stdin", "message"),
    [
        (["import", "-", "--from", "aif"], b'{"nodes": [', b"malformed JSON"),
        (["import", "-", "--from", "argdown"], b"  + orphan relation\n", b"Argdown"),
        (["import", "-", "--from", "kialo"], b"\xff\xfe", b"not UTF-8"),
        (["import", "-", "--from", "markdown"], b"x", b"cannot import from"),
        (["import", "no-such-file.argdown"], None, b"no such file"),
        (["export", "-", "--to", "argdown"], b"{}", b"not an argmap map"),
        (["export", "-"], b"{}", b"which format"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(args: list[str], stdin: bytes | None, message: bytes) -> None:
    result = argmap(*args, stdin=stdin)
    assert result.returncode == 2
    assert message in result.stderr and result.stderr.count(b"\n") == 1 and b"Traceback" not in result.stderr


def test_export_every_format_from_the_seed_map(tmp_path: Path) -> None:
    if not SEED_MAP.exists():
        pytest.skip("the seed map is not in this checkout")
    seed = store.load(SEED_MAP)
    for fmt, name in [
        ("argdown", "s.argdown"),
        ("aif", "s.aif.json"),
        ("xaif", "s.xaif.json"),
        ("kialo", "s.kialo"),
        ("markdown", "s.md"),
        ("mermaid", "s.mmd"),
    ]:
        out = tmp_path / name
        assert main(["export", str(SEED_MAP), "-o", str(out)]) == 0, fmt  # in-process: six runs stay fast
        assert out.read_text(encoding="utf-8").strip()
    xaif = json.loads((tmp_path / "s.xaif.json").read_text(encoding="utf-8"))
    assert xaif["text"].count('class="highlighted"') > 30
    back = tmp_path / "back.argmap.json"
    assert main(["import", str(tmp_path / "s.aif.json"), "-o", str(back)]) == 0
    assert store.load(back) == seed
    piped = argmap("export", "-", "--to", "argdown", stdin=SEED_MAP.read_bytes())
    assert piped.returncode == 0 and b"Argdown ignores: basis kinds (13)" in piped.stderr
    assert structure(store.load(SEED_MAP)) == structure(
        store.loads(argmap("import", "-", "--from", "argdown", stdin=piped.stdout).stdout).map
    )


@pytest.mark.parametrize(("command", "reading"), [("import", True), ("export", False)])
def test_help_lists_exactly_the_formats_the_command_takes(
    command: str, reading: bool, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit):
        main([command, "--help"])
    help_text = capsys.readouterr().out
    listed = help_text.split("formats (")[1].split("\n\n")[0].splitlines()[1:]
    assert [line.split()[0] for line in listed] == [f.name for f in formats.able(reading=reading)]
    assert ("markdown" in help_text) is not reading and ("sadface" in help_text) is reading
    assert f"argmap {command} " in help_text.split("examples:")[1]


def test_several_aif_files_imported_into_one_folder_keep_their_own_transcripts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    names = ["us-2016-nodeset10609", "aifdb-nodeset6064-arguebuf"]
    for name in names:
        assert main(["import", str(corpus("aif") / f"{name}.json"), "-o", str(tmp_path / f"{name}.argmap.json")]) == 0
    assert sorted(p.name for p in tmp_path.glob("*.txt")) == sorted(f"{name}.transcript.txt" for name in names)
    capsys.readouterr()
    main(["check", "--format", "json", *(str(tmp_path / f"{name}.argmap.json") for name in names)])
    report = json.loads(capsys.readouterr().out)
    assert [entry["readable"] for entry in report] == [True, True]
    findings = [finding for entry in report for finding in entry["findings"]]
    assert not [finding for finding in findings if finding["severity"] == "error"]
    for name in names:
        mapfile = store.load(tmp_path / f"{name}.argmap.json")
        text = (tmp_path / f"{name}.transcript.txt").read_text(encoding="utf-8")
        assert all(matches(a, text) for c in mapfile.claims.values() for a in c.evidence)
