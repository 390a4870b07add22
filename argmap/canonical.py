"""The canonical data of a map, and the parsed records a load keeps so that saving is fast.

The canonical form (docs/format.md): records keyed by id in sorted order, fields in the
models' order, defaults left out.  pydantic's serialiser takes about four times
as long as ``orjson.dumps`` on a 100k-claim map, yet a map read from a file
written by argmap already has every record's canonical data: the dict the JSON
parser made of it.  So :func:`remember` (called by ``store.loads``) checks each
parsed claim and relation once and keeps those that are canonical in a
:class:`KeptForm`, which travels with the file that was read (``store.MapFile.kept``),
never on the map; :func:`map_data` reuses them for every record that is still the
very object validated from them (identity, not equality: equal dicts may differ in order).
Records are frozen, so an edited record is a new object, and only those (and
records whose parsed form was not canonical) go through pydantic.
:func:`map_data` never adds to what was kept: every save after a load does the
same work as the first.
"""

from __future__ import annotations

import itertools
import operator
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from pydantic import TypeAdapter

from argmap.graph import TABLES
from argmap.model import Anchor, ArgMap, Claim, Relation

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


@dataclass(frozen=True, eq=False)
class KeptForm:
    """What a load kept of a map's parsed file, to be handed back to :func:`map_data` when the map is saved.

    Safe with any map, even another one: a record is reused only while it is the
    very object validated from the kept data.
    """

    tables: dict[str, _KeptTable]


def remember(argmap: ArgMap, raw: dict[str, Any]) -> KeptForm:
    """The parsed claims and relations of ``argmap`` that are already in canonical form."""
    tables = {}
    for name, checks in (("claims", _CLAIM_CHECKS), ("relations", _RELATION_CHECKS)):
        data = raw.get(name)
        models: dict[str, Any] = getattr(argmap, name)
        if not isinstance(data, dict) or len(data) != len(models):
            continue
        ids = tuple(data)
        verdicts = list(_verdicts(checks, list(data.values())))
        if all(verdicts):  # validation keeps the order of the parsed table
            records = tuple(models.values())
        else:
            records = tuple(map(_kept_or_not, map(models.__getitem__, ids), verdicts))
        ordered = all(map(operator.lt, ids, itertools.islice(ids, 1, None)))
        tables[name] = _KeptTable(ids, records, data, ordered)
    return KeptForm(tables)


def _kept_or_not(record: object, canonical: bool) -> object:
    return record if canonical else _NOT_KEPT


def map_data(argmap: ArgMap, kept: KeptForm | None = None) -> dict[str, Any]:
    """The canonical data of a map, ready for ``orjson.dumps``; never to be changed by the caller.

    ``kept`` is what the load of this map remembered (without it every record is serialised, about 5× slower).
    """
    small = argmap.model_dump(mode="json", exclude_defaults=True, exclude=set(KEPT_TABLES))
    out: dict[str, Any] = {}
    for name in ArgMap.model_fields:
        if name in KEPT_TABLES:
            table = getattr(argmap, name)
            if table:
                out[name] = _table_data(name, table, kept.tables.get(name) if kept else None)
        elif name in small:
            value = small[name]
            out[name] = dict(sorted(value.items())) if name in TABLES else value
    return out


