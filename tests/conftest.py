"""Shared fixtures (small real maps on disk, the seed map, the shared corpus) and the hook for external tools."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from argmap import ops, store
from argmap.graph import MapGraph
from argmap.model import ArgMap
from tests.tools import TOOLS, require_tool

ROOT = Path(__file__).resolve().parent.parent
SEED_MAP = ROOT / "maps" / "partnership-of-convenience.argmap.json"
SHARED = ROOT.parent / "shared"


def pytest_runtest_setup(item: pytest.Item) -> None:
    """``@pytest.mark.needs("dot", …)``: skip without the tools, or fail in CI (see :mod:`tests.tools`)."""
    for marker in item.iter_markers("needs"):
        for name in marker.args:
            if name not in TOOLS:
                raise pytest.UsageError(f"{item.nodeid}: unknown tool {name!r} in needs(); known: {sorted(TOOLS)}")
            require_tool(name)


@pytest.fixture
def shared_dir() -> Path:
    """The workplace's shared folder (corpus, seeds); tests that need it skip without it."""
    if not SHARED.is_dir():
        pytest.skip(f"needs the shared folder beside the repository ({SHARED}), which is absent here")
    return SHARED


def build_uniforms_map() -> ArgMap:
    """A small map with every structure: reasons, objections, a rebuttal, linked premises, an undercut."""
    graph = MapGraph(ops.new_map("School uniforms should be required.", thesis_id="thesis"))
    steps: list[Callable[[], object]] = [
        lambda: ops.add_reason(graph, "thesis", "Uniforms reduce bullying.", claim_id="bullying"),
        lambda: ops.add_objection(graph, "thesis", "Uniforms cost families money.", claim_id="cost"),
        lambda: ops.add_objection(graph, "cost", "Schools can subsidise them.", claim_id="subsidy"),
        lambda: ops.add_undercut(graph, "r-bullying", "Bullying moves to other markers.", claim_id="markers"),
        lambda: ops.add_co_premise(graph, "r-bullying", "Bullying often targets clothing.", claim_id="clothing"),
    ]
    for step in steps:
        graph.apply(step())  # type: ignore[arg-type]
    return graph.map


@pytest.fixture
def uniforms_map() -> ArgMap:
    return build_uniforms_map()


@pytest.fixture
def uniforms_path(tmp_path: Path) -> Path:
    path = tmp_path / "uniforms.argmap.json"
    store.save(build_uniforms_map(), path)
    return path
