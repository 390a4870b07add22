"""The editor's pure logic, without Textual: reading order, search in it, a finding's claim, touched ids, sources."""

from __future__ import annotations

import pytest

from argmap import ops
from argmap.check import check_map
from argmap.document import Document
from argmap.errors import OperationError
from argmap.graph import MapGraph
from argmap.model import ArgMap, Conflict, RelationType, Source
from argmap.navigate import (
    claim_of,
    conflicted_records,
    in_reading_order,
    next_conflict,
)
from argmap.order import reading_order, top_claims


@pytest.fixture
def graph(uniforms_map: ArgMap) -> MapGraph:
    return MapGraph(uniforms_map)


def test_reading_order_goes_down_the_tree_and_reaches_every_claim(graph: MapGraph) -> None:
    graph.apply(ops.add_reason(graph, "thesis", "A loose end.", claim_id="loose"))
    graph.apply(ops.delete_relation(graph, "r-loose"))
    assert top_claims(graph) == ["thesis", "loose"]
    assert reading_order(graph) == ["thesis", "bullying", "markers", "clothing", "cost", "subsidy", "loose"]


def test_search_matches_come_in_reading_order_from_the_finder(uniforms_path) -> None:
    document = Document.open(uniforms_path)
    found = document.find_claims("uniforms", 100)
    order = reading_order(document.graph)
    assert in_reading_order(found, order) == ["thesis", "bullying", "cost"]
    assert set(in_reading_order(found, order)) == set(found), "the / search finds what the finder finds"


def test_the_search_and_the_finder_agree_on_translations_and_ids(uniforms_path) -> None:
    document = Document.open(uniforms_path)
    document.apply(ops.set_translation(document.graph, "cost", "de", "Uniformen kosten Geld."))
    assert document.find_claims("kosten", 10) == [], "the original texts and ids, unless a language is shown"
    assert document.find_claims("kosten", 10, language="de") == ["cost"]
    assert document.find_claims("subsid", 10) == ["subsidy"]


def test_a_finding_leads_to_its_claim_or_conflict(graph: MapGraph) -> None:
    assert claim_of(graph.map, "cost") == "cost"
    assert claim_of(graph.map, "r-bullying") == "bullying"
    assert claim_of(graph.map, None) is None and claim_of(graph.map, "nothing") is None
    graph.map.conflicts["claims.cost.text"] = Conflict(table="claims", id="cost", field="text")
    (finding,) = [f for f in check_map(graph.map, "m.argmap.json") if f.code == "merge-conflict"]
    assert (finding.subject, finding.conflict) == ("cost", "claims.cost.text")
    assert finding.as_dict()["conflict"] == "claims.cost.text" and "claims.cost.text" in (finding.fix or "")


def test_conflicted_records_are_the_conflicts_subjects(graph: MapGraph) -> None:
    graph.map.conflicts["claims.cost.text"] = Conflict(table="claims", id="cost", field="text")
    assert conflicted_records(graph.map) == {"cost"}


def test_an_edit_touches_its_records_and_the_ends_of_changed_relations(graph: MapGraph) -> None:
    moved = ops.move_claim(graph, "subsidy", "thesis")
    assert moved.touched() == {"r-subsidy", "subsidy", "cost", "thesis"}
    assert not moved.changes_evidence() and moved.changes_table("relations")
    linked = ops.link_claim(graph, "subsidy", "bullying", RelationType.SUPPORT)
    assert linked.touched() == {"r-subsidy-2", "subsidy", "bullying"}


def test_a_source_already_added_is_refused(graph: MapGraph) -> None:
    graph.apply(ops.add_source(graph, "essay", Source(title="Essay", path="essay.txt")))
    with pytest.raises(OperationError, match=r"essay\.txt is already a source of this map"):
        ops.add_source(graph, "essay-2", Source(title="Essay", path="essay.txt"))


def test_findings_of_the_uniforms_map_all_lead_somewhere(uniforms_path) -> None:
    document = Document.open(uniforms_path)
    for finding in check_map(document.map, uniforms_path):
        assert finding.subject is None or claim_of(document.map, finding.subject) in document.map.claims


def test_the_next_conflict_leaves_the_maps_own_fields_to_the_end() -> None:
    conflicts = {
        "map.title": Conflict(table="map", id="", field="title"),
        "claims.z.text": Conflict(table="claims", id="z", field="text"),
        "claims.b.note": Conflict(table="claims", id="b", field="note"),
    }
    assert next_conflict(conflicts) == "claims.b.note"
    assert next_conflict({"map.title": conflicts["map.title"]}) == "map.title"
