"""The fast validation of read-only commands: never more lenient than the models, and the same answers.

Every bad record below is fed to both paths: the fast check must not vouch for it,
so the error a user sees is the models' own (``store.loads`` and ``store.loads_data``
give the same message).  Good maps give the same records both ways, and ``argmap
diff`` built on the fast path reports exactly what the diff of the whole maps does.
"""

from __future__ import annotations

import copy
from typing import Any

import orjson
import pytest

from argmap import ops, store
from argmap.diff import describe, diff_maps, narrowed
from argmap.errors import ArgmapError
from argmap.graph import MapGraph
from argmap.model import ArgMap
from argmap.prevalidate import accepts
from benchmarks.generate import generate

ANCHOR = {"source": "essay", "quote": "Uniforms", "start": 0, "end": 8}
GOOD: dict[str, Any] = {
    "argmap": 1,
    "title": "Uniforms",
    "sources": {
        "essay": {
            "title": "An essay",
            "path": "sources/essay.txt",
            "sha256": "a" * 64,
            "left_out": [{"quote": "Background.", "prefix": "", "start": 40, "end": 51, "reason": "background"}],
        }
    },
    "speakers": {"ann": {"name": "Ann", "role": "host"}},
    "claims": {
        "thesis": {"kind": "thesis", "text": "Uniforms should be required."},
        "cost": {
            "text": "Uniforms cost money.",
            "implicit": True,
            "tags": ["money"],
            "translations": {"de": "Uniformen kosten Geld."},
            "evidence": [{**ANCHOR, "prefix": "", "suffix": " are", "speaker": "ann"}],
            "base_score": 0.25,
            "note": "a note",
        },
        "plain": {"text": "Plain."},
    },
    "relations": {
        "r-cost": {"type": "attack", "premises": ["cost"], "target": "thesis", "rank": "a0"},
        "r-plain": {"type": "support", "premises": ["plain"], "target": "thesis"},
        "r-full": {
            "type": "support",
            "premises": ["plain", "cost"],
            "target": "r-cost",
            "rank": "b",
            "scheme": "analogy",
            "answers": {"differences": "none"},
            "weight": 0.5,
            "note": "",
        },
    },
}

BAD = [  # (where, field, value): the field set to the value; None as value removes the field
    ("argmap", None, "2"),
    ("argmap", None, True),
    ("title", None, 3),
    ("claims", "thesis", []),
    ("claims.cost", "text", None),
    ("claims.cost", "text", 5),
    ("claims.cost", "implicit", "yes"),
    ("claims.cost", "implicit", 1),
    ("claims.cost", "kind", "claim-ish"),
    ("claims.cost", "kind", ["thesis"]),
    ("claims.cost", "tags", "money"),
    ("claims.cost", "tags", [1]),
    ("claims.cost", "translations", {"de": 1}),
    ("claims.cost", "base_score", 1.5),
    ("claims.cost", "base_score", "0.5"),
    ("claims.cost", "base_score", True),
    ("claims.cost", "colour", "red"),
    ("claims.cost", "evidence", {"source": "essay"}),
    ("claims.cost", "note", 3),
    ("claims.plain", "text", ["Plain."]),
    ("claims.plain", "kind", "reason"),
    ("claims.cost.evidence.0", "start", -1),
    ("claims.cost.evidence.0", "start", True),
    ("claims.cost.evidence.0", "end", 8.0),
    ("claims.cost.evidence.0", "quote", ""),
    ("claims.cost.evidence.0", "source", "bad id"),
    ("claims.cost.evidence.0", "speaker", ""),
    ("claims.cost.evidence.0", "page", 3),
    ("claims.cost.evidence.0", "prefix", 3),
    ("claims.cost.evidence.0", "quote", None),
    ("relations.r-cost", "type", "rebuts"),
    ("relations.r-cost", "type", None),
    ("relations.r-cost", "type", ["attack"]),
    ("relations.r-plain", "premises", [["plain"]]),
    ("relations.r-plain", "target", None),
    ("relations.r-cost", "premises", []),
    ("relations.r-cost", "premises", "cost"),
    ("relations.r-cost", "premises", ["-cost"]),
    ("relations.r-cost", "premises", ["co st"]),
    ("relations.r-cost", "premises", ["cost\nthesis"]),
    ("relations.r-cost", "premises", [3]),
    ("relations.r-cost", "target", "x" * 201),
    ("relations.r-cost", "target", ""),
    ("relations.r-cost", "target", "thése"),
    ("relations.r-cost", "rank", ""),
    ("relations.r-cost", "rank", "a-b"),
    ("relations.r-cost", "rank", 3),
    ("relations.r-full", "weight", -0.1),
    ("relations.r-full", "answers", ["none"]),
    ("relations.r-full", "note", 3),
    ("relations.r-full", "answers", {"x": None}),
    ("relations.r-full", "scheme", 3),
    ("relations.r-full", "because", "x"),
    ("sources.essay", "sha256", "abc"),
    ("sources.essay", "title", 7),
    ("sources.essay", "left_out", {"quote": "x"}),
    ("sources.essay.left_out.0", "quote", ""),
    ("sources.essay.left_out.0", "start", "40"),
    ("sources.essay.left_out.0", "end", -1),
    ("sources.essay.left_out.0", "reason", 3),
    ("sources.essay.left_out.0", "why", "x"),
    ("speakers.ann", "name", None),
    ("speakers.ann", "age", "40"),
]


