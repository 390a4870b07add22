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


def test_a_claim_from_a_passage_is_anchored_and_keeps_the_wording_as_translation(graph: MapGraph) -> None:
    anchor = make_anchor("text", TEXT, 13, 26)
    edit = ops.add_from_passage(graph, "thesis", "reason", "The second sentence.", anchor, translation="de")
    graph.apply(edit)
    claim = graph.map.claims[edit.select or ""]
    assert claim.text == "The second sentence." and claim.evidence == (anchor,)
    assert claim.translations == {"de": "Zweiter Satz."}
    rid = next(rid for rid, r in graph.map.relations.items() if edit.select in r.premises)
    assert graph.map.relations[rid].target == "thesis"
    objection = ops.add_from_passage(graph, "thesis", "objection", "Zweiter Satz.", anchor)
    graph.apply(objection)
    assert graph.map.claims[objection.select or ""].translations == {}
    co = ops.add_from_passage(graph, rid, "co-premise", "Und der erste.", make_anchor("text", TEXT, 0, 12))
    graph.apply(co)
    assert graph.map.relations[rid].premises == (edit.select, co.select)
    graph.apply(co.inverse())
    assert co.select not in graph.map.claims
    with pytest.raises(OperationError, match="not 'undercut'"):
        ops.add_from_passage(graph, "thesis", "undercut", "x", anchor)


def test_two_annotators_leaving_out_different_passages_merge_cleanly(graph: MapGraph) -> None:
    from argmap.merge import merge_maps

    base = graph.map
    ours_graph, theirs_graph = MapGraph(base.model_copy(deep=True)), MapGraph(base.model_copy(deep=True))
    ours_graph.apply(ops.leave_out(ours_graph, make_anchor("text", TEXT, 0, 12), "background"))
    theirs_graph.apply(ops.leave_out(theirs_graph, make_anchor("text", TEXT, 27, 40), "aside"))
    result = merge_maps(base, ours_graph.map, theirs_graph.map)
    assert not result.map.conflicts
    assert base.sources["text"].left_out == ()
    assert [p.quote for p in result.map.sources["text"].left_out] == ["Erster Satz.", "Dritter Satz."]


def test_git_diff_text_shows_each_left_out_passage_on_one_line(graph: MapGraph) -> None:
    from argmap.textconv import outline

    graph.apply(ops.leave_out(graph, make_anchor("text", TEXT, 0, 12), "back\\ground\n\x1b[31m"))
    lines = outline(graph.map).splitlines()
    assert '  left out 0-12 (back\\\\ground\\n␛[31m): "Erster Satz."' in lines
    assert not any("left_out" in line for line in lines)
