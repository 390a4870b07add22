"""Three-way merge of maps by id and field, that never drops either side's work.

Records are matched by id.  A change made on one side only is taken; the same
change on both sides is taken once; tags, evidence and premises merge as sets
and translations and scheme answers key by key, so two people adding evidence to
one claim both keep theirs.  Two sides that add different records under the same
new id both keep them: theirs is renamed and its references rewired.

What cannot be decided (one field changed two ways; a record deleted on one side
and edited, or built upon, on the other) becomes a :class:`~argmap.model.Conflict`
stored in the merged map's ``conflicts`` table with every side's value.  The map
keeps ours' value (and keeps a record one side deleted), so it stays valid and
usable; ``argmap check`` reports the conflicts until :func:`resolve_conflict`
settles them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal, NamedTuple

from argmap import dialogue, ops
from argmap.diff import MAP_FIELDS, json_value, record_json, same
from argmap.errors import OperationError
from argmap.finding_codes import FindingCode
from argmap.graph import DIALOGUE_TABLES, TABLE_MODELS, TABLE_NOUNS, TABLES, Change, Edit, MapGraph, Record, Table
from argmap.heap import gc_paused
from argmap.ids import unique_id
from argmap.model import (
    CONFLICT_TABLES,
    ArgMap,
    Argument,
    Claim,
    ClaimKind,
    Conflict,
    Locution,
    Relation,
    RelationType,
    Rephrase,
    Transition,
)

if TYPE_CHECKING:
    from argmap.check import Finding

SET_FIELDS = frozenset({"tags", "evidence", "premises", "left_out"})
"""Tuple fields whose items are merged as sets: additions of both sides are kept."""
DICT_FIELDS = frozenset({"translations", "answers"})
"""Dict fields merged key by key."""


@dataclass(frozen=True, slots=True)
class MergeResult:
    """The merged map, the conflicts this merge found, and theirs' ids that were renamed."""

    map: ArgMap
    conflicts: dict[str, Conflict]
    renamed: dict[str, str]
    edit: Edit
    """The record changes that turn ours into the merged map (what an editor would apply)."""

    @property
    def clean(self) -> bool:
        return not self.conflicts


def merge_maps(base: ArgMap, ours: ArgMap, theirs: ArgMap) -> MergeResult:
    """Merge ``theirs`` into ``ours``, both descended from ``base``."""
    # Right after loading three large maps, the cycle collector would walk them all for nothing.
    with gc_paused():
        return _merge_maps(base, ours, theirs)


def _merge_maps(base: ArgMap, ours: ArgMap, theirs: ArgMap) -> MergeResult:
    """The merge; run again, mending what it broke, when the parts it changed fail ``check``'s shape checks."""
    result, graph = _merged(base, ours, theirs, mend=False)
    if _sound_where_changed(graph, result.edit):
        return result
    return _merged(base, ours, theirs, mend=True)[0]


def _merged(base: ArgMap, ours: ArgMap, theirs: ArgMap, *, mend: bool) -> tuple[MergeResult, MapGraph]:
    theirs, renamed = _rename_collisions(base, ours, theirs)
    conflicts: dict[str, Conflict] = {}
    tables: dict[str, dict[str, Record]] = {}
    touched: dict[str, set[str]] = {table: set() for table in TABLES}
    for table in TABLES:
        tables[table] = _merge_table(
            table, getattr(base, table), getattr(ours, table), getattr(theirs, table), conflicts, touched[table]
        )
    _keep_attached(tables, touched, ours, theirs)
    gone = {
        ident
        for table in ("claims", "relations", "sources", "speakers", *DIALOGUE_TABLES)
        for ident in touched[table]
        if ident not in tables[table]
    }
    fields: dict[str, Any] = {}
    for name in MAP_FIELDS:
        b, o, t = getattr(base, name), getattr(ours, name), getattr(theirs, name)
        fields[name] = _pick(b, o, t)
        if fields[name] is _CONFLICT:
            fields[name] = o
            conflicts[f"map.{name}"] = Conflict(table="map", field=name, base=b, ours=o, theirs=t)
    _rejoin_deleted_premises(tables, conflicts, base, ours, theirs)
    if gone:
        _restore_referenced(tables, touched, gone, base, ours, theirs, conflicts)
    if mend:
        _undo_breakage(tables, touched, fields, base, ours, theirs, conflicts)
    merged_conflicts = tables["conflicts"]
    for cid, conflict in sorted(conflicts.items()):
        new_id = unique_id(cid, merged_conflicts, limit=None)  # conflict ids are no record ids
        merged_conflicts[new_id] = conflict
        touched["conflicts"].add(new_id)
    changes = []
    for table in TABLES:
        before: dict[str, Record] = getattr(ours, table)
        after = tables[table]
        for ident in sorted(touched[table]):
            was, now = before.get(ident), after.get(ident)
            if not same(was, now):
                changes.append(Change(table, ident, was, now))
    edit = Edit("merge", tuple(changes))
    result = ours.model_copy(update={**{table: dict(getattr(ours, table)) for table in TABLES}, **fields})
    graph = MapGraph(result)
    graph.apply(edit)
    new_conflicts = {cid: c for cid, c in result.conflicts.items() if cid not in ours.conflicts}
    return MergeResult(result, new_conflicts, renamed, edit), graph


