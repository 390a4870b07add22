"""Reading a second version of a map against the first (``argmap diff``): the same data, errors and answers.

:func:`argmap.reparse.parse_against` must give exactly what parsing the whole
file gives, or None; ``store.loads_data(..., like=)`` must give the verdict and
the error message of a read of its own, for good and bad versions alike.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

import orjson
import pytest

from argmap import ops, store
from argmap.diff import describe, diff_maps, narrowed
from argmap.errors import ArgmapError
from argmap.graph import MapGraph
from argmap.model import ArgMap, Source
from argmap.reparse import parse_against
from benchmarks.generate import generate
from tests.security.hostile import ATTACK, hostile_map
from tests.test_prevalidate import BAD, GOOD, _variant

Edit = Callable[[MapGraph], None]


def _reword(graph: MapGraph) -> None:
    graph.apply(ops.edit_text(graph, sorted(graph.map.claims)[len(graph.map.claims) // 2], f"New {ATTACK}"))


def _add_reason(graph: MapGraph) -> None:
    graph.apply(ops.add_reason(graph, sorted(graph.map.claims)[5], "A new reason."))


def _delete_last(graph: MapGraph) -> None:
    graph.apply(ops.delete_claim(graph, sorted(graph.map.claims)[-1]))


def _delete_first(graph: MapGraph) -> None:
    first = next(cid for cid in sorted(graph.map.claims) if cid not in graph.map.theses())
    graph.apply(ops.delete_claim(graph, first))


def _reorder(graph: MapGraph) -> None:
    movable = [rid for rid, rel in sorted(graph.map.relations.items()) if len(graph.children(rel.target)) > 2]
    graph.apply(ops.reorder(graph, movable[0], 1))


def _move(graph: MapGraph) -> None:
    graph.apply(ops.move_claim(graph, sorted(graph.map.claims)[-3], graph.map.theses()[0]))


def _add_source(graph: MapGraph) -> None:
    graph.apply(ops.add_source(graph, "zz-new", Source(title="A new source")))


def _several(graph: MapGraph) -> None:
    for edit in (_reword, _add_reason, _delete_last, _reorder):
        edit(graph)


EDITS: dict[str, Edit] = {
    "reword": _reword,
    "add a reason": _add_reason,
    "delete the last claim": _delete_last,
    "delete the first claim": _delete_first,
    "reorder": _reorder,
    "move": _move,
    "add a source": _add_source,
    "several": _several,
}
ONE_PLACE = ("reword", "add a reason", "reorder", "add a source")
"""Edits that change one record, or one claim and its relation: only they are parsed."""


def _versions(base: ArgMap, edit: Edit) -> tuple[bytes, bytes]:
    graph = MapGraph(base.model_copy(deep=True))
    edit(graph)
    return store.dumps(base), store.dumps(graph.map)


@pytest.fixture(scope="module")
def generated() -> ArgMap:
    return generate(300)[0]


@pytest.mark.parametrize("name", EDITS)
def test_an_edited_version_is_parsed_as_a_whole_parse_would(generated: ArgMap, name: str) -> None:
    old, new = _versions(generated, EDITS[name])
    reparsed = parse_against(new, old, orjson.loads(old), store.CANONICAL_LAYOUT)
    assert reparsed is not None
    assert reparsed.raw == orjson.loads(new)
    assert list(reparsed.raw) == list(orjson.loads(new))
    assert all(list(reparsed.raw[t]) == list(orjson.loads(new)[t]) for t in ("claims", "relations"))
    if name in ONE_PLACE:  # a run of records from the first to the last difference in a table is parsed
        assert sum(len(reparsed.fresh.get(table, {})) for table in ("claims", "relations")) < 10


@pytest.mark.parametrize(
    "change",
    [
        lambda d: d.replace(b'\n  "title"', b'\n  "description": "x",\n  "title"'),  # a field added
        lambda d: d.replace(b'  "title": "Title', b'  "title": "Another title'),  # a field changed
        lambda d: d.replace(b'\n  "description": ' + d.split(b'\n  "description": ')[1].split(b"\n")[0], b""),
    ],
)
def test_changes_to_the_maps_own_fields(change: Callable[[bytes], bytes]) -> None:
    old = store.dumps(hostile_map())
    new = change(old)
    assert new != old
    reparsed = parse_against(new, old, orjson.loads(old), store.CANONICAL_LAYOUT)
    assert reparsed is None or reparsed.raw == orjson.loads(new)


@pytest.mark.parametrize(
    "change",
    [
        lambda d: d.replace(b'"text": "Reason', b'"text": "Reason', 1).replace(b"\n    }", b"\n    ", 1),  # bad JSON
        lambda d: d.replace(b'\n      "text"', b'\n        "text"', 1),  # another indent
        lambda d: d.replace(b'"premises": [\n        "objection"', b'"premises": ["objection"', 1),  # one line
        lambda d: d.replace(b'    "reason": {', b'    "objection": {', 1),  # an id twice
        lambda d: d.replace(b"\n}\n", b"\n}"),  # no final newline
        lambda d: d + b"\n",
        lambda d: b"",
        lambda d: d.replace(b"{", b"[", 1),
    ],
)
def test_a_version_not_in_the_canonical_layout_is_left_to_a_whole_parse(change: Callable[[bytes], bytes]) -> None:
    old = store.dumps(hostile_map())
    new = change(old)
    assert new != old
    assert parse_against(new, old, orjson.loads(old), store.CANONICAL_LAYOUT) is None


def _outcome(load: Callable[[], Any]) -> Any:
    try:
        return load()
    except ArgmapError as error:
        return str(error)


def _read_both_ways(old: bytes, new: bytes) -> tuple[Any, Any]:
    """What reading ``new`` against ``old`` gives, and what reading it alone gives."""
    base = store.loads_data(old, "old.argmap.json")
    against = _outcome(lambda: store.loads_data(new, "new.argmap.json", like=base))
    alone = _outcome(lambda: store.loads_data(new, "new.argmap.json"))
    for outcome in (against, alone):
        if isinstance(outcome, store.MapData):
            return _outcome(lambda: store.loads_data(new, "new.argmap.json", like=base).build()), _outcome(
                lambda: store.loads(new, "new.argmap.json").map
            )
    return against, alone


@pytest.mark.parametrize(("where", "name", "value"), BAD)
def test_a_bad_version_gets_the_error_a_read_of_its_own_gives(where: str, name: str | None, value: Any) -> None:
    old = orjson.dumps(GOOD, option=store.CANONICAL_LAYOUT)
    new = orjson.dumps(_variant(where, name, value), option=store.CANONICAL_LAYOUT)
    against, alone = _read_both_ways(old, new)
    assert isinstance(alone, str)
    assert against == alone


def test_a_good_version_gives_the_same_records_and_is_vouched_for_in_turn(generated: ArgMap) -> None:
    old, new = _versions(generated, _several)
    base = store.loads_data(old, "old")
    assert base.vouched == old
    read = store.loads_data(new, "new", like=base)
    assert read.raw == orjson.loads(new)
    assert read.vouched == new
    assert read.build() == store.loads(new, "new").map


def test_a_version_with_a_value_the_models_convert_is_validated_by_them() -> None:
    old = orjson.dumps(GOOD, option=store.CANONICAL_LAYOUT)
    new = orjson.dumps(_variant("claims.cost", "base_score", 1), option=store.CANONICAL_LAYOUT)
    read = store.loads_data(new, "new", like=store.loads_data(old, "old"))
    assert read.vouched is None
    assert read.build() == store.loads(new, "new").map


def test_a_duplicate_id_in_the_other_version_is_found_as_alone() -> None:
    old = orjson.dumps(GOOD, option=store.CANONICAL_LAYOUT)
    new = old.replace(b'    "plain": {', b'    "cost": {')
    base = store.loads_data(old, "old")
    assert store.loads_data(new, "new", like=base).duplicates == store.loads_data(new, "new").duplicates != []


def test_the_diff_of_versions_read_against_each_other_is_the_diff_of_the_whole_maps(generated: ArgMap) -> None:
    old, new = _versions(generated, _several)
    old_data = store.loads_data(old, "old")
    new_data = store.loads_data(new, "new", like=old_data)
    old_part, new_part = (ArgMap.model_validate(part) for part in narrowed(old_data.raw, new_data.raw))
    whole_old, whole_new = store.loads(old).map, store.loads(new).map
    whole = describe(diff_maps(whole_old, whole_new), whole_old, whole_new)
    assert describe(diff_maps(old_part, new_part), old_part, new_part) == whole
    assert {entry.action for entry in whole} >= {"reworded", "added", "removed", "reordered"}


def test_a_map_read_against_itself_shares_every_record(generated: ArgMap) -> None:
    data = store.dumps(generated)
    base = store.loads_data(data, "old")
    again = store.loads_data(copy.copy(data), "new", like=base)
    assert again.raw == base.raw
    assert all(again.raw[table] is base.raw[table] for table in ("claims", "relations"))
