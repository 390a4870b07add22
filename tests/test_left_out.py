"""Leaving a passage out on purpose: the operation, its undo, and the saved file."""

from __future__ import annotations

from pathlib import Path

import pytest

from argmap import ops, store
from argmap.anchor import make_anchor
from argmap.errors import OperationError
from argmap.graph import MapGraph
from argmap.model import Source

TEXT = "Erster Satz. Zweiter Satz. Dritter Satz."


@pytest.fixture
def graph() -> MapGraph:
    argmap = ops.new_map("A thesis.")
    graph = MapGraph(argmap)
    graph.apply(ops.add_source(graph, "text", Source(language="de")))
    return graph


def test_leave_out_keeps_passages_in_text_order_and_undoes(graph: MapGraph, tmp_path: Path) -> None:
    second = make_anchor("text", TEXT, 13, 26)
    first = make_anchor("text", TEXT, 0, 12)
    graph.apply(ops.leave_out(graph, second, " an aside "))
    edit = ops.leave_out(graph, first, "background")
    graph.apply(edit)
    kept = graph.map.sources["text"].left_out
    assert [(p.quote, p.reason, p.prefix, p.suffix) for p in kept] == [
        ("Erster Satz.", "background", "", " Zweiter Satz. Dritt"),
        ("Zweiter Satz.", "an aside", "Erster Satz. ", " Dritter Satz."),
    ]
    with pytest.raises(OperationError, match="already left out"):
        ops.leave_out(graph, first)
    path = tmp_path / "m.argmap.json"
    store.save(graph.map, path)
    assert store.load(path).sources["text"].left_out == kept
    graph.apply(edit.inverse())
    assert [p.quote for p in graph.map.sources["text"].left_out] == ["Zweiter Satz."]
    graph.apply(ops.take_back_left_out(graph, "text", 0))
    assert graph.map.sources["text"].left_out == ()
    with pytest.raises(OperationError, match="no left-out passage number 1"):
        ops.take_back_left_out(graph, "text", 0)
    with pytest.raises(OperationError, match="no source"):
        ops.leave_out(graph, make_anchor("other", TEXT, 0, 5))