def _sound_where_changed(graph: MapGraph, edit: Edit) -> bool:
    """Whether the part of the merged map above what the merge changed passes the shape checks.

    A support circle the merge made runs through a relation it changed, and lies
    above that relation's premises; a claim it cut off is one it changed or a
    premise of a relation it changed, and whether that claim reaches a thesis
    depends only on what lies above it.  So checking the claims and relations
    above the changes finds what a whole check of the merged map would, at the
    cost of that part (8,600 of 100,000 claims for 1,216 changes), not of the map.
    A part that fails (also for a reason a side already had) sends the merge the
    long way, which compares with both sides.
    """
    claims, relations = graph.map.claims, graph.map.relations
    pending: list[str] = []
    for change in edit.changes:
        if change.table == "claims" and change.id in claims:
            pending.append(change.id)
        elif change.table == "relations":
            pending.append(change.id)
            for record in (change.before, change.after):
                if isinstance(record, Relation):
                    pending.extend(record.premises)
    seen_claims: dict[str, Claim] = {}
    seen_relations: dict[str, Relation] = {}
    while pending:
        item = pending.pop()
        if item in claims:
            if item not in seen_claims:
                seen_claims[item] = claims[item]
                for rid, _ in graph.parents(item):
                    pending.append(rid)
        elif item in relations and item not in seen_relations:
            relation = seen_relations[item] = relations[item]
            pending.extend(relation.premises)
            pending.append(relation.target)
    if not seen_claims:
        return True
    from argmap.check import shape_findings  # check imports this module (conflict findings)

    part = graph.map.model_copy(update={"claims": seen_claims, "relations": seen_relations, "conflicts": {}})
    return not shape_findings(part)


class _Conflict:
    """Marker: the two sides disagree."""


_CONFLICT: Any = _Conflict()


def _pick(base: Any, ours: Any, theirs: Any) -> Any:
    if ours == theirs:
        return ours
    if ours == base:
        return theirs
    if theirs == base:
        return ours
    return _CONFLICT


def _merge_table(
    table: Table,
    base: dict[str, Record],
    ours: dict[str, Record],
    theirs: dict[str, Record],
    conflicts: dict[str, Conflict],
    touched: set[str],
) -> dict[str, Record]:
    """Ours' records with theirs' changes merged in; ``touched`` collects the ids it may have changed.

    Only what theirs changed needs a decision, so the loop compares each of
    theirs' records with base once and moves on when it is unchanged.
    """
    merged = dict(ours)
    for ident, t in theirs.items():
        b = base.get(ident)
        if t is b or (b is not None and t.__dict__ == b.__dict__):  # same(t, b), inlined: the hot loop
            continue
        o = ours.get(ident)
        if same(o, t):
            continue
        touched.add(ident)
        if same(o, b):
            merged[ident] = t
        elif table == "conflicts":
            continue  # conflicts are only added or removed: keep ours' record
        elif o is None or b is None:
            # Deleted on our side but edited on theirs (or added differently): keep theirs, decide later.
            merged[ident] = o if o is not None else t
            conflicts[f"{table}.{ident}"] = Conflict(
                table=table, id=ident, base=record_json(b), ours=record_json(o), theirs=record_json(t)
            )
        else:
            merged[ident] = _merge_record(table, ident, b, o, t, conflicts)
    for ident in base.keys() - theirs.keys():
        o = ours.get(ident)
        if o is None:
            continue
        b = base[ident]
        if same(o, b):
            del merged[ident]
            touched.add(ident)
        elif table != "conflicts":
            # Deleted on their side but edited on ours: keep ours, decide later.
            conflicts[f"{table}.{ident}"] = Conflict(
                table=table, id=ident, base=record_json(b), ours=record_json(o), theirs=None
            )
    touched.update(base.keys() & (theirs.keys() - ours.keys()))  # deleted by ours: gone unless theirs edited it
    return merged


