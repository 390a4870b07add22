"""The external programs some tests run, and the one rule for when one is missing.

Outside CI a test that needs a missing tool is skipped with the reason and how to
install it; in CI (``CI=true``) every tool must be there (``.ci/run`` installs them),
so a missing one fails the test instead of quietly skipping it.  Tests say what they
need with ``@pytest.mark.needs("dot")`` (the hook in ``conftest.py``) or, in a
fixture, :func:`require_tool`.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
from pathlib import Path
from typing import NamedTuple

import pytest

from tests.formats_support import argdown_cli


class Tool(NamedTuple):
    what: str
    install: str


TOOLS: dict[str, Tool] = {
    "dot": Tool("Graphviz's dot", "apt-get install graphviz"),
    "tmux": Tool("tmux", "apt-get install tmux"),
    "git": Tool("git", "apt-get install git"),
    "bash": Tool("bash", "apt-get install bash"),
    "rsvg-convert": Tool("rsvg-convert", "apt-get install librsvg2-bin"),
    "pdftoppm": Tool("pdftoppm", "apt-get install poppler-utils"),
    "chromium": Tool(
        "Debian's chromium driven by playwright", "apt-get install chromium; playwright comes with argmap[test]"
    ),
    "node": Tool("Node.js, which runs OVA3's loading steps (tests/ova3_loader.js)", "apt-get install nodejs"),
    "argdown": Tool(
        "the Argdown CLI",
        "python3 dev.py test installs it with npm into .cache/argdown-cli, or set ARGDOWN_CLI to an argdown binary",
    ),
}

CHROMIUM = Path("/usr/bin/chromium")


def tool_path(name: str) -> str | None:
    """Where the tool is, or None when it is missing."""
    if name == "argdown":
        return argdown_cli()
    if name == "chromium":
        usable = CHROMIUM.exists() and importlib.util.find_spec("playwright") is not None
        return str(CHROMIUM) if usable else None
    return shutil.which(name)


def in_ci() -> bool:
    return os.environ.get("CI") == "true"


def require_tool(name: str) -> str:
    """The tool's path; skips the test without it, or fails it in CI."""
    found = tool_path(name)
    if found is not None:
        return found
    tool = TOOLS[name]
    reason = f"needs {tool.what}, which is missing here ({tool.install})"
    if in_ci():
        pytest.fail(f"{reason}; CI must run every test, so .ci/run installs it", pytrace=False)
    pytest.skip(reason)
