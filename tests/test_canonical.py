"""Saving a loaded map reuses its parsed records: the bytes must be exactly those of a fresh serialisation."""

from __future__ import annotations

import copy

import orjson
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap import canonical, ops, store
from argmap.graph import MapGraph
from argmap.model import Anchor, ArgMap, Claim, Relation
from tests.strategies import grow, maps


def fresh_bytes(argmap: ArgMap) -> bytes:
    """The canonical bytes by serialising every record with pydantic: no parsed record is reused."""
    return store.dumps(argmap)


def test_the_checks_know_every_field_of_the_records() -> None:
    for model in (Claim, Relation, Anchor):
        assert tuple(canonical.RULES[model]) == tuple(model.model_fields), model.__name__


def test_a_read_keeps_the_parsed_records_beside_the_map_not_on_it(uniforms_map: ArgMap) -> None:
    mapfile = store.loads(store.dumps(uniforms_map))
    assert mapfile.kept is not None
    kept = mapfile.kept.tables
    assert kept["claims"].data is not None and len(kept["claims"].ids) == len(uniforms_map.claims)
    assert mapfile.map == uniforms_map and uniforms_map == mapfile.map
    assert store.loads(store.dumps(uniforms_map), keep_form=False).kept is None


def test_a_kept_form_handed_to_another_map_reuses_nothing_of_it(uniforms_map: ArgMap) -> None:
    mapfile = store.loads(store.dumps(uniforms_map))
    other = copy.deepcopy(mapfile.map)
    graph = MapGraph(other)
    graph.apply(ops.edit_text(graph, "cost", "Uniforms cost a lot."))
    assert store.dumps(other, mapfile.kept) == fresh_bytes(other)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(maps(max_steps=15), st.data())
def test_saving_after_edits_gives_the_bytes_of_a_fresh_serialisation(argmap: ArgMap, data: st.DataObject) -> None:
    saved = store.dumps(argmap)
    mapfile = store.loads(saved)
    graph = MapGraph(mapfile.map)
    assert store.dumps(graph.map, mapfile.kept) == saved
    grow(data.draw, graph, data.draw(st.integers(1, 8)))
    assert store.dumps(graph.map, mapfile.kept) == fresh_bytes(graph.map)


def test_saving_after_adding_and_deleting_keeps_ids_sorted(uniforms_map: ArgMap) -> None:
    mapfile = store.loads(store.dumps(uniforms_map))
    graph = MapGraph(mapfile.map)
    graph.apply(ops.add_reason(graph, "thesis", "A first new reason."))
    graph.apply(ops.add_objection(graph, "thesis", "An objection."))
    graph.apply(ops.delete_claim(graph, sorted(c for c in graph.map.claims if c != "thesis")[0]))
    written = store.dumps(graph.map, mapfile.kept)
    assert written == fresh_bytes(graph.map)
    claims = list(orjson.loads(written)["claims"])
    assert claims == sorted(claims)


def _file(claims: dict, relations: dict) -> bytes:
    return orjson.dumps({"argmap": 1, "claims": claims, "relations": relations}, option=store.CANONICAL_LAYOUT)


CANONICAL_CLAIM = {"kind": "thesis", "text": "T", "evidence": [{"source": "s", "quote": "q", "start": 1, "end": 2}]}
CANONICAL_RELATION = {"type": "support", "premises": ["a"], "target": "t", "rank": "b", "weight": 0.5}


@pytest.mark.parametrize(
    ("table", "record"),
    [
        ("claims", {"text": "A", "kind": "claim"}),
        ("claims", {"kind": "statistic", "text": "A", "implicit": False}),
        ("claims", {"implicit": True, "text": "A"}),
        ("claims", {"text": "A", "kind": "statistic"}),
        ("claims", {"text": "A", "tags": []}),
        ("claims", {"text": "A", "translations": {}}),
        ("claims", {"text": "A", "evidence": []}),
        ("claims", {"text": "A", "base_score": 1}),
        ("claims", {"text": "A", "base_score": None}),
        ("claims", {"text": "A", "note": ""}),
        ("claims", {"text": "A", "evidence": [{"end": 2, "start": 1, "source": "s", "quote": "q"}]}),
        ("claims", {"text": "A", "evidence": [{"source": "s", "quote": "q", "start": 1, "end": 2, "prefix": ""}]}),
        ("claims", {"text": "A", "evidence": [{"quote": "q", "source": "s", "start": 1, "end": 2}]}),
        ("claims", {"text": "A", "evidence": [{"source": "s", "quote": "q", "start": 1, "end": 2, "speaker": None}]}),
        ("relations", {"type": "support", "premises": ["a"], "target": "t", "rank": "m"}),
        ("relations", {"premises": ["a"], "type": "support", "target": "t"}),
        ("relations", {"type": "support", "premises": ["a"], "target": "t", "scheme": None}),
        ("relations", {"type": "support", "premises": ["a"], "target": "t", "answers": {}}),
        ("relations", {"type": "support", "premises": ["a"], "target": "t", "weight": 1}),
        ("relations", {"type": "support", "premises": ["a"], "target": "t", "note": ""}),
    ],
)
def test_a_record_not_in_canonical_form_is_serialised_afresh(table: str, record: dict) -> None:
    claims = {"a": {"text": "A"}, "b": CANONICAL_CLAIM, "t": {"text": "T"}}
    relations = {"r": CANONICAL_RELATION}
    {"claims": claims, "relations": relations}[table]["x"] = record
    data = _file(claims, relations)
    mapfile = store.loads(data)
    assert store.dumps(mapfile.map, mapfile.kept) == fresh_bytes(mapfile.map) != data


def test_canonical_records_are_kept_and_written_back_as_they_were() -> None:
    data = _file({"a": {"text": "A"}, "b": CANONICAL_CLAIM, "t": {"text": "T"}}, {"r": CANONICAL_RELATION})
    mapfile = store.loads(data)
    assert mapfile.kept is not None
    assert all(record is not canonical._NOT_KEPT for t in mapfile.kept.tables.values() for record in t.records)
    assert store.dumps(mapfile.map, mapfile.kept) == fresh_bytes(mapfile.map) == data


def test_ids_out_of_order_are_sorted_on_save() -> None:
    data = _file({"t": {"text": "T"}, "a": {"text": "A"}}, {"r": CANONICAL_RELATION})
    mapfile = store.loads(data)
    assert list(orjson.loads(store.dumps(mapfile.map, mapfile.kept))["claims"]) == ["a", "t"]
    assert store.dumps(mapfile.map, mapfile.kept) == fresh_bytes(mapfile.map)