def _merge_record(
    table: Table, ident: str, base: Record, ours: Record, theirs: Record, conflicts: dict[str, Conflict]
) -> Record:
    update: dict[str, Any] = {}
    for name in type(base).model_fields:
        b, o, t = getattr(base, name), getattr(ours, name), getattr(theirs, name)
        value = _pick(b, o, t)
        if value is _CONFLICT and name in SET_FIELDS:
            value = _merge_set(b, o, t)
            if name == "premises" and not value:
                value = _CONFLICT  # each side removed a different premise: none would be left
        if value is _CONFLICT and name in DICT_FIELDS:
            value = {}
            for key in sorted(b.keys() | o.keys() | t.keys()):
                item = _pick(b.get(key), o.get(key), t.get(key))
                if item is _CONFLICT:
                    item = o.get(key)
                    conflicts[f"{table}.{ident}.{name}.{key}"] = Conflict(
                        table=CONFLICT_TABLES[table],
                        id=ident,
                        field=f"{name}.{key}",
                        base=b.get(key),
                        ours=item,
                        theirs=t.get(key),
                    )
                if item is not None:
                    value[key] = item
        if value is _CONFLICT:
            value = o
            conflicts[f"{table}.{ident}.{name}"] = Conflict(
                table=CONFLICT_TABLES[table],
                id=ident,
                field=name,
                base=json_value(b),
                ours=json_value(o),
                theirs=json_value(t),
            )
        if value != o:
            update[name] = value
    return ours.model_copy(update=update) if update else ours


def _merge_set(base: tuple[Any, ...], ours: tuple[Any, ...], theirs: tuple[Any, ...]) -> tuple[Any, ...]:
    """Ours' items in ours' order, without those theirs removed, then those theirs added."""
    removed = [item for item in base if item not in theirs]
    kept = [item for item in ours if item not in removed]
    return (*kept, *(item for item in theirs if item not in base and item not in ours))


# Ids added on both sides ---------------------------------------------------------------------------


def _rename_collisions(base: ArgMap, ours: ArgMap, theirs: ArgMap) -> tuple[ArgMap, dict[str, str]]:
    """Theirs with its new records renamed where ours added a different record under the same id."""
    renamed: dict[str, str] = {}
    namespaces = (
        ("claims", "relations", *DIALOGUE_TABLES),
        ("sources",),
        ("speakers",),
        ("arguments",),
        ("conflicts",),
    )
    while True:
        for namespace in namespaces:
            found = _collisions(namespace, base, ours, theirs)
            if found:
                theirs = _renamed(theirs, namespace, found)
                renamed.update(found)
                break
        else:
            return theirs, renamed


def _collisions(namespace: tuple[str, ...], base: ArgMap, ours: ArgMap, theirs: ArgMap) -> dict[str, str]:
    """New names for the ids both sides added, with different records, in one id namespace."""

    def lookup(argmap: ArgMap, ident: str) -> Record | None:
        for table in namespace:
            record: Record | None = getattr(argmap, table).get(ident)
            if record is not None:
                return record
        return None

    candidates: set[str] = set()
    for table in namespace:
        candidates |= getattr(theirs, table).keys() - getattr(base, table).keys()
    clashing = sorted(
        ident
        for ident in candidates
        if lookup(base, ident) is None
        and lookup(ours, ident) is not None
        and not same(lookup(ours, ident), lookup(theirs, ident))
    )
    if not clashing:
        return {}
    taken: set[str] = set()
    for table in namespace:
        for side in (base, ours, theirs):
            taken |= getattr(side, table).keys()
    found = {}
    for ident in clashing:
        found[ident] = unique_id(ident, taken)
        taken.add(found[ident])
    return found


def _renamed(argmap: ArgMap, namespace: tuple[str, ...], names: dict[str, str]) -> ArgMap:
    """The map with ids in ``namespace`` renamed and every reference to them rewired."""
    tables: dict[str, dict[str, Any]] = {table: dict(getattr(argmap, table)) for table in TABLES}
    for table in namespace:
        records = tables[table]
        for old, new in names.items():
            if old in records:
                records[new] = records.pop(old)
    kind: Literal["nodes", "sources", "speakers"] = (
        "nodes" if "claims" in namespace else "sources" if namespace == ("sources",) else "speakers"
    )
    if namespace != ("conflicts",):
        for table in DIALOGUE_TABLES:
            tables[table] = {ident: dialogue.renamed(r, names, kind) for ident, r in tables[table].items()}
    if "claims" in namespace:
        for rid, relation in tables["relations"].items():
            premises = tuple(names.get(p, p) for p in relation.premises)
            target = names.get(relation.target, relation.target)
            if premises != relation.premises or target != relation.target:
                tables["relations"][rid] = relation.model_copy(update={"premises": premises, "target": target})
        for aid, argument in tables["arguments"].items():
            tables["arguments"][aid] = argument.renamed(names)
    elif namespace not in (("conflicts",), ("arguments",)):
        key = "source" if namespace == ("sources",) else "speaker"
        for cid, claim in tables["claims"].items():
            if any(getattr(anchor, key) in names for anchor in claim.evidence):
                evidence = tuple(
                    anchor.model_copy(update={key: names.get(getattr(anchor, key), getattr(anchor, key))})
                    for anchor in claim.evidence
                )
                tables["claims"][cid] = claim.model_copy(update={"evidence": evidence})
    return argmap.model_copy(update=tables)


