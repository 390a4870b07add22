"""The arguments table: titled arguments over claims and relations, checked, diffed, merged and shown."""

from __future__ import annotations

from argmap import ops, store, textconv
from argmap.check import check_map
from argmap.diff import diff_maps
from argmap.evaluate import framework, grounded
from argmap.graph import MapGraph
from argmap.merge import merge_maps
from argmap.model import ArgMap, Argument, ArgumentStep, RelationType
from tests.diffmerge_helpers import copy, sample_map


def with_argument(argmap: ArgMap) -> ArgMap:
    """The sample map with its linked premises reconstructed as a titled argument."""
    linked = next(rid for rid, r in argmap.relations.items() if len(r.premises) > 1)
    relation = argmap.relations[linked]
    steps = [ArgumentStep(claim=p) for p in relation.premises]
    steps.append(ArgumentStep(claim=relation.target, inference=True, rules=("Modus Ponens",), relation=linked))
    result = copy(argmap)
    result.arguments["shells-deal"] = Argument(
        title="Shells-Deal", description="A trade.", tags=("trade",), steps=tuple(steps)
    )
    return result


def test_a_map_with_an_argument_saves_loads_and_checks_clean() -> None:
    argmap = with_argument(sample_map())
    loaded = store.loads(store.dumps(argmap)).map
    assert loaded == argmap
    assert not [f for f in check_map(loaded) if f.code == "dangling-id"]


def test_an_argument_step_naming_a_missing_claim_is_one_dangling_id_error() -> None:
    argmap = with_argument(sample_map())
    argument = argmap.arguments["shells-deal"]
    argmap.arguments["shells-deal"] = argument.model_copy(
        update={"steps": (*argument.steps, ArgumentStep(claim="nowhere"))}
    )
    found = [f for f in check_map(argmap) if f.code == "dangling-id"]
    assert len(found) == 1 and found[0].subject == "shells-deal" and "'nowhere'" in found[0].message


def test_deleting_a_claim_takes_it_out_of_the_arguments_that_name_it() -> None:
    graph = MapGraph(with_argument(sample_map()))
    premise = graph.map.arguments["shells-deal"].steps[0].claim
    graph.apply(ops.delete_claim(graph, premise))
    assert premise not in graph.map.arguments["shells-deal"].names()
    assert not [f for f in check_map(graph.map) if f.code == "dangling-id"]


def test_diff_merge_and_textconv_see_the_arguments_table() -> None:
    base = with_argument(sample_map())
    ours = copy(base)
    ours.arguments["shells-deal"] = base.arguments["shells-deal"].model_copy(update={"title": "Shells deal"})
    theirs = copy(base)
    theirs.arguments["shells-deal"] = base.arguments["shells-deal"].model_copy(update={"tags": ("trade", "war")})
    assert [(c.table, c.id) for c in diff_maps(base, ours).edit.changes] == [("arguments", "shells-deal")]
    merged = merge_maps(base, ours, theirs)
    assert merged.clean
    assert merged.map.arguments["shells-deal"].title == "Shells deal"
    assert merged.map.arguments["shells-deal"].tags == ("trade", "war")
    text = textconv.outline(merged.map)
    assert "argument <shells-deal> Shells deal" in text and "-- Modus Ponens" in text


def test_contradictory_and_contrary_relations_count_as_attacks() -> None:
    graph = MapGraph(ops.new_map("It rains.", thesis_id="rain"))
    graph.apply(ops.add_claim(graph, "rain", "It is dry.", RelationType.CONTRADICTORY, claim_id="dry"))
    graph.apply(ops.add_claim(graph, "rain", "It snows.", RelationType.CONTRARY, claim_id="snow"))
    labels = grounded(framework(graph.map))
    assert labels["rain"] == "OUT" and labels["dry"] == labels["snow"] == "IN"
