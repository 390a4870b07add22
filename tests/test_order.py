"""The reading order: one rule for the top of the argument and the order of claims, shared by every view."""

from __future__ import annotations

import re

import pytest

from argmap.formats import argdown
from argmap.graph import MapGraph
from argmap.model import ArgMap, Claim, ClaimKind, Relation, RelationType
from argmap.order import is_top, reading_order, top_claims, top_order
from argmap.outline import outline
from argmap.tui.widgets.argument_tree import NodeRef, child_refs, top_refs


@pytest.fixture
def graph(uniforms_map: ArgMap) -> MapGraph:
    """The uniforms map with a second thesis, a loose claim with a reason, and a support cycle off the tree."""
    claims, relations = uniforms_map.claims, uniforms_map.relations
    claims["tradition"] = Claim(kind=ClaimKind.THESIS, text="Uniforms are a tradition.")
    claims["loose"] = Claim(text="A loose end.")
    claims["below-loose"] = Claim(text="It has a reason.")
    relations["r-below-loose"] = Relation(type=RelationType.SUPPORT, premises=("below-loose",), target="loose")
    claims["ring-1"] = Claim(text="Ring one.")
    claims["ring-2"] = Claim(text="Ring two.")
    relations["r-ring-1"] = Relation(type=RelationType.SUPPORT, premises=("ring-1",), target="ring-2")
    relations["r-ring-2"] = Relation(type=RelationType.SUPPORT, premises=("ring-2",), target="ring-1")
    return MapGraph(uniforms_map)


EXPECTED = [
    "thesis",
    "bullying",
    "markers",
    "clothing",
    "cost",
    "subsidy",
    "tradition",
    "loose",
    "below-loose",
    "ring-1",
    "ring-2",
]


def test_the_top_is_the_theses_then_claims_that_bear_on_nothing_each_in_id_order(graph: MapGraph) -> None:
    assert top_claims(graph) == ["thesis", "tradition", "loose"]
    assert [is_top(graph, cid) for cid in ("thesis", "loose", "bullying", "ring-1")] == [True, True, False, False]
    assert top_order(graph.map.claims, {"loose", "tradition", "thesis"}) == ["thesis", "tradition", "loose"]


def test_reading_order_walks_each_top_claim_then_reaches_what_only_a_cycle_reaches(graph: MapGraph) -> None:
    assert reading_order(graph) == EXPECTED
    assert reading_order(graph, ["loose"])[:2] == ["loose", "below-loose"]


def test_the_outline_the_tree_and_the_argdown_export_start_from_the_same_top(graph: MapGraph) -> None:
    at_the_top = [row.claim_id for row in outline(graph) if row.depth == 0]
    assert at_the_top == [*top_claims(graph), "ring-1"], "ring-2 hangs below ring-1"
    shown = {row.claim_id for row in outline(graph) if row.claim_id is not None}
    assert shown == set(EXPECTED)
    assert [ref.claim for ref in top_refs(graph)] == top_claims(graph)
    text, _warnings = argdown.write(graph.map)
    assert re.findall(r"^\[([^\]]+)\]: ", text, flags=re.MULTILINE) == EXPECTED


def test_reading_order_is_the_order_of_the_editors_tree_opened_all_the_way(graph: MapGraph) -> None:
    """First sightings of claims in the tree's lines, each line opened depth first (the search steps in this order)."""
    seen: dict[str, None] = {}
    opened: set[NodeRef] = set()
    stack = list(reversed(top_refs(graph)))
    while stack:
        ref = stack.pop()
        seen.setdefault(ref.claim, None)
        if ref not in opened:
            opened.add(ref)
            stack.extend(reversed(child_refs(graph, ref)))
    assert list(seen) == reading_order(graph)[: len(seen)] == EXPECTED[: len(seen)]