# References to deleted records ---------------------------------------------------------------------


def _keep_attached(
    tables: dict[str, dict[str, Record]], touched: dict[str, set[str]], ours: ArgMap, theirs: ArgMap
) -> None:
    """A claim kept because one side edited what the other deleted keeps its place in the argument.

    Deleting a claim takes its relations along; when the merge keeps the claim, the
    relations the deleting side removed with it come back from the side that kept
    them, or the claim would hang nowhere (``check``: no path to a thesis).
    """
    claims, relations = tables["claims"], tables["relations"]
    for rid in sorted(touched["relations"] - relations.keys()):
        kept = ours.relations.get(rid) or theirs.relations.get(rid)
        if kept is None or not all(premise in claims for premise in kept.premises):
            continue
        if any(premise not in ours.claims or premise not in theirs.claims for premise in kept.premises):
            relations[rid] = kept


def _restore_referenced(
    tables: dict[str, dict[str, Record]],
    touched: dict[str, set[str]],
    gone: set[str],
    base: ArgMap,
    ours: ArgMap,
    theirs: ArgMap,
    conflicts: dict[str, Conflict],
) -> None:
    """Bring back records one side deleted while the other still points at them, as conflicts.

    A claim comes back with the relations that linked it to its parents on the side
    that kept it (and those parents, if they went too; into its linked group again
    if the group stayed), so it keeps its place in the argument instead of hanging
    nowhere.
    """
    sides = (ours, theirs, base)
    parents: dict[int, dict[str, list[str]]] = {}
    pending = [
        record
        for table in ("claims", "relations", "arguments", *DIALOGUE_TABLES)
        for record in tables[table].values()
        if any(ref in gone for _, ref in _references(record))
    ]
    while pending:
        record = pending.pop()
        for namespace, ref in _references(record):
            if any(ref in tables[table] for table in namespace):
                continue
            home = next((t for t in namespace for side in sides if ref in getattr(side, t)), None)
            if home is None:
                continue  # dangling on every side already: check reports it, nothing to restore
            o, t, b = (getattr(side, home).get(ref) for side in sides)
            side = next(n for n, r in enumerate((o, t, b)) if r is not None)
            restored = (o, t, b)[side]
            tables[home][ref] = restored
            touched[home].add(ref)
            conflicts.setdefault(
                f"{home}.{ref}",
                Conflict(
                    table=CONFLICT_TABLES[home], id=ref, base=record_json(b), ours=record_json(o), theirs=record_json(t)
                ),
            )
            pending.append(restored)
            if home != "claims":
                continue
            if side not in parents:
                parents[side] = _relations_by_premise(sides[side])
            for rid in parents[side].get(ref, ()):
                merged = tables["relations"].get(rid)
                if merged is None:
                    tables["relations"][rid] = sides[side].relations[rid]
                    pending.append(sides[side].relations[rid])
                elif (
                    isinstance(merged, Relation) and ref not in merged.premises
                ):  # the other side kept the group without it: it joins again
                    tables["relations"][rid] = merged.model_copy(update={"premises": (*merged.premises, ref)})
                touched["relations"].add(rid)


def _relations_by_premise(argmap: ArgMap) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for rid, relation in argmap.relations.items():
        for premise in relation.premises:
            found.setdefault(premise, []).append(rid)
    return found


def _rejoin_deleted_premises(
    tables: dict[str, dict[str, Record]], conflicts: dict[str, Conflict], base: ArgMap, ours: ArgMap, theirs: ArgMap
) -> None:
    """Each side deleting a different premise of one linked group would leave it none: keep both.

    The relation keeps the premises either side kept, the claims the other side
    deleted come back as conflicts of their own (:func:`_restore_referenced`), and
    settling those in any order gives one side's group, the other's, both or none.
    A premise taken out of the group but kept as a claim stays a conflict on the
    premises: that is a choice only a person can make.
    """
    for key in [key for key, c in conflicts.items() if c.table == "relations" and c.field == "premises"]:
        rid = conflicts[key].id
        b, o, t = base.relations.get(rid), ours.relations.get(rid), theirs.relations.get(rid)
        if b is None or o is None or t is None or rid not in tables["relations"]:
            continue
        dropped = [(p, ours) for p in b.premises if p not in o.premises]
        dropped += [(p, theirs) for p in b.premises if p not in t.premises]
        if any(p in side.claims for p, side in dropped):
            continue
        kept = tuple(p for p in b.premises if p in o.premises or p in t.premises)
        tables["relations"][rid] = tables["relations"][rid].model_copy(update={"premises": kept})
        del conflicts[key]


