"""Small maps built with argmap.ops for the diff, merge and git-driver tests."""

from __future__ import annotations

from collections.abc import Callable

from argmap import ops
from argmap.graph import TABLES, Edit, MapGraph
from argmap.model import Anchor, ArgMap, RelationType, Source


def copy(argmap: ArgMap) -> ArgMap:
    """A copy whose tables can be edited without touching the original (records are frozen)."""
    return argmap.model_copy(update={table: dict(getattr(argmap, table)) for table in TABLES})


def edited(argmap: ArgMap, *steps: Callable[[MapGraph], Edit]) -> ArgMap:
    """A copy of the map with each operation applied in turn."""
    graph = MapGraph(copy(argmap))
    for step in steps:
        graph.apply(step(graph))
    return graph.map


def sample_map() -> ArgMap:
    """A thesis with reasons, an objection, linked premises, an undercut, a source and evidence."""
    base = ops.new_map(
        "Russia's rapprochement with North Korea is a partnership of convenience, not an alliance.",
        title="Russia and North Korea",
        thesis_id="thesis",
    )
    return edited(
        base,
        lambda g: ops.add_source(g, "article", Source(title="Article", language="de")),
        lambda g: ops.add_reason(
            g, "thesis", "The two economies have almost nothing to offer each other.", claim_id="no-complementarity"
        ),
        lambda g: ops.add_reason(g, "thesis", "Russia needs shells for its war.", claim_id="shells"),
        lambda g: ops.add_objection(g, "thesis", "They signed a mutual defence treaty.", claim_id="treaty"),
        lambda g: ops.add_co_premise(g, "r-shells", "North Korea has large stocks of shells.", claim_id="stocks"),
        lambda g: ops.add_undercut(g, "r-shells", "Shells alone do not make an alliance.", claim_id="only-shells"),
        lambda g: ops.attach_evidence(
            g,
            "no-complementarity",
            Anchor(source="article", quote="fehlende wirtschaftliche Komplementarität", start=10, end=51),
        ),
        lambda g: ops.link_claim(g, "treaty", "no-complementarity", RelationType.ATTACK),
    )
