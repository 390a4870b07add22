"""What changed between two versions of a map, aligned by id.

The exact difference is an :class:`~argmap.graph.Edit` of record replacements
plus the map's own fields that changed: applying it to the old map gives the new
one (:func:`apply_diff`).  The report a person reads (claims added, reworded,
moved, reordered…) is a view computed from it by :func:`describe`; the renderers
(terminal text, JSON, a diagram) only format that view.
"""

from __future__ import annotations

import dataclasses
import difflib
import re
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from argmap.errors import ArgmapError
from argmap.graph import TABLES, Change, Edit, MapGraph, Record, StaleEditError
from argmap.heap import gc_paused
from argmap.model import ArgMap, Claim, Relation

MAP_FIELDS = ("argmap", "title", "language", "description")
"""The map's own fields, outside its tables."""


@dataclass(frozen=True, slots=True)
class FieldChange:
    """One of the map's own fields (title, language…) changed."""

    name: str
    before: Any
    after: Any


@dataclass(frozen=True, slots=True)
class MapDiff:
    """The exact difference between two maps: apply it to the old one to get the new one."""

    edit: Edit
    fields: tuple[FieldChange, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.edit.changes or self.fields)


def diff_maps(old: ArgMap, new: ArgMap) -> MapDiff:
    """Every record that differs, by table and id (sorted), and the map fields that differ."""
    with gc_paused():  # the cycle collector would walk both large maps for nothing
        return _diff_maps(old, new)


def _diff_maps(old: ArgMap, new: ArgMap) -> MapDiff:
    changes: list[Change] = []
    for table in TABLES:
        before: dict[str, Record] = getattr(old, table)
        after: dict[str, Record] = getattr(new, table)
        differing = [
            ident  # not same(was, now), inlined: the hot loop
            for ident, was in before.items()
            if (now := after.get(ident)) is not was and (now is None or was.__dict__ != now.__dict__)
        ]
        differing += after.keys() - before.keys()
        changes.extend(Change(table, ident, before.get(ident), after.get(ident)) for ident in sorted(differing))
    fields = tuple(
        FieldChange(name, getattr(old, name), getattr(new, name))
        for name in MAP_FIELDS
        if getattr(old, name) != getattr(new, name)
    )
    return MapDiff(Edit("apply diff", tuple(changes)), fields)


def narrowed(old: dict[str, Any], new: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """Two versions' parsed data cut down to what can differ, so that only that is built into models.

    Records whose data are equal are equal as models too, and are left out of
    both sides; a relation that stays is kept with every relation that shares its
    target on either side, so that :func:`describe` can place a reordering among
    its siblings.  :func:`diff_maps` and :func:`describe` of the models built from
    the two parts say exactly what they say of the whole maps.
    """
    parts: tuple[dict[str, Any], dict[str, Any]] = (
        {key: value for key, value in old.items() if key not in TABLES},
        {key: value for key, value in new.items() if key not in TABLES},
    )
    for table in TABLES:
        before, after = old.get(table, {}), new.get(table, {})
        if before is after:  # a table read against the other version's (argmap.reparse) is shared when equal
            differing: set[str] = set()
        else:
            differing = {ident for ident, was in before.items() if (now := after.get(ident)) is not was and now != was}
            differing.update(after.keys() - before.keys())
        if table == "relations" and differing:
            targets = {side[rid]["target"] for side in (before, after) for rid in differing if rid in side}
            differing.update(rid for side in (before, after) for rid, rel in side.items() if rel["target"] in targets)
        for whole, part in zip((before, after), parts, strict=True):
            part[table] = {ident: whole[ident] for ident in sorted(differing) if ident in whole}
    return parts


def same(a: Record | None, b: Record | None) -> bool:
    """Whether two records of one table are equal; comparing field values directly is the fast path."""
    if a is b:
        return True
    if a is None or b is None:
        return False
    return a.__dict__ == b.__dict__


def apply_diff(argmap: ArgMap, diff: MapDiff) -> ArgMap:
    """A new map: ``argmap`` with ``diff`` applied; the input is left as it was."""
    for change in diff.fields:
        if getattr(argmap, change.name) != change.before:
            raise ArgmapError(f"the diff does not apply: the map's {change.name} is not {change.before!r}")
    result = argmap.model_copy(
        update={
            **{table: dict(getattr(argmap, table)) for table in TABLES},
            **{change.name: change.after for change in diff.fields},
        }
    )
    try:
        MapGraph(result).apply(diff.edit)
    except StaleEditError as error:
        raise ArgmapError(f"the diff does not apply to this map: {error}") from None
    return result


# The report -------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Entry:
    """One line of the report: what happened to which field of which record.

    ``action`` is one of added, removed, reworded, changed, moved, reordered,
    evidence-added, evidence-removed.  ``before`` and ``after`` are JSON values.
    ``words`` is the word diff of a rewording: ``("=" | "-" | "+", text)`` runs.
    """

    action: str
    table: str
    id: str
    field: str = ""
    before: Any = None
    after: Any = None
    words: tuple[tuple[str, str], ...] = ()
    detail: dict[str, Any] = dataclasses.field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"action": self.action, "table": self.table, "id": self.id}
        if self.field:
            data["field"] = self.field
        if self.before is not None:
            data["before"] = self.before
        if self.after is not None:
            data["after"] = self.after
        if self.words:
            data["words"] = [list(run) for run in self.words]
        if self.detail:
            data["detail"] = self.detail
        return data