# Results that break the map ----------------------------------------------------------------------


def _undo_breakage(
    tables: dict[str, dict[str, Record]],
    touched: dict[str, set[str]],
    fields: dict[str, Any],
    base: ArgMap,
    ours: ArgMap,
    theirs: ArgMap,
    conflicts: dict[str, Conflict],
) -> None:
    """A merged map broken in a way neither side was gets a conflict for what broke it.

    Two crossing moves (ours hangs A under B, theirs B under A) merge field by field
    into circular support that cuts both off from the thesis; a claim can lose its
    path to the thesis the same way.  The relations of a new support circle go back
    to ours' version; a claim cut off gets back the path to the thesis it has on a
    side (ours' if it has one there), keeping the premises the other side added.
    Each record so mended is recorded as a conflict of the whole record, so the
    merged map passes the shape checks and ``argmap merge`` exits 1; what cannot
    be mended in a few rounds is still recorded as a conflict.
    """
    from argmap.check import shape_findings  # check imports this module (conflict findings)

    def merged() -> ArgMap:
        return ours.model_copy(update={**tables, **fields})

    found = shape_findings(merged())
    if not found:
        return
    before = shape_findings(ours) | shape_findings(theirs)
    reverted: set[tuple[str, str]] = set()
    for _ in range(_ROUNDS):
        broken = _new_problems(found, before)
        if not broken:
            return
        current = merged()
        culprits = {key: how for key, how in _culprits(broken, current, ours, theirs).items() if key not in reverted}
        if not culprits:
            _flag_unmended(broken, tables, base, ours, theirs, conflicts)
            return
        for (table, ident), (side, joined) in sorted(culprits.items(), key=lambda item: item[0]):
            reverted.add((table, ident))
            b, o, t = (getattr(version, table).get(ident) for version in (base, ours, theirs))
            back = getattr(side, table).get(ident)
            now = tables[table].get(ident)
            if joined and isinstance(back, Relation) and isinstance(now, Relation):
                # a path mended for a claim cut off keeps the premises the other side added, or they are cut off next
                extra = tuple(p for p in now.premises if p not in back.premises)
                back = back.model_copy(update={"premises": (*back.premises, *extra)}) if extra else back
            if back is None:
                tables[table].pop(ident, None)
            else:
                tables[table][ident] = back
            touched[table].add(ident)
            for key in [key for key, c in conflicts.items() if c.table == table and c.id == ident]:
                del conflicts[key]
            conflicts[f"{table}.{ident}"] = Conflict(
                table=CONFLICT_TABLES[table], id=ident, base=record_json(b), ours=record_json(o), theirs=record_json(t)
            )
        gone = {ident for side in (base, ours, theirs) for ident in side.claims.keys() - tables["claims"].keys()}
        _restore_referenced(tables, touched, gone, base, ours, theirs, conflicts)
        found = shape_findings(merged())
    _flag_unmended(_new_problems(found, before), tables, base, ours, theirs, conflicts)


def _flag_unmended(
    broken: set[Finding],
    tables: dict[str, dict[str, Record]],
    base: ArgMap,
    ours: ArgMap,
    theirs: ArgMap,
    conflicts: dict[str, Conflict],
) -> None:
    """What the merge could not mend still makes it a conflicted one: a conflict on each record concerned."""
    for finding in broken:
        table = next((t for t in ("claims", "relations") if finding.subject in tables[t]), None)
        key = f"{table}.{finding.subject}"
        if (
            table is None
            or finding.subject is None
            or any(c.table == table and c.id == finding.subject for c in conflicts.values())
        ):
            continue
        b, o, t = (getattr(side, table).get(finding.subject) for side in (base, ours, theirs))
        conflicts[key] = Conflict(
            table=CONFLICT_TABLES[table],
            id=finding.subject,
            base=record_json(b),
            ours=record_json(o),
            theirs=record_json(t),
        )


def _new_problems(found: set[Finding], before: set[Finding]) -> set[Finding]:
    """What the merged map breaks that neither side had broken.

    Without a thesis no claim has a path to one: when a side took the thesis away
    and the merged map has none either, claims cut off are that side's doing.
    """
    new = found - before
    if any(finding.code is FindingCode.NO_THESIS for finding in found & before):
        new = {finding for finding in new if finding.code is not FindingCode.UNREACHABLE}
    return new


_ROUNDS = 8
"""How often a merge undoes records that broke it before it leaves the rest to ``check``."""


