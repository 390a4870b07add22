"""Every editing operation, and its inverse restoring the map exactly."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from argmap import ops, store
from argmap.errors import OperationError
from argmap.graph import Edit, MapGraph, StaleEditError
from argmap.model import Anchor, ArgMap, ClaimKind, RelationType, Source
from tests.strategies import maps

EDITS: dict[str, Callable[[MapGraph], Edit]] = {
    "add reason": lambda g: ops.add_reason(g, "thesis", "Uniforms build school spirit."),
    "add objection": lambda g: ops.add_objection(g, "bullying", "The studies on bullying are weak."),
    "add undercut": lambda g: ops.add_undercut(g, "r-cost", "Cost alone does not decide policy."),
    "add co-premise": lambda g: ops.add_co_premise(g, "r-cost", "Many families are poor."),
    "link": lambda g: ops.link_claim(g, "subsidy", "thesis", RelationType.SUPPORT),
    "edit text": lambda g: ops.edit_text(g, "cost", "Uniforms are expensive."),
    "set kind": lambda g: ops.set_kind(g, "cost", ClaimKind.STATISTIC),
    "set tags": lambda g: ops.set_tags(g, "cost", ["#money", "equity", "money"]),
    "set translation": lambda g: ops.set_translation(g, "thesis", "de", "Schuluniformen sollten Pflicht sein."),
    "set note": lambda g: ops.set_note(g, "cost", "check the figures"),
    "set implicit": lambda g: ops.set_implicit(g, "clothing", True),
    "set base score": lambda g: ops.set_base_score(g, "cost", 0.8),
    "set weight": lambda g: ops.set_weight(g, "r-cost", 0.3),
    "set scheme": lambda g: ops.set_scheme(g, "r-cost", "negative-consequences"),
    "set relation type": lambda g: ops.set_relation_type(g, "r-subsidy", RelationType.SUPPORT),
    "attach evidence": lambda g: ops.attach_evidence(
        g, "cost", Anchor(source="essay", quote="expensive", start=10, end=19)
    ),
    "delete": lambda g: ops.delete_claim(g, "cost"),
    "move": lambda g: ops.move_claim(g, "subsidy", "thesis"),
    "reorder": lambda g: ops.reorder(g, "r-cost", -1),
    "delete relation": lambda g: ops.delete_relation(g, "r-bullying"),
    "add source": lambda g: ops.add_source(g, "second", Source(title="Another text")),
}


@pytest.fixture
def graph(uniforms_map: ArgMap) -> MapGraph:
    graph = MapGraph(uniforms_map)
    graph.apply(ops.add_source(graph, "essay", Source(title="Essay", language="en")))
    return graph


@pytest.mark.parametrize("name", EDITS)
def test_each_operation_changes_the_map_and_its_inverse_restores_it(graph: MapGraph, name: str) -> None:
    before = store.dumps(graph.map)
    edit = EDITS[name](graph)
    assert edit.changes, f"{name} changed nothing"
    graph.apply(edit)
    after = store.dumps(graph.map)
    assert after != before
    graph.apply(edit.inverse())
    assert store.dumps(graph.map) == before
    graph.apply(edit)
    assert store.dumps(graph.map) == after, "redo gives the same map"


def test_add_selects_the_new_claim_and_ranks_it_last(graph: MapGraph) -> None:
    edit = ops.add_reason(graph, "thesis", "Uniforms build school spirit.")
    graph.apply(edit)
    assert edit.select == "uniforms-build-school-spirit"
    assert [graph.map.relations[rid].premises[0] for rid, _ in graph.children("thesis")][-1] == edit.select


def test_new_ids_never_collide(graph: MapGraph) -> None:
    first = ops.add_reason(graph, "thesis", "Same words.")
    graph.apply(first)
    second = ops.add_reason(graph, "thesis", "Same words!")
    graph.apply(second)
    assert first.select == "same-words" and second.select == "same-words-2"


def test_delete_takes_the_subtree_and_keeps_what_hangs_elsewhere(graph: MapGraph) -> None:
    graph.apply(ops.link_claim(graph, "subsidy", "thesis", RelationType.SUPPORT))
    edit = ops.delete_claim(graph, "cost")
    assert edit.removed("claims") == ["cost"], "subsidy also supports the thesis, so it stays"
    graph.apply(ops.delete_claim(graph, "clothing"))
    edit = ops.delete_claim(graph, "bullying")
    assert sorted(edit.removed("claims")) == ["bullying", "markers"], "the undercut of its relation goes too"


def test_delete_of_a_co_premise_keeps_the_reason(graph: MapGraph) -> None:
    graph.apply(ops.delete_claim(graph, "clothing"))
    assert graph.map.relations["r-bullying"].premises == ("bullying",)
    assert "markers" in graph.map.claims


def test_move_refuses_cycles(graph: MapGraph) -> None:
    with pytest.raises(OperationError, match="cycle"):
        ops.move_claim(graph, "cost", "subsidy")
    with pytest.raises(OperationError, match="cycle"):
        ops.move_claim(graph, "cost", "cost")


def test_move_of_a_linked_premise_moves_the_whole_reason(graph: MapGraph) -> None:
    graph.apply(ops.move_claim(graph, "clothing", "cost"))
    assert graph.map.relations["r-bullying"].target == "cost"
    assert [rid for rid, _ in graph.children("cost")] == ["r-subsidy", "r-bullying"]


def test_thesis_cannot_be_moved_and_a_reason_cannot_become_a_thesis(graph: MapGraph) -> None:
    with pytest.raises(OperationError, match="thesis"):
        ops.move_claim(graph, "thesis", "cost")
    with pytest.raises(OperationError, match="parent"):
        ops.set_kind(graph, "cost", "thesis")


def test_link_refuses_self_support_loops(graph: MapGraph) -> None:
    with pytest.raises(OperationError, match="support itself"):
        ops.link_claim(graph, "thesis", "subsidy", RelationType.SUPPORT)


def test_evidence_attach_and_detach(graph: MapGraph) -> None:
    anchor = Anchor(source="essay", quote="money", start=0, end=5)
    graph.apply(ops.attach_evidence(graph, "cost", anchor))
    with pytest.raises(OperationError, match="already"):
        ops.attach_evidence(graph, "cost", anchor)
    graph.apply(ops.detach_evidence(graph, "cost", 0))
    assert graph.map.claims["cost"].evidence == ()
    with pytest.raises(OperationError, match="unknown source"):
        ops.attach_evidence(graph, "cost", anchor.model_copy(update={"source": "nowhere"}))


def test_reorder_with_tied_ranks_renumbers_the_siblings(graph: MapGraph) -> None:
    graph.apply(ops.update_relation(graph, "r-cost", "tie", rank="m"))
    graph.apply(ops.add_reason(graph, "thesis", "Third reason.", claim_id="third"))
    graph.apply(ops.update_relation(graph, "r-third", "tie", rank="m"))
    order = [rid for rid, _ in graph.children("thesis")]
    graph.apply(ops.reorder(graph, order[2], -1))
    new_order = [rid for rid, _ in graph.children("thesis")]
    assert new_order == [order[0], order[2], order[1]]
    assert len({graph.map.relations[rid].rank for rid in new_order}) == 3


def test_a_stale_edit_is_refused_whole(graph: MapGraph) -> None:
    edit = ops.delete_claim(graph, "cost")
    graph.apply(ops.edit_text(graph, "subsidy", "Changed meanwhile."))
    before = store.dumps(graph.map)
    with pytest.raises(StaleEditError):
        graph.apply(edit)
    assert store.dumps(graph.map) == before


def test_refusals_explain_themselves(graph: MapGraph) -> None:
    with pytest.raises(OperationError, match="no claim or relation 'nope'"):
        ops.add_reason(graph, "nope", "text")
    with pytest.raises(OperationError, match="needs some text"):
        ops.add_reason(graph, "thesis", "   ")
    with pytest.raises(OperationError, match="between 0 and 1"):
        ops.set_base_score(graph, "cost", 1.5)
    with pytest.raises(OperationError, match="not a relation"):
        ops.add_undercut(graph, "cost", "text")


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(maps(), st.data())
def test_undoing_any_sequence_of_edits_restores_the_start(argmap: ArgMap, data: st.DataObject) -> None:
    graph = MapGraph(argmap)
    start = store.dumps(graph.map)
    done = []
    for _ in range(data.draw(st.integers(1, 8))):
        if not graph.map.claims:
            break
        claim = data.draw(st.sampled_from(sorted(graph.map.claims)))
        action = data.draw(st.sampled_from(["reason", "delete", "move", "text"]))
        try:
            if action == "reason":
                edit = ops.add_reason(graph, claim, "new reason")
            elif action == "delete":
                edit = ops.delete_claim(graph, claim)
            elif action == "move":
                edit = ops.move_claim(graph, claim, data.draw(st.sampled_from(sorted(graph.map.claims))))
            else:
                edit = ops.edit_text(graph, claim, "reworded")
        except OperationError:
            continue
        graph.apply(edit)
        done.append(edit)
    for edit in reversed(done):
        graph.apply(edit.inverse())
    assert store.dumps(graph.map) == start


@given(maps(max_steps=30), st.data())
def test_lies_below_walks_up_to_what_subtree_finds_walking_down(argmap, data) -> None:
    graph = MapGraph(argmap)
    ids = sorted(argmap.claims.keys() | argmap.relations.keys())
    assume(ids)
    root = data.draw(st.sampled_from(ids))
    node = data.draw(st.sampled_from(ids))
    assert graph.lies_below(node, {root}) == (node == root or node in graph.subtree(root))


def test_remove_placement_keeps_the_claim_where_else_it_bears(graph: MapGraph) -> None:
    graph.apply(ops.link_claim(graph, "subsidy", "thesis", RelationType.SUPPORT))
    edit = ops.remove_placement(graph, "subsidy", "r-subsidy")
    graph.apply(edit)
    assert "r-subsidy" not in graph.map.relations and "subsidy" in graph.map.claims
    assert [rel.target for _, rel in graph.parents("subsidy")] == ["thesis"]
    graph.apply(edit.inverse())
    assert graph.map.relations["r-subsidy"].premises == ("subsidy",)


def test_remove_placement_takes_one_premise_out_of_its_linked_group(graph: MapGraph) -> None:
    graph.apply(ops.link_claim(graph, "clothing", "thesis", RelationType.ATTACK))
    before = store.dumps(graph.map)
    edit = ops.remove_placement(graph, "clothing", "r-bullying")
    graph.apply(edit)
    assert graph.map.relations["r-bullying"].premises == ("bullying",)
    assert "r-markers" in graph.map.relations, "the undercut of the group stays with it"
    graph.apply(edit.inverse())
    assert store.dumps(graph.map) == before


def test_remove_placement_refuses_a_claims_only_place(graph: MapGraph) -> None:
    with pytest.raises(OperationError, match="bears on nothing else"):
        ops.remove_placement(graph, "subsidy", "r-subsidy")
    with pytest.raises(OperationError, match="not a premise"):
        ops.remove_placement(graph, "subsidy", "r-cost")


def test_a_linked_premise_moves_with_its_group_or_alone(graph: MapGraph) -> None:
    together = ops.move_claim(graph, "clothing", "cost")
    assert [(c.id, c.after.target) for c in together.changes] == [("r-bullying", "cost")]  # type: ignore[union-attr]
    before = store.dumps(graph.map)
    alone = ops.move_claim(graph, "clothing", "cost", alone=True)
    graph.apply(alone)
    assert graph.map.relations["r-bullying"].premises == ("bullying",)
    assert [(r.type, r.target) for _, r in graph.parents("clothing")] == [(RelationType.SUPPORT, "cost")]
    graph.apply(alone.inverse())
    assert store.dumps(graph.map) == before
