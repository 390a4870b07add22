"""The canonical data of a map, and the parsed records a load keeps so that saving is fast.

The canonical form (spec §3): records keyed by id in sorted order, fields in the
models' order, defaults left out.  pydantic's serialiser takes about four times
as long as ``orjson.dumps`` on a 100k-claim map, yet a map read from a file
written by argmap already has every record's canonical data: the dict the JSON
parser made of it.  So :func:`remember` (called by ``store.loads``) checks each
parsed claim and relation once and keeps those that are canonical, and
:func:`map_data` reuses them for every record that is still the very object
validated from them.  Records are frozen, so an edited record is a new object,
and only those (and records whose parsed form was not canonical) go through
pydantic.  :func:`map_data` never adds to what was kept: every save after a load
does the same work as the first.
"""

from __future__ import annotations

import itertools
import operator
from dataclasses import dataclass
from typing import Any

from pydantic import TypeAdapter

from argmap.model import Anchor, ArgMap, Claim, Relation

ID_TABLES = ("sources", "speakers", "claims", "relations", "conflicts")
KEPT_TABLES = ("claims", "relations")
"""The tables that grow with the map; the others are small and always serialised afresh."""

_NOT_KEPT = object()
"""Stands for a record whose parsed form was not canonical: it never is the current record."""

_ADAPTERS: dict[str, TypeAdapter[Any]] = {
    "claims": TypeAdapter(dict[str, Claim]),
    "relations": TypeAdapter(dict[str, Relation]),
}


@dataclass(frozen=True, eq=False)
class _KeptTable:
    ids: tuple[str, ...]
    records: tuple[object, ...]
    """The record validated from each id's parsed data, or ``_NOT_KEPT``."""
    data: dict[str, Any]
    """The parsed table as it came from the file: canonical for every record kept."""
    ordered: bool


class KeptForm:
    """What a load kept of a map's parsed file.  It is no part of the map's value.

    So it compares equal to anything (a loaded map equals the same map built in
    memory), and a deep copy of a map shares it instead of copying it: the copy's
    records are new objects, which the identity checks of :func:`map_data` skip.
    """

    __slots__ = ("tables",)

    def __init__(self, tables: dict[str, _KeptTable]) -> None:
        self.tables = tables

    def __eq__(self, other: object) -> bool:
        return True

    __hash__ = None  # type: ignore[assignment]

    def __deepcopy__(self, memo: dict[int, Any]) -> KeptForm:
        return self


def remember(argmap: ArgMap, raw: dict[str, Any]) -> None:
    """Keep the parsed claims and relations of ``argmap`` that are already in canonical form."""
    tables = {}
    for name, canonical in (("claims", _claim_is_canonical), ("relations", _relation_is_canonical)):
        data = raw.get(name)
        models: dict[str, Any] = getattr(argmap, name)
        if not isinstance(data, dict) or len(data) != len(models):
            continue
        ids = tuple(data)
        records = tuple(
            record if good else _NOT_KEPT
            for record, good in zip(map(models.__getitem__, ids), map(canonical, data.values()), strict=True)
        )
        ordered = all(map(operator.lt, ids, itertools.islice(ids, 1, None)))
        tables[name] = _KeptTable(ids, records, data, ordered)
    argmap._kept_form = KeptForm(tables)


def map_data(argmap: ArgMap) -> dict[str, Any]:
    """The canonical data of a map, ready for ``orjson.dumps``; never to be changed by the caller."""
    small = argmap.model_dump(mode="json", exclude_defaults=True, exclude=set(KEPT_TABLES))
    kept: KeptForm | None = argmap._kept_form
    out: dict[str, Any] = {}
    for name in ArgMap.model_fields:
        if name in KEPT_TABLES:
            table = getattr(argmap, name)
            if table:
                out[name] = _table_data(name, table, kept.tables.get(name) if kept else None)
        elif name in small:
            value = small[name]
            out[name] = dict(sorted(value.items())) if name in ID_TABLES else value
    return out


def _table_data(name: str, table: dict[str, Any], kept: _KeptTable | None) -> dict[str, Any]:
    adapter = _ADAPTERS[name]
    if kept is None:
        return dict(sorted(adapter.dump_python(table, mode="json", exclude_defaults=True).items()))
    current = list(map(table.get, kept.ids))
    stale = list(itertools.compress(kept.ids, map(operator.is_not, current, kept.records)))
    if not stale and len(table) == len(kept.ids) and kept.ordered:
        return kept.data
    out = dict(kept.data)
    changed = [rid for rid in stale if rid in table]
    for rid in stale:
        if rid not in table:
            del out[rid]
    added = table.keys() - out.keys() if len(table) > len(out) else set()
    fresh = {rid: table[rid] for rid in itertools.chain(changed, added)}
    out.update(adapter.dump_python(fresh, mode="json", exclude_defaults=True))
    if added or not kept.ordered:
        ordered = dict.fromkeys(sorted(out))  # nearly sorted already: about one comparison per id
        ordered.update(out)
        return ordered
    return out


# Whether a parsed record is what serialising its validated record gives back: fields in the
# model's order, none at its default, numbers of the field's own type (pydantic turns 1 into 1.0
# for a float field, and orjson writes that back as 1.0).


def _key_orders(fields: tuple[str, ...], required: set[str]) -> frozenset[tuple[str, ...]]:
    """Every subsequence of ``fields`` that holds the required ones: the canonical key orders."""
    return frozenset(
        combo
        for size in range(len(fields) + 1)
        for combo in itertools.combinations(fields, size)
        if required <= set(combo)
    )


def _orders_of(model: type[Anchor | Claim | Relation]) -> frozenset[tuple[str, ...]]:
    fields = model.model_fields
    return _key_orders(tuple(fields), {name for name, info in fields.items() if info.is_required()})


_CLAIM_ORDERS = _orders_of(Claim)
_RELATION_ORDERS = _orders_of(Relation)
_ANCHOR_ORDERS = _orders_of(Anchor)
CHECKED_FIELDS = {
    Claim: ("kind", "text", "implicit", "tags", "translations", "evidence", "base_score", "note"),
    Relation: ("type", "premises", "target", "rank", "scheme", "answers", "weight", "note"),
    Anchor: ("source", "quote", "prefix", "suffix", "start", "end", "speaker"),
}
"""The fields the checks below know; a test fails when a model gains one, so they are kept in step."""


def _anchor_is_canonical(data: Any) -> bool:
    return (
        type(data) is dict
        and tuple(data) in _ANCHOR_ORDERS
        and type(data["start"]) is int
        and type(data["end"]) is int
        and bool(data.get("prefix", True))
        and bool(data.get("suffix", True))
        and data.get("speaker", True) is not None
    )


def _claim_is_canonical(data: Any) -> bool:
    if type(data) is not dict or tuple(data) not in _CLAIM_ORDERS:
        return False
    if len(data) == 1:
        return True
    evidence = data.get("evidence", True)
    return (
        data.get("kind") != "claim"
        and data.get("implicit", True) is True
        and bool(data.get("tags", True))
        and bool(data.get("translations", True))
        and bool(evidence)
        and type(data.get("base_score", 0.0)) is float
        and bool(data.get("note", True))
        and (evidence is True or all(map(_anchor_is_canonical, evidence)))
    )


def _relation_is_canonical(data: Any) -> bool:
    return (
        type(data) is dict
        and tuple(data) in _RELATION_ORDERS
        and data.get("rank") != "m"
        and data.get("scheme", True) is not None
        and bool(data.get("answers", True))
        and type(data.get("weight", 0.0)) is float
        and bool(data.get("note", True))
    )