def _culprits(
    broken: set[Finding], merged: ArgMap, ours: ArgMap, theirs: ArgMap
) -> dict[tuple[str, str], tuple[ArgMap, bool]]:
    """The records on the parts of the map that broke, each with the side whose version mends it
    and whether a relation keeps the premises it has now (on a path to the thesis, not on a circle).

    A support circle goes back to ours' relations (theirs' where ours has them all);
    a claim cut off gets back the path to the thesis it has on a side: ours' if it
    has one there, else theirs'.
    """
    from argmap.check import support_cycles

    wanted: list[tuple[tuple[str, str], ArgMap, bool]] = []
    if any(finding.code is FindingCode.CIRCULAR_SUPPORT for finding in broken):
        new_cycles = {frozenset(c) for c in support_cycles(merged)}
        new_cycles -= {frozenset(c) for side in (ours, theirs) for c in support_cycles(side)}
        loop = [
            ("relations", rid)
            for rid, relation in merged.relations.items()
            if relation.type is RelationType.SUPPORT
            and any(relation.target in cycle and not cycle.isdisjoint(relation.premises) for cycle in new_cycles)
        ]
        side = ours if any(_differs(merged, ours, key) for key in loop) else theirs
        wanted += [(key, side, False) for key in loop]
    graphs: dict[int, MapGraph] = {}
    for finding in broken:
        subject = finding.subject
        if finding.code is FindingCode.UNREACHABLE and subject:
            side = ours if subject in ours.claims else theirs
            graph = graphs.setdefault(id(side), MapGraph(side))
            wanted += [(key, side, True) for key in _path_up(graph, subject)]
        elif (
            finding.code in (FindingCode.DANGLING_ID, FindingCode.SELF_RELATION, FindingCode.DUPLICATE_PREMISE)
            and subject in merged.relations
        ):
            key = ("relations", subject)
            wanted.append((key, ours if _differs(merged, ours, key) else theirs, False))
        elif finding.code is FindingCode.NO_THESIS:
            wanted += [(("claims", cid), side, False) for side in (ours, theirs) for cid in side.theses()]
    culprits: dict[tuple[str, str], tuple[ArgMap, bool]] = {}
    for key, side, joined in wanted:
        if _differs(merged, side, key):
            culprits.setdefault(key, (side, joined))
    return culprits


def _differs(merged: ArgMap, side: ArgMap, key: tuple[str, str]) -> bool:
    table, ident = key
    return not same(getattr(merged, table).get(ident), getattr(side, table).get(ident))


def _path_up(graph: MapGraph, claim_id: str) -> set[tuple[str, str]]:
    """The claims and relations between a claim and the theses above it, in one side's map."""
    found: set[tuple[str, str]] = set()
    pending = [claim_id]
    while pending:
        node = pending.pop()
        if node in graph.map.claims:
            if ("claims", node) in found:
                continue
            found.add(("claims", node))
            parents = graph.parents(node)
        else:
            if ("relations", node) in found:
                continue
            found.add(("relations", node))
            relation = graph.map.relations[node]
            parents = [(node, relation)]
        for rid, relation in parents:
            found.add(("relations", rid))
            pending.append(relation.target)
    return found


_NODES = ("claims", "relations")


def _references(record: Record) -> list[tuple[tuple[str, ...], str]]:
    """The ids a record points at, each with the tables it may live in."""
    if isinstance(record, Relation):
        return [(("claims",), p) for p in record.premises] + [(_NODES, record.target)]
    if isinstance(record, Claim):
        refs: list[tuple[tuple[str, ...], str]] = [(("sources",), anchor.source) for anchor in record.evidence]
        refs += [(("speakers",), anchor.speaker) for anchor in record.evidence if anchor.speaker]
        return refs
    if isinstance(record, Argument):
        claims = [step.claim for step in record.steps] + ([record.claim] if record.claim is not None else [])
        named: list[tuple[tuple[str, ...], str]] = [(("claims",), cid) for cid in claims]
        return named + [(("relations",), rid) for rid in sorted(record.names() - set(claims))]
    if isinstance(record, Locution | Transition | Rephrase):
        return [(tables, ident) for tables, ident, _ in dialogue.references(record)]
    return []


# Resolving ---------------------------------------------------------------------------------------


class ConflictFinding(NamedTuple):
    """An unresolved conflict as ``argmap check`` reports it: the record it is about, its own id, in words."""

    subject: str
    conflict: str
    message: str


def conflict_findings(argmap: ArgMap) -> list[ConflictFinding]:
    """Every unresolved conflict, in id order: ``argmap check`` reports them as errors."""
    findings = []
    for cid, conflict in sorted(argmap.conflicts.items()):
        sides = f"ours {_short(conflict.ours)}, theirs {_short(conflict.theirs)}"
        message = f"merge conflict {cid}: {describe_conflict(conflict)}; {sides}"
        findings.append(ConflictFinding(conflict.id or cid, cid, message))
    return findings


