"""One numbering for the outline and the pictures: `show --numbers` and `render --numbers` agree, without gaps."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import SEED_MAP
from render_maps import classroom_map

from argmap import store
from argmap.graph import MapGraph
from argmap.numbering import claim_numbers, letter
from argmap.render import RenderOptions, build_dot


def test_numbers_follow_sibling_order_and_keep_first_place() -> None:
    numbers = claim_numbers(MapGraph(classroom_map()))
    assert numbers["thesis"] == "1"
    assert numbers["no-complementarity"] == "1.1"
    assert numbers["trade-fell"] == "1.1.1", "reached again under needs-shells, it keeps its first number"
    assert numbers["needs-shells"] == "1.2"
    assert numbers["transaction"] == "1.2.1"
    assert (numbers["sanctioned"], numbers["cannot-replace-europe"]) == ("1.3a", "1.3b")
    assert numbers["sanctions-bind"] == "1.3.1", "an undercut of reason 1.3 is numbered below it"


def test_letters_go_on_past_z() -> None:
    assert [letter(i) for i in (0, 1, 25, 26, 27)] == ["a", "b", "z", "aa", "ab"]


def _no_gaps(numbers: set[str]) -> None:
    """Siblings run 1..n (premises a..n) without a hole; 1.2a implies the linked reason 1.2."""
    steps = set()
    for number in numbers:
        for end in range(1, len(number) + 1):
            if end == len(number) or number[end] == "." or (number[end].isalpha() != number[end - 1].isalpha()):
                steps.add(number[:end])
    children: dict[str, set[str]] = {}
    for number in steps:
        match = re.fullmatch(r"(.*?)(?:\.(\d+)|([a-z]+))", number)
        if match is None:  # a root
            children.setdefault("", set()).add(number)
            continue
        parent = match.group(1)
        children.setdefault(parent + ("." if match.group(2) else "#"), set()).add(match.group(2) or match.group(3))
    for key, siblings in children.items():
        if key.endswith("#"):
            assert sorted(siblings, key=lambda s: (len(s), s)) == [letter(i) for i in range(len(siblings))], key
        else:
            assert sorted(map(int, siblings)) == list(range(1, len(siblings) + 1)), key


def _show_numbers(path: Path) -> dict[str, str]:
    """What `argmap show --numbers --ids` prints: claim id → number, from the real command."""
    done = subprocess.run(
        [sys.executable, "-m", "argmap", "show", str(path), "--numbers", "--ids"],
        capture_output=True,
        text=True,
        check=True,
        env={"NO_COLOR": "1", "COLUMNS": "1000", "PATH": "/usr/bin:/bin"},
    )
    found: dict[str, str] = {}
    for line in done.stdout.splitlines():
        match = re.match(r"\s*\S+ [a-z -]+?  (\d[0-9a-z.]*)  .*\[([^\]]+)\]$", line)
        if match:
            found[match.group(2)] = match.group(1)
    return found


@pytest.mark.parametrize("which", ["classroom", "seed"])
def test_show_and_render_give_every_claim_the_same_number(tmp_path: Path, which: str) -> None:
    if which == "seed":
        if not SEED_MAP.exists():
            pytest.skip("the seed map is not in this checkout")
        path = SEED_MAP
    else:
        path = tmp_path / "m.argmap.json"
        store.save(classroom_map(), path)
    argmap = store.load(path)
    shown = _show_numbers(path)
    assert set(shown) == set(argmap.claims), "every claim is numbered once in the outline"
    assert len(set(shown.values())) == len(shown)
    _no_gaps(set(shown.values()))
    dot = build_dot(argmap, RenderOptions(numbers=True))
    for cid, number in shown.items():
        node = re.search(rf'^  "{re.escape(cid)}" \[.*$', dot, re.MULTILINE)
        assert node is not None and re.search(rf">{re.escape(number)}( ·|<)", node.group(0)), (cid, number)
    focus = next(cid for cid, number in shown.items() if number.count(".") == 1)
    focused = build_dot(argmap, RenderOptions(numbers=True, focus=focus))
    assert f">{shown[focus]}<" in focused or f">{shown[focus]} ·" in focused, "--focus keeps the whole map's numbers"
