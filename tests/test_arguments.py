"""The arguments table: titled arguments over claims and relations, checked, diffed, merged and shown."""

from __future__ import annotations

from argmap import ops, store, textconv
from argmap.check import check_map
from argmap.diff import describe, diff_maps
from argmap.diffview import render_text
from argmap.evaluate import framework, grounded
from argmap.graph import TABLE_NOUNS, TABLES, MapGraph
from argmap.merge import describe_conflict, merge_maps
from argmap.model import ArgMap, Argument, ArgumentStep, Conflict, RelationType
from tests.diffmerge_helpers import copy, edited, sample_map


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


def test_a_claim_deleted_on_one_side_and_used_by_a_new_argument_on_the_other_comes_back_as_a_conflict() -> None:
    base = sample_map()
    ours = edited(base, lambda g: ops.delete_claim(g, "shells"))
    theirs = copy(base)
    steps = (ArgumentStep(claim="shells"), ArgumentStep(claim="thesis", inference=True))
    theirs.arguments["new"] = Argument(title="New", steps=steps)
    result = merge_maps(base, ours, theirs)
    assert "shells" in result.map.claims and not result.clean
    assert [c.id for c in result.conflicts.values()] == ["shells"]
    assert not [f for f in check_map(result.map) if f.code == "dangling-id"]


def test_textconv_names_contrary_and_contradictory_relations() -> None:
    graph = MapGraph(ops.new_map("It rains.", thesis_id="rain"))
    graph.apply(ops.add_claim(graph, "rain", "It is dry.", RelationType.CONTRADICTORY, claim_id="dry"))
    assert "kind: contradictory" in textconv.outline(graph.map)


def test_a_changed_argument_is_shown_by_diff_and_named_in_a_conflict() -> None:
    """The reports name an argument as they name a claim (diff once failed with KeyError 'arguments')."""
    base = with_argument(sample_map())
    ours = copy(base)
    ours.arguments["shells-deal"] = base.arguments["shells-deal"].model_copy(update={"description": "A swap."})
    shown = render_text(describe(diff_maps(base, ours), base, ours)).plain
    assert "argument shells-deal description" in shown and "A swap." in shown
    conflict = Conflict(table="arguments", id="shells-deal", field="title", base="a", ours="b", theirs="c")
    assert describe_conflict(conflict).startswith("title of argument 'shells-deal'")


def test_every_table_has_a_noun_for_reports() -> None:
    assert set(TABLES) | {"map"} == set(TABLE_NOUNS)
