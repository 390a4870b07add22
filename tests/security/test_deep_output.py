"""Issue 14 item 5: outlines of a 50,000-deep chain grow linearly with the map (indentation capped, depth marked)."""

from __future__ import annotations

from pathlib import Path

import pytest

from argmap import store
from argmap.formats import kialo, markdown
from argmap.indent import MAX_LEVELS
from argmap.model import ArgMap
from argmap.textconv import outline
from tests.security.hostile import argmap_cli, deep_chain

DEPTH = 50_000
PER_CLAIM = 200
"""Characters of output allowed per claim: uncapped indentation would need 25,000 on average."""


@pytest.fixture(scope="module")
def chain() -> ArgMap:
    return deep_chain(DEPTH)


def test_textconv_of_a_deep_chain_is_linear(chain: ArgMap) -> None:
    text = outline(chain)
    assert len(text) < PER_CLAIM * DEPTH
    deepest, relation = text.splitlines()[-2:]
    assert deepest == "  " * MAX_LEVELS + f"‹{DEPTH}› + [c{DEPTH}] Reason {DEPTH}."
    assert relation == "  " * (MAX_LEVELS + 1) + f"relation: r{DEPTH}"


def test_markdown_and_kialo_exports_of_a_deep_chain_are_linear(chain: ArgMap) -> None:
    text, _ = markdown.write(chain)
    assert len(text) < PER_CLAIM * DEPTH
    assert text.splitlines()[-1] == "  " * MAX_LEVELS + f"- ‹{DEPTH}› **Pro:** Reason {DEPTH}."
    text, warnings = kialo.write(chain)
    assert len(text) < PER_CLAIM * DEPTH
    assert "not written" in warnings[0]


def test_show_of_a_deep_chain_is_linear(chain: ArgMap, tmp_path: Path) -> None:
    path = tmp_path / "deep.argmap.json"
    store.save(chain, path)
    result = argmap_cli("show", str(path))
    assert result.returncode == 0, result.stderr
    assert len(result.stdout) < PER_CLAIM * DEPTH
    assert result.stdout.splitlines()[-1].startswith("    " * MAX_LEVELS + f"‹{DEPTH}› + reason")