def _table_data(name: str, table: dict[str, Any], kept: _KeptTable | None) -> dict[str, Any]:
    adapter = _ADAPTERS[name]
    if kept is None:
        return dict(sorted(adapter.dump_python(table, mode="json", exclude_defaults=True).items()))
    ids = tuple(table)
    count = len(kept.ids)
    if kept.ordered and ids[:count] == kept.ids:  # records replaced in place, new ones after: what edits do
        changed = list(itertools.compress(kept.ids, map(operator.is_not, table.values(), kept.records)))
        added = ids[count:]
        if not changed and not added:
            return kept.data  # the very records loaded, under the same ids, in the same order
        fresh = adapter.dump_python(
            {rid: table[rid] for rid in changed + list(added)}, mode="json", exclude_defaults=True
        )
        if added:
            out = dict.fromkeys(sorted(ids))  # sorted already but for the few added at the end
            out.update(kept.data)
        else:
            out = dict(kept.data)
        out.update(fresh)
        return out
    current = list(map(table.get, kept.ids))
    stale = list(itertools.compress(kept.ids, map(operator.is_not, current, kept.records)))
    out = dict(kept.data)
    changed = [rid for rid in stale if rid in table]
    for rid in stale:
        if rid not in table:
            del out[rid]
    new_ids = table.keys() - out.keys() if len(table) > len(out) else set()
    fresh = {rid: table[rid] for rid in itertools.chain(changed, new_ids)}
    out.update(adapter.dump_python(fresh, mode="json", exclude_defaults=True))
    if new_ids or not kept.ordered:
        ordered = dict.fromkeys(sorted(out))  # nearly sorted already: about one comparison per id
        ordered.update(out)
        return ordered
    return out


# Whether a parsed record is what serialising its validated record gives back: fields in the
# model's order, none at its default, numbers of the field's own type (pydantic turns 1 into 1.0
# for a float field, and orjson writes that back as 1.0).  Loading a 100k-claim map checks 270k
# records, so each order of keys gets its own check of just the fields it holds (see _Checks).

RULES: dict[type[Anchor | Claim | Relation], dict[str, str]] = {
    Anchor: {
        "source": "",
        "quote": "",
        "prefix": "{v}",
        "suffix": "{v}",
        "start": "type({v}) is int",
        "end": "type({v}) is int",
        "speaker": "{v} is not None",
    },
    Claim: {
        "kind": "{v} != 'claim'",
        "text": "",
        "title": "{v}",
        "variants": "{v}",
        "implicit": "{v} is True",
        "tags": "{v}",
        "translations": "{v}",
        "evidence": "{v} and all(_verdicts(_ANCHOR_CHECKS, {v}))",
        "base_score": "type({v}) is float",
        "note": "{v}",
    },
    Relation: {
        "type": "",
        "premises": "",
        "target": "",
        "rank": "{v} != 'm'",
        "scheme": "{v} is not None",
        "answers": "{v}",
        "weight": "type({v}) is float",
        "note": "{v}",
    },
}
"""Per field, when its parsed value is canonical (``{v}`` is the value; empty: whenever it validated)."""


class _Checks(dict[tuple[str, ...], Callable[[dict[str, Any]], bool]]):
    """The check of each order of keys, compiled when first met (compiling all 168 would slow every start).

    A canonical order is a subsequence of the model's fields that holds the
    required ones; its check tests just the fields it holds.  Any other order
    is not canonical.
    """

    def __init__(self, model: type[Anchor | Claim | Relation]) -> None:
        super().__init__()
        self.rules = RULES[model]
        self.required = {name for name, info in model.model_fields.items() if info.is_required()}

    def __missing__(self, keys: tuple[str, ...]) -> Callable[[dict[str, Any]], bool]:
        in_order = [field for field in self.rules if field in keys]
        if list(keys) != in_order or not self.required <= set(keys):
            check = _never
        else:
            tests = [self.rules[key].format(v=f"d[{key!r}]") for key in keys if self.rules[key]]
            body = " and ".join(f"({test})" for test in tests) or "True"
            check = eval(f"lambda d: bool({body})", globals())
        self[keys] = check
        return check


def _verdicts(checks: _Checks, parsed: Sequence[Any]) -> Iterator[bool]:
    """Whether each parsed record is canonical: the check of its order of keys."""
    return map(operator.call, map(checks.__getitem__, map(tuple, parsed)), parsed)


def _never(data: dict[str, Any]) -> bool:
    return False


_ANCHOR_CHECKS = _Checks(Anchor)
_CLAIM_CHECKS = _Checks(Claim)
_RELATION_CHECKS = _Checks(Relation)