def describe_conflict(conflict: Conflict) -> str:
    """What the two sides did, in words: ``text of claim 'c1' was changed on both sides``."""
    where = f"{TABLE_NOUNS[conflict.table]} {conflict.id!r}" if conflict.id else "the map"
    if conflict.field:
        return f"{conflict.field} of {where} was changed on both sides"
    if conflict.ours is not None and conflict.theirs is not None and conflict.base is not None:
        return f"merging both sides' changes around {where} would break the map"
    if conflict.ours is None:
        return f"{where} was deleted on our side but changed or used on theirs"
    if conflict.theirs is None:
        return f"{where} was deleted on their side but changed or used on ours"
    return f"{where} was added differently on both sides"


def _short(value: Any, limit: int = 80) -> str:
    if value is None:
        return "deleted"
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def resolve_conflict(target: MapGraph | ArgMap, conflict_id: str, choice: str, value: Any = None) -> Edit:
    """The edit that settles a conflict with ours', theirs' or an edited ``value`` (JSON), not applied.

    The record change is made by the same operations the editor uses, and the
    conflict is removed in the same edit, so one undo brings it back.  Conflicts
    on the map's own fields (title…) are settled with :func:`resolve_in_map`.
    """
    graph = target if isinstance(target, MapGraph) else MapGraph(target)
    conflict = graph.map.conflicts.get(conflict_id)
    if conflict is None:
        raise OperationError(f"no conflict {conflict_id!r} in this map")
    chosen = _chosen(conflict, choice, value)
    table = conflict.table
    if table == "map":
        raise OperationError(f"{conflict_id!r} is a field of the map itself; use resolve_in_map")
    label = f"resolve {conflict_id!r} with {choice}"
    changes = _record_edit(graph, table, conflict, chosen).changes
    deleted = {(change.table, change.id) for change in changes if change.after is None}
    settled = [
        Change("conflicts", cid, other, None)
        for cid, other in sorted(graph.map.conflicts.items())
        if cid == conflict_id or (other.table, other.id) in deleted
    ]
    edit = Edit(label, (*changes, *settled), select=conflict.id)
    _refuse_breakage(graph, edit, conflict_id, choice)
    return edit


def _refuse_breakage(graph: MapGraph, edit: Edit, conflict_id: str, choice: str) -> None:
    """Refuse a settlement that would break the map (circular support, a claim cut off, a dangling id).

    Conflicts about records the settlement deletes go with them (they are moot), so
    every order of settling stays possible; a side that cannot be taken as it is
    leaves the other side or an edited value.  The edit is tried on the graph and
    taken back: the part above what it changes is checked, the whole map only when
    that part fails.
    """
    from argmap.check import shape_findings  # check imports this module (conflict findings)

    if not any(change.table != "conflicts" for change in edit.changes):
        return
    graph.apply(edit)
    try:
        if _sound_where_changed(graph, edit):
            return
        after = shape_findings(graph.map)
    finally:
        graph.apply(edit.inverse())
    broken = _new_problems(after, shape_findings(graph.map))
    if broken:
        first = min(broken, key=lambda finding: finding.message)
        other = {"ours": "theirs or a value of your own", "theirs": "ours or a value of your own"}
        raise OperationError(
            f"settling {conflict_id} with {choice} would break the map: {first.message}; "
            f"take {other.get(choice, 'ours or theirs')} instead"
        )


def resolve_in_map(argmap: ArgMap, conflict_id: str, choice: str, value: Any = None) -> ArgMap:
    """A copy of the map with one conflict settled; handles every kind of conflict."""
    conflict = argmap.conflicts.get(conflict_id)
    if conflict is None:
        raise OperationError(f"no conflict {conflict_id!r} in this map")
    copy = argmap.model_copy(update={table: dict(getattr(argmap, table)) for table in TABLES})
    if conflict.table == "map":
        chosen = _chosen(conflict, choice, value)
        try:
            checked = ArgMap.model_validate({**copy.model_dump(include={"argmap"}), conflict.field: chosen})
        except ValueError as error:
            raise OperationError(f"not a valid {conflict.field}: {error}") from None
        copy = copy.model_copy(update={conflict.field: getattr(checked, conflict.field)})
        MapGraph(copy).apply(Edit("resolve", (Change("conflicts", conflict_id, conflict, None),)))
        return copy
    graph = MapGraph(copy)
    graph.apply(resolve_conflict(graph, conflict_id, choice, value))
    return copy


def _chosen(conflict: Conflict, choice: str, value: Any) -> Any:
    if choice == "ours":
        return conflict.ours
    if choice == "theirs":
        return conflict.theirs
    if choice == "edit":
        return value
    raise OperationError(f"resolve with ours, theirs or edit, not {choice!r}")


