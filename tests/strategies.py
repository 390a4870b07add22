"""Hypothesis strategies for whole maps, built with the real editing operations."""

from __future__ import annotations

from hypothesis import strategies as st

from argmap import ops
from argmap.errors import OperationError
from argmap.graph import MapGraph
from argmap.model import Anchor, ArgMap, ClaimKind, RelationType, Source
from tests.diffmerge_helpers import copy

texts = st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=1, max_size=40).filter(
    lambda s: s.strip()
)
ACTIONS = (
    "reason",
    "objection",
    "undercut",
    "co-premise",
    "link",
    "text",
    "tags",
    "translation",
    "kind",
    "evidence",
    "score",
    "move",
    "reorder",
    "delete",
)


@st.composite
def maps(draw: st.DrawFn, max_steps: int = 25) -> ArgMap:
    """A map grown by a random sequence of editing operations (some refused, as in real use)."""
    graph = MapGraph(ops.new_map(draw(texts), thesis_id="thesis"))
    graph.apply(ops.add_source(graph, "src", Source(title=draw(texts), language="de")))
    grow(draw, graph, draw(st.integers(0, max_steps)))
    return graph.map


@st.composite
def versions(draw: st.DrawFn) -> tuple[ArgMap, ArgMap, ArgMap]:
    """A base map and two descendants, each changed by its own random edits."""
    base = draw(maps(max_steps=12))
    sides = []
    for _ in range(2):
        graph = MapGraph(copy(base))
        grow(draw, graph, draw(st.integers(1, 6)))
        sides.append(graph.map)
    return base, sides[0], sides[1]


def grow(draw: st.DrawFn, graph: MapGraph, steps: int) -> None:
    """Apply ``steps`` random editing operations to ``graph`` (those refused are skipped)."""
    for _ in range(steps):
        if not graph.map.claims:
            break
        action = draw(st.sampled_from(ACTIONS))
        claim = draw(st.sampled_from(sorted(graph.map.claims)))
        relations = sorted(graph.map.relations)
        relation = draw(st.sampled_from(relations)) if relations else None
        try:
            edit = _edit(draw, graph, action, claim, relation)
        except OperationError:
            continue
        if edit is not None:
            graph.apply(edit)


def _edit(draw: st.DrawFn, graph: MapGraph, action: str, claim: str, relation: str | None):
    if action == "reason":
        return ops.add_reason(graph, claim, draw(texts))
    if action == "objection":
        return ops.add_objection(graph, claim, draw(texts))
    if action == "undercut" and relation:
        return ops.add_undercut(graph, relation, draw(texts))
    if action == "co-premise" and relation:
        return ops.add_co_premise(graph, relation, draw(texts))
    if action == "link":
        other = draw(st.sampled_from(sorted(graph.map.claims)))
        return ops.link_claim(graph, claim, other, draw(st.sampled_from([RelationType.SUPPORT, RelationType.ATTACK])))
    if action == "text":
        return ops.edit_text(graph, claim, draw(texts))
    if action == "tags":
        return ops.set_tags(graph, claim, draw(st.lists(st.from_regex(r"[a-z]{1,8}", fullmatch=True), max_size=3)))
    if action == "translation":
        return ops.set_translation(graph, claim, draw(st.sampled_from(["de", "fr"])), draw(texts))
    if action == "kind":
        return ops.set_kind(graph, claim, draw(st.sampled_from([k for k in ClaimKind if k is not ClaimKind.THESIS])))
    if action == "evidence":
        start = draw(st.integers(0, 500))
        quote = draw(texts)
        anchor = Anchor(
            source="src", quote=quote, start=start, end=start + len(quote), prefix=draw(st.text(max_size=5))
        )
        return ops.attach_evidence(graph, claim, anchor)
    if action == "score":
        return ops.set_base_score(graph, claim, draw(st.none() | st.floats(0, 1)))
    if action == "move":
        return ops.move_claim(graph, claim, draw(st.sampled_from(sorted(graph.map.claims))))
    if action == "reorder" and relation:
        return ops.reorder(graph, relation, draw(st.sampled_from([-2, -1, 1, 2])))
    if action == "delete" and graph.map.claims[claim].kind is not ClaimKind.THESIS:
        return ops.delete_claim(graph, claim)
    return None
