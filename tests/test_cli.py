"""The commands as a user types them: new, show, help."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from argmap import store
from tests import in_process

ROOT = Path(__file__).resolve().parent.parent


def argmap(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return in_process.run(*args, cwd=ROOT, env={**os.environ, **env})


def test_new_creates_a_map_with_its_source(tmp_path: Path) -> None:
    text = tmp_path / "sources" / "speech.de.txt"
    text.parent.mkdir()
    text.write_text("Wir müssen handeln.\n")
    path = tmp_path / "speech.argmap.json"
    result = argmap("new", str(path), "--thesis", "We must act.", "--source", str(text))
    assert result.returncode == 0, result.stderr
    argmap_ = store.load(path)
    assert argmap_.claims["thesis"].text == "We must act."
    (source,) = argmap_.sources.values()
    assert source.path == "sources/speech.de.txt" and source.language == "de" and len(source.sha256) == 64
    again = argmap("new", str(path), "--thesis", "Other.")
    assert again.returncode == 2 and "already exists" in again.stderr


def test_new_insists_on_the_file_name(tmp_path: Path) -> None:
    result = argmap("new", str(tmp_path / "speech.json"), "--thesis", "We must act.")
    assert result.returncode == 2 and "*.argmap.json" in result.stderr


def test_show_prints_the_outline_with_markers(uniforms_path: Path) -> None:
    result = argmap("show", "--ids", str(uniforms_path), NO_COLOR="1")
    assert result.returncode == 0
    assert "\x1b[" not in result.stdout
    lines = result.stdout.splitlines()
    assert lines[1].startswith("■ thesis  School uniforms should be required.")
    assert "    + linked reason" in lines[2]
    assert any(line.startswith("        ⊘ undercut  Bullying moves to other markers.") for line in lines)
    assert any(line.startswith("        & co-premise  Uniforms reduce bullying.") for line in lines)
    assert any(line.startswith("    − objection  Uniforms cost families money. [cost]") for line in lines)
    assert any(line.startswith("        − rebuttal  Schools can subsidise them.") for line in lines)


def test_show_in_another_language_falls_back_to_the_original(uniforms_path: Path) -> None:
    text = uniforms_path.read_text().replace(
        '"text": "School uniforms should be required."',
        '"text": "School uniforms should be required.",\n'
        '      "translations": {\n        "de": "Schuluniformen!"\n      }',
    )
    uniforms_path.write_text(text)
    result = argmap("show", "--lang", "de", str(uniforms_path), NO_COLOR="1")
    assert "■ thesis  Schuluniformen!" in result.stdout
    assert "Uniforms cost families money." in result.stdout


@pytest.mark.parametrize("command", ["new", "check", "show", "schema"])
def test_every_command_has_help_with_an_example(command: str) -> None:
    result = argmap(command, "--help")
    assert result.returncode == 0
    assert "example" in result.stdout and "argmap " in result.stdout


def test_python_dash_m_and_version() -> None:
    result = argmap("--version")
    assert result.returncode == 0 and result.stdout.startswith("argmap ")


def test_show_with_strength_matches_eval(uniforms_path: Path) -> None:
    from argmap.evaluate import evaluate

    result = argmap("show", "--strength", str(uniforms_path), NO_COLOR="1")
    assert result.returncode == 0, result.stderr
    evaluation = evaluate(store.load(uniforms_path))
    thesis_line = result.stdout.splitlines()[1]
    assert thesis_line.endswith(evaluation.claims["thesis"].badge())
    assert "OUT" in result.stdout or "IN" in result.stdout


def test_commands_run_with_the_cycle_collector_paused_the_editor_does_not(monkeypatch: pytest.MonkeyPatch) -> None:
    """A command's large records would make the collector walk them again and again; the editor runs for hours."""
    import gc

    import argmap.cli.check as check_command
    from argmap.cli import COMMANDS, build_parser, main

    seen: list[bool] = []

    def spy(args: object) -> int:
        seen.append(gc.isenabled())
        return 0

    monkeypatch.setattr(check_command, "run", spy)
    assert gc.isenabled()
    assert main(["check", "any.argmap.json"]) == 0
    assert seen == [False]
    assert gc.isenabled(), "the collector is running again after the command"
    arguments = {"edit": ["m.argmap.json"], "check": ["m.argmap.json"], "diff": ["a", "b"]}
    for command in arguments:
        assert command in COMMANDS
        assert build_parser(command).parse_args([command, *arguments[command]]).interactive is (command == "edit")
