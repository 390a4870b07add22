"""``argmap unlink`` and ``argmap detach``: undoing a wrong link or attach from the command line, on real files."""

from __future__ import annotations

from pathlib import Path

import pytest

from argmap import ops, store
from argmap.graph import MapGraph
from argmap.model import Anchor, RelationType, Source
from tests.test_cli import argmap


@pytest.fixture
def path(tmp_path: Path, uniforms_path: Path) -> Path:
    """The uniforms map with ``subsidy`` also supporting the thesis and two passages of evidence on ``cost``."""
    graph = MapGraph(store.load(uniforms_path))
    graph.apply(ops.add_source(graph, "essay", Source(title="Essay", language="en")))
    graph.apply(ops.link_claim(graph, "subsidy", "thesis", RelationType.SUPPORT))
    for quote, start in (("dear", 0), ("costly", 10)):
        graph.apply(ops.attach_evidence(graph, "cost", Anchor(source="essay", quote=quote, start=start, end=start + 4)))
    store.save(graph.map, uniforms_path)
    return uniforms_path


def test_unlink_a_relation_keeps_its_premises(path: Path) -> None:
    result = argmap("unlink", str(path), "r-bullying")
    assert result.returncode == 0, result.stderr
    after = store.load(path)
    assert "r-bullying" not in after.relations and "r-markers" not in after.relations, "its undercut goes with it"
    assert {"bullying", "clothing", "markers"} <= after.claims.keys()
    assert "2 relations removed" in result.stdout


def test_unlink_from_one_place_keeps_the_claim_elsewhere(path: Path) -> None:
    assert argmap("unlink", str(path), "subsidy", "--from", "cost").returncode == 0
    after = store.load(path)
    assert [r.target for r in after.relations.values() if "subsidy" in r.premises] == ["thesis"]


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["unlink", "{map}", "subsidy"], "say which link with --from"),
        (["unlink", "{map}", "cost", "--from", "thesis"], "bears on nothing else"),
        (["unlink", "{map}", "cost", "--from", "subsidy"], "bears on nothing called 'subsidy'"),
        (["detach", "{map}", "cost"], "has 2 anchors, say which: 1: “dear”; 2: “costly”"),
        (["detach", "{map}", "cost", "3"], "has no evidence number 3"),
        (["detach", "{map}", "thesis"], "has no evidence to detach"),
    ],
)
def test_refusals_name_the_file_and_the_way_out(path: Path, arguments: list[str], message: str) -> None:
    before = path.read_bytes()
    result = argmap(*(a.format(map=path) for a in arguments))
    assert result.returncode == 2
    error = result.stderr
    assert error.count("\n") == 1 and str(path) in error and message in error
    assert path.read_bytes() == before


def test_detach_the_second_passage(path: Path) -> None:
    assert argmap("detach", str(path), "cost", "2").returncode == 0
    assert [a.quote for a in store.load(path).claims["cost"].evidence] == ["dear"]
