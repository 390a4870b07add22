"""Issue 14 items 3 and 4: no map text reaches the terminal raw, and every textconv field is one line."""

from __future__ import annotations

import json
import os
import re
import subprocess
from pathlib import Path

import pytest

from argmap import store
from argmap.model import ArgMap, Claim
from argmap.textconv import outline
from tests.security.hostile import ATTACK, FAKE_LINE, RAW_CONTROLS, argmap_cli, hostile_map, without_newlines


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    path = tmp_path / "hostile.argmap.json"
    store.save(hostile_map(), path)
    return path


COLOURS = re.compile(r"\x1b\[[0-9;]*m")
"""The colour codes argmap itself writes (FORCE_COLOR): the only escapes allowed through."""


def assert_safe(output: str) -> None:
    raw = sorted({repr(c) for c in COLOURS.sub("", output) if c in RAW_CONTROLS})
    assert not raw, f"raw control characters reach the terminal: {raw}"


@pytest.mark.parametrize(
    "command",
    [
        ["show", "--quotes", "--ids", "--lang", f"de{FAKE_LINE}"],
        ["show", "--strength"],
        ["eval"],
        ["textconv"],
        ["check"],
        *(["export", "--to", fmt] for fmt in ("argdown", "markdown", "kialo", "mermaid", "aif", "xaif")),
    ],
    ids=lambda command: "-".join(command[:3]),
)
def test_commands_print_no_raw_control_characters(hostile: Path, command: list[str]) -> None:
    result = argmap_cli(*command, str(hostile), env={**os.environ, "FORCE_COLOR": "1"})
    assert result.returncode in (0, 1), result.stderr
    assert_safe(result.stdout)
    assert_safe(result.stderr)
    assert any(sign in result.stdout for sign in ("␛", "\\u001b", "\\x1b")), "the escape is shown, not dropped"


def test_json_exports_to_stdout_keep_the_text_exact(hostile: Path) -> None:
    result = argmap_cli("export", "--to", "aif", str(hostile))
    texts = {node["text"] for node in json.loads(result.stdout)["nodes"]}
    assert hostile_map().claims["objection"].text in texts


def test_diff_shows_changes_visibly(hostile: Path, tmp_path: Path) -> None:
    before = tmp_path / "before.argmap.json"
    argmap = hostile_map()
    calm = {cid: claim.model_copy(update={"text": "calm", "tags": ()}) for cid, claim in argmap.claims.items()}
    store.save(argmap.model_copy(update={"claims": calm, "title": "calm"}), before)
    result = argmap_cli("diff", str(before), str(hostile))
    assert result.returncode == 1, result.stderr
    assert_safe(result.stdout)
    assert "␛[2J" in result.stdout


def test_errors_naming_hostile_paths_are_visible(tmp_path: Path) -> None:
    result = argmap_cli("show", str(tmp_path / "\x1b]52;c;cHduZWQ=\x07.argmap.json"))
    assert result.returncode == 2
    assert_safe(result.stderr)


def test_textconv_gives_every_field_one_line() -> None:
    """A newline in any field (tags, language, translation keys, scheme, answers, speakers…) adds no line."""
    argmap = hostile_map()
    text = outline(argmap)
    assert len(text.splitlines()) == len(outline(without_newlines(argmap)).splitlines())
    assert not any(line.startswith("+") for line in text.splitlines())
    assert_safe(text)


def test_textconv_of_a_broken_hostile_file_is_shown_visibly(tmp_path: Path) -> None:
    broken = tmp_path / "broken.argmap.json"
    broken.write_text(f'{{"argmap": 1, "title": "{ATTACK}"\n<<<<<<< ours\n')
    result = argmap_cli("textconv", str(broken))
    assert result.returncode == 0
    assert_safe(result.stdout)
    assert "<<<<<<< ours" in result.stdout


def test_git_diff_of_a_hostile_edit_adds_no_fake_claim_line(tmp_path: Path) -> None:
    """The reviewer's view: git diff through argmap's textconv shows the tag change as one line."""
    repo = tmp_path / "repo"
    repo.mkdir()
    git = ["git", "-C", str(repo), "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run([*git, "init", "-q"], check=True)
    assert argmap_cli("git-setup", cwd=repo).returncode == 0
    path = repo / "m.argmap.json"
    argmap = hostile_map()
    plain = argmap.claims["reason"].model_copy(update={"tags": ()})
    store.save(argmap.model_copy(update={"claims": {**argmap.claims, "reason": plain}}), path)
    subprocess.run([*git, "add", "-A"], check=True)
    subprocess.run([*git, "commit", "-qm", "one"], check=True)
    tagged = plain.model_copy(update={"tags": (f"x{FAKE_LINE}",)})
    store.save(argmap.model_copy(update={"claims": {**argmap.claims, "reason": tagged}}), path)
    diff = subprocess.run([*git, "diff"], capture_output=True, text=True, check=True).stdout
    added = [line for line in diff.splitlines() if line.startswith("+") and not line.startswith("+++")]
    assert len(added) == 1 and "tags:" in added[0]
    assert_safe(diff)


def test_merge_and_resolve_show_conflicts_visibly(tmp_path: Path) -> None:
    """A conflict about a hostile translation key: its id and both sides' values are printed visibly."""
    key = f"de{ATTACK}"
    maps = []
    for name, value in (("base", "a"), ("ours", f"b {ATTACK}"), ("theirs", f"c {ATTACK}")):
        argmap = ArgMap(argmap=1, claims={"t": Claim(kind="thesis", text="T", translations={key: value})})
        maps.append(tmp_path / f"{name}.argmap.json")
        store.save(argmap, maps[-1])
    merged = tmp_path / "merged.argmap.json"
    result = argmap_cli("merge", *map(str, maps), "-o", str(merged))
    assert result.returncode == 1, result.stderr
    assert_safe(result.stdout + result.stderr)
    listed = argmap_cli("resolve", str(merged))
    assert listed.returncode == 1, listed.stderr
    assert_safe(listed.stdout)
    assert "␛" in listed.stdout or "\\u001b" in listed.stdout