def describe(diff: MapDiff, old: ArgMap, new: ArgMap) -> list[Entry]:
    """The changes as a person reads them, in a stable order (map fields, then tables by id)."""
    entries = [Entry("changed", "map", "", change.name, change.before, change.after) for change in diff.fields]
    for change in diff.edit.changes:
        if change.before is None:
            entries.append(Entry("added", change.table, change.id, after=record_json(change.after)))
            continue
        if change.after is None:
            entries.append(Entry("removed", change.table, change.id, before=record_json(change.before)))
            continue
        entries.extend(_field_entries(change))
    targets = {entry.detail["target"] for entry in entries if entry.action == "reordered"}
    if targets:
        entries = _with_positions(entries, targets, old, new)
    return entries


def _field_entries(change: Change) -> list[Entry]:
    before, after = change.before, change.after
    assert before is not None and after is not None
    out: list[Entry] = []
    for name in type(before).model_fields:
        was, now = getattr(before, name), getattr(after, name)
        if was == now:
            continue
        if name == "text" and isinstance(before, Claim):
            out.append(Entry("reworded", change.table, change.id, name, was, now, word_diff(was, now)))
        elif name == "evidence":
            out.extend(
                Entry("evidence-removed", change.table, change.id, name, before=json_value(anchor))
                for anchor in was
                if anchor not in now
            )
            out.extend(
                Entry("evidence-added", change.table, change.id, name, after=json_value(anchor))
                for anchor in now
                if anchor not in was
            )
        elif name == "target" and isinstance(after, Relation):
            detail = {"premises": list(after.premises)}
            out.append(Entry("moved", change.table, change.id, name, was, now, detail=detail))
        elif (
            name == "rank"
            and isinstance(before, Relation)
            and isinstance(after, Relation)
            and before.target == after.target
        ):
            out.append(Entry("reordered", change.table, change.id, name, was, now, detail={"target": after.target}))
        elif name == "rank":
            continue  # a move gives a new rank; the move says it
        else:
            out.append(Entry("changed", change.table, change.id, name, json_value(was), json_value(now)))
    return out


def _with_positions(entries: list[Entry], targets: set[str], old: ArgMap, new: ArgMap) -> list[Entry]:
    """Say where a reordered reason stood among its siblings before and after (1-based)."""
    before, after = _sibling_orders(old, targets), _sibling_orders(new, targets)
    out = []
    for entry in entries:
        if entry.action == "reordered":
            target = entry.detail["target"]
            detail = {
                "target": target,
                "from": before[target].index(entry.id) + 1,
                "to": after[target].index(entry.id) + 1,
                "siblings": len(after[target]),
            }
            entry = Entry(entry.action, entry.table, entry.id, entry.field, entry.before, entry.after, detail=detail)
        out.append(entry)
    return out


def _sibling_orders(argmap: ArgMap, targets: set[str]) -> dict[str, list[str]]:
    children: defaultdict[str, list[tuple[str, str]]] = defaultdict(list)
    for rid, relation in argmap.relations.items():
        if relation.target in targets:
            children[relation.target].append((relation.rank, rid))
    return {target: [rid for _, rid in sorted(pairs)] for target, pairs in children.items()}


_TOKEN = re.compile(r"\w+|\s+|[^\w\s]+")


def word_diff(old: str, new: str) -> tuple[tuple[str, str], ...]:
    """Runs of kept (``=``), removed (``-``) and added (``+``) words turning ``old`` into ``new``."""
    a, b = _TOKEN.findall(old), _TOKEN.findall(new)
    runs: list[tuple[str, str]] = []

    def push(op: str, text: str) -> None:
        if not text:
            return
        if runs and runs[-1][0] == op:
            runs[-1] = (op, runs[-1][1] + text)
        else:
            runs.append((op, text))

    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            push("=", "".join(a[i1:i2]))
        else:
            push("-", "".join(a[i1:i2]))
            push("+", "".join(b[j1:j2]))
    return tuple(runs)


def record_json(record: Record | None) -> Any:
    """A record as it is written in the file, or None for no record."""
    return None if record is None else record.model_dump(mode="json", exclude_defaults=True)


def json_value(value: Any) -> Any:
    """A field value as JSON (anchors to objects, enums to strings, tuples to lists)."""
    if hasattr(value, "model_dump"):
        return value.model_dump(mode="json", exclude_defaults=True)
    if isinstance(value, tuple):
        return [json_value(item) for item in value]
    if isinstance(value, dict):
        return {key: json_value(item) for key, item in value.items()}
    if hasattr(value, "value"):
        return value.value
    return value
