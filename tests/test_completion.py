"""Tab completion in a real bash: commands, options, map files and the claim ids of the map on the line."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED = "maps/partnership-of-convenience.argmap.json"

ASK_BASH = r"""
source <(argmap completion bash)
COMP_LINE="$1"; COMP_POINT=${#COMP_LINE}
read -ra COMP_WORDS <<< "$COMP_LINE"
[[ "$COMP_LINE" == *" " ]] && COMP_WORDS+=("")
COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
_python_argcomplete argmap
printf '%s\n' "${COMPREPLY[@]}"
"""

pytestmark = pytest.mark.needs("bash")  # completion is tested in bash


def completions(line: str, cwd: Path = ROOT) -> list[str]:
    """What bash offers for TAB at the end of ``line``, through the script ``argmap completion bash`` prints."""
    path = f"{Path(sys.executable).parent}:/usr/bin:/bin"
    result = subprocess.run(
        ["bash", "-c", ASK_BASH, "bash", line],
        cwd=cwd,
        env={"PATH": path, "HOME": str(cwd)},
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return [word.strip() for word in result.stdout.splitlines() if word.strip()]


def test_command_names_complete() -> None:
    assert completions("argmap re") == ["render", "resolve"]


def test_options_complete_after_a_dash() -> None:
    assert completions(f"argmap render {SEED} --the") == ["--theme"]
    assert "--theme" not in completions(f"argmap render {SEED} ")


def test_map_arguments_offer_maps_and_folders_only(tmp_path: Path) -> None:
    (tmp_path / "debate.argmap.json").write_text("{}")
    (tmp_path / "notes.txt").write_text("")
    (tmp_path / "drafts").mkdir()
    assert sorted(completions("argmap check ", cwd=tmp_path)) == ["debate.argmap.json", "drafts/"]


def test_claim_ids_come_from_the_map_on_the_line(tmp_path: Path) -> None:
    claims = {"thesis": {}, "no-economic-ties": {}, "no-exclusive-supplier": {}, "arms-need": {}}
    relations = {"r-no-economic-ties": {}, "r-arms-need": {}}
    (tmp_path / "m.argmap.json").write_text(json.dumps({"argmap": 1, "claims": claims, "relations": relations}))
    assert completions("argmap render m.argmap.json --focus no-", cwd=tmp_path) == [
        "no-economic-ties",
        "no-exclusive-supplier",
    ]
    assert completions("argmap score m.argmap.json r-a", cwd=tmp_path) == ["r-arms-need"]
    assert completions(f"argmap render {SEED} --focus thes") == ["thesis"]


def test_an_unreadable_map_offers_no_ids(tmp_path: Path) -> None:
    (tmp_path / "broken.argmap.json").write_text("{not json")
    assert completions("argmap render broken.argmap.json --focus ", cwd=tmp_path) == []


def test_zsh_and_fish_scripts_are_printed() -> None:
    for shell in ("zsh", "fish"):
        script = subprocess.run(
            [sys.executable, "-m", "argmap", "completion", shell], capture_output=True, text=True, check=True
        ).stdout
        assert "argmap" in script and "_ARGCOMPLETE" in script