def _variant(where: str, name: str | None, value: Any) -> dict[str, Any]:
    raw = copy.deepcopy(GOOD)
    if name is None:  # a top-level field
        raw[where] = value
        return raw
    node: Any = raw
    for step in where.split("."):
        node = node[int(step)] if isinstance(node, list) else node[step]
    if value is None:
        node.pop(name)
    else:
        node[name] = value
    return raw


def _outcome(load: Any, data: bytes) -> str | ArgMap:
    try:
        return load(data)
    except ArgmapError as error:
        return str(error)


def test_the_good_map_is_vouched_for_and_gives_the_same_records() -> None:
    assert accepts(copy.deepcopy(GOOD))
    data = orjson.dumps(GOOD)
    assert store.loads_data(data, "m.argmap.json").build() == store.loads(data, "m.argmap.json").map


@pytest.mark.parametrize(("where", "name", "value"), BAD)
def test_a_bad_record_is_left_to_the_models(where: str, name: str | None, value: Any) -> None:
    raw = _variant(where, name, value)
    assert not accepts(copy.deepcopy(raw))
    data = orjson.dumps(raw)
    full = _outcome(lambda d: store.loads(d, "m.argmap.json").map, data)
    fast = _outcome(lambda d: store.loads_data(d, "m.argmap.json").build(), data)
    assert fast == full


def test_values_the_models_convert_are_left_to_them() -> None:
    """An integer base score is a float to the models: the fast path does not guess, the models decide."""
    raw = _variant("claims.cost", "base_score", 1)
    assert not accepts(copy.deepcopy(raw))
    data = orjson.dumps(raw)
    assert store.loads_data(data, "m").build() == store.loads(data, "m").map


def _edited(argmap: ArgMap) -> ArgMap:
    graph = MapGraph(argmap.model_copy(deep=True))
    claims = sorted(graph.map.claims)
    graph.apply(ops.edit_text(graph, claims[10], "A new wording."))
    graph.apply(ops.add_reason(graph, claims[20], "A new reason."))
    graph.apply(ops.delete_claim(graph, claims[-1]))
    movable = [rid for rid, rel in sorted(graph.map.relations.items()) if len(graph.children(rel.target)) > 2]
    graph.apply(ops.reorder(graph, movable[0], 1))
    graph.apply(ops.move_claim(graph, claims[30], graph.map.theses()[0]))
    return graph.map.model_copy(update={"title": "Another title"})


def test_diff_of_the_narrowed_parts_is_the_diff_of_the_whole_maps() -> None:
    old, _ = generate(400)
    new = _edited(old)
    old_raw, new_raw = (orjson.loads(store.dumps(m)) for m in (old, new))
    old_part, new_part = (ArgMap.model_validate(part) for part in narrowed(old_raw, new_raw))
    whole = describe(diff_maps(old, new), old, new)
    assert {entry.action for entry in whole} >= {"reworded", "added", "removed", "reordered", "moved", "changed"}
    assert describe(diff_maps(old_part, new_part), old_part, new_part) == whole
    assert len(old_part.claims) + len(old_part.relations) < len(old.claims) // 4
