"""The rule for tests that need an external tool: skipped without it, a failure in CI."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.tools import TOOLS, require_tool


@pytest.fixture
def no_tools(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))


def test_a_missing_tool_skips_the_test_with_how_to_install_it(no_tools: None, monkeypatch) -> None:
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match=r"needs Graphviz's dot, which is missing here \(apt-get install"):
        require_tool("dot")


def test_in_ci_a_missing_tool_fails_the_test(no_tools: None, monkeypatch) -> None:
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="CI must run every test"):
        require_tool("tmux")


@pytest.mark.needs("dot")
def test_a_present_tool_is_found_where_the_shell_finds_it() -> None:
    assert require_tool("dot") == shutil.which("dot")


def test_every_tool_says_how_to_install_it() -> None:
    assert all(tool.install for tool in TOOLS.values())