def _record_edit(graph: MapGraph, table: Table, conflict: Conflict, chosen: Any) -> Edit:
    """The edit that gives the record of ``conflict`` (in ``table``) the ``chosen`` value."""
    ident = conflict.id
    current = getattr(graph.map, table).get(ident)
    model = TABLE_MODELS[table]
    if not conflict.field:
        if chosen is None:
            if current is None:
                return Edit("delete", ())
            if table == "claims":
                return ops.delete_claim(graph, ident)
            if table == "relations":
                return _delete_relation(graph, ident)
            return Edit(f"delete {ident!r}", (Change(table, ident, current, None),))
        record: Record | None = _validated(model, chosen, conflict)
        if isinstance(record, Relation):
            record = _within_map(graph, ident, record)
            if record is None:
                return _delete_relation(graph, ident) if current is not None else Edit("delete", ())
        return Edit(f"restore {ident!r}", () if record == current else (Change(table, ident, current, record),))
    if current is None:
        return Edit(f"{table} {ident!r} is no longer in the map", ())  # nothing left to set: settled by going
    name, _, key = conflict.field.partition(".")
    if (
        table == "relations"
        and name == "premises"
        and isinstance(chosen, list)
        and all(isinstance(p, str) for p in chosen)
    ):
        kept = _within_map(graph, ident, current.model_copy(update={"premises": tuple(chosen)}))
        if kept is None:
            return _delete_relation(graph, ident)
        chosen = list(kept.premises)
    if key:
        items = dict(getattr(current, name))
        if chosen is None:
            items.pop(key, None)
        else:
            items[key] = chosen
        chosen = dict(sorted(items.items()))
    try:
        if table == "claims":
            return ops.update_claim(graph, ident, f"set {conflict.field} of {ident!r}", **{name: chosen})
        if table == "relations":
            return ops.update_relation(graph, ident, f"set {conflict.field} of {ident!r}", **{name: chosen})
        if table == "sources":
            return ops.update_source(graph, ident, **{name: chosen})
    except ValueError as error:
        raise OperationError(f"not a valid {conflict.field} for {ident!r}: {_reason(error)}") from None
    record = _validated(model, {**current.model_dump(), name: chosen}, conflict)
    return Edit(
        f"set {conflict.field} of {ident!r}", () if record == current else (Change(table, ident, current, record),)
    )


def _within_map(graph: MapGraph, relation_id: str, relation: Relation) -> Relation | None:
    """A side's version of a relation as it can stand now; None if nothing of it is left.

    Premises another settlement deleted are left out; a premise the map has now but
    the side's version lacks stays when this relation is its only place in the
    argument (taking a side never cuts a claim off: delete it if it should go).
    """
    current = graph.map.relations.get(relation_id)
    claims = graph.map.claims
    alone = [
        premise
        for premise in (current.premises if current else ())
        if premise not in relation.premises
        and claims[premise].kind is not ClaimKind.THESIS
        and all(rid == relation_id for rid, _ in graph.parents(premise))
    ]
    premises = tuple(premise for premise in (*relation.premises, *alone) if premise in claims)
    if not premises or not graph.taken(relation.target):
        return None
    return relation if premises == relation.premises else relation.model_copy(update={"premises": premises})


def _delete_relation(graph: MapGraph, relation_id: str) -> Edit:
    """Delete a relation and, like deleting a claim, what then hangs from nothing (premises, undercuts)."""
    scratch = MapGraph(graph.map.model_copy(update={table: dict(getattr(graph.map, table)) for table in TABLES}))
    edit = ops.delete_relation(scratch, relation_id)
    changes = list(edit.changes)
    scratch.apply(edit)
    premises = sorted(
        {p for change in edit.changes if isinstance(change.before, Relation) for p in change.before.premises}
    )
    for premise in premises:
        claim = scratch.map.claims.get(premise)
        if claim is not None and claim.kind is not ClaimKind.THESIS and not scratch.parents(premise):
            orphan = ops.delete_claim(scratch, premise)
            scratch.apply(orphan)
            changes.extend(orphan.changes)
    return Edit(edit.label, tuple(changes))


def _validated(model: type[Record], data: Any, conflict: Conflict) -> Record:
    try:
        return model.model_validate(data)
    except ValueError as error:
        raise OperationError(f"not a valid value for {conflict.table} {conflict.id!r}: {_reason(error)}") from None


def _reason(error: ValueError) -> str:
    """The first complaint of a pydantic error, on one line."""
    lines = str(error).splitlines()
    return " ".join(line.strip() for line in lines[1:3]) if len(lines) > 2 else str(error)
