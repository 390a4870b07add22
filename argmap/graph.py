"""A map with the indexes that editing needs, and the edits that change it.

An :class:`Edit` is a list of record replacements (``before`` → ``after``) in one
of the map's tables.  Applying it, applying its inverse, diffing and merging are
then all the same simple thing, and the indexes stay correct by construction
because :meth:`MapGraph.apply` is the only way records change.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal, Protocol, TypeVar

from argmap.model import (
    ArgMap,
    Argument,
    Claim,
    Conflict,
    Locution,
    Relation,
    Rephrase,
    Source,
    Speaker,
    Transition,
)

Table = Literal[
    "claims", "relations", "sources", "speakers", "arguments", "conflicts", "locutions", "transitions", "rephrases"
]
Record = Claim | Relation | Source | Speaker | Argument | Conflict | Locution | Transition | Rephrase

DIALOGUE_TABLES: tuple[Table, ...] = ("locutions", "transitions", "rephrases")
"""The dialogue layer's tables (AIF's L, TA and MA nodes); their ids share one namespace with claims and relations."""
TABLES: tuple[Table, ...] = ("sources", "speakers", "claims", "relations", "arguments", *DIALOGUE_TABLES, "conflicts")
"""A map's tables of records keyed by id, in the order the file writes them."""
TABLE_MODELS: dict[str, type[Record]] = {
    "sources": Source,
    "speakers": Speaker,
    "claims": Claim,
    "relations": Relation,
    "arguments": Argument,
    "locutions": Locution,
    "transitions": Transition,
    "rephrases": Rephrase,
    "conflicts": Conflict,
}
"""The model of each table's records."""
TABLE_NOUNS: dict[str, str] = {
    "sources": "source",
    "speakers": "speaker",
    "claims": "claim",
    "relations": "relation",
    "arguments": "argument",
    "locutions": "locution",
    "transitions": "transition",
    "rephrases": "rephrase",
    "conflicts": "conflict",
    "map": "map",
}
"""What one record of each table is called in a report (``claim 'c1'``); ``map`` for the map's own fields."""


@dataclass(frozen=True, slots=True)
class Change:
    """One record replaced: ``before`` None means added, ``after`` None removed."""

    table: Table
    id: str
    before: Record | None
    after: Record | None

    def inverse(self) -> Change:
        return Change(self.table, self.id, self.after, self.before)


@dataclass(frozen=True, slots=True)
class Edit:
    """One user-level operation: a label for undo menus and the changes it makes."""

    label: str
    changes: tuple[Change, ...]
    select: str | None = field(default=None, compare=False)
    """The id the editor should select after applying (e.g. the new claim)."""

    def inverse(self) -> Edit:
        return Edit(f"undo {self.label}", tuple(c.inverse() for c in reversed(self.changes)), None)

    def removed(self, table: Table) -> list[str]:
        return [c.id for c in self.changes if c.table == table and c.after is None]

    def added(self, table: Table) -> list[str]:
        return [c.id for c in self.changes if c.table == table and c.before is None]

    def touched(self) -> set[str]:
        """The ids whose look an editor must refresh: the changed records, the targets and premises of changed
        relations (before and after), and the records changed conflicts are about."""
        ids: set[str] = set()
        for change in self.changes:
            ids.add(change.id)
            for record in (change.before, change.after):
                if isinstance(record, Relation):
                    ids.add(record.target)
                    ids.update(record.premises)
                elif isinstance(record, Conflict) and record.id:
                    ids.add(record.id)
        return ids

    def changes_evidence(self) -> bool:
        """Whether a claim's evidence anchors may have changed (the source pane's passages then need redrawing)."""
        return any(
            isinstance(record, Claim) and record.evidence
            for change in self.changes
            for record in (change.before, change.after)
        )

    def changes_table(self, table: Table) -> bool:
        return any(change.table == table for change in self.changes)


class StaleEditError(RuntimeError):
    """An edit was applied to a map that no longer holds what the edit expected."""


class MapGraph:
    """An :class:`ArgMap` plus who-points-at-whom indexes, kept in sync by :meth:`apply`."""

    def __init__(self, argmap: ArgMap) -> None:
        self.map = argmap
        # Lists, not sets: almost every claim has one or two entries, and at 100,000
        # claims a set per entry costs some 60 MB more.
        self._by_target: defaultdict[str, list[str]] = defaultdict(list)
        self._by_premise: defaultdict[str, list[str]] = defaultdict(list)
        for rid, relation in argmap.relations.items():
            self._index(rid, relation)

    def _index(self, rid: str, relation: Relation) -> None:
        self._by_target[relation.target].append(rid)
        for premise in dict.fromkeys(relation.premises):
            self._by_premise[premise].append(rid)

    def _unindex(self, rid: str, relation: Relation) -> None:
        self._by_target[relation.target].remove(rid)
        for premise in dict.fromkeys(relation.premises):
            self._by_premise[premise].remove(rid)

    def apply(self, edit: Edit) -> None:
        """Apply every change of ``edit``, or none if the map does not hold what it expects."""
        done: list[Change] = []
        for change in edit.changes:
            current = getattr(self.map, change.table).get(change.id)
            if current != change.before:
                for applied in reversed(done):
                    self._replace(applied.inverse())
                raise StaleEditError(f"{change.table}.{change.id} is not what {edit.label!r} expected")
            self._replace(change)
            done.append(change)

    def _replace(self, change: Change) -> None:
        table: dict[str, Record] = getattr(self.map, change.table)
        if change.table == "relations":
            if isinstance(change.before, Relation):
                self._unindex(change.id, change.before)
            if isinstance(change.after, Relation):
                self._index(change.id, change.after)
        if change.after is None:
            del table[change.id]
        else:
            table[change.id] = change.after

    def taken(self, ident: str) -> bool:
        """Whether ``ident`` names a claim or a relation (they share one namespace)."""
        return ident in self.map.claims or ident in self.map.relations

    def __contains__(self, ident: object) -> bool:
        return isinstance(ident, str) and self.taken(ident)

    def children(self, target: str) -> list[tuple[str, Relation]]:
        """The relations pointing at a claim or relation, in sibling order."""
        relations = self.map.relations
        pairs = [(rid, relations[rid]) for rid in self._by_target.get(target, ())]
        pairs.sort(key=lambda pair: (pair[1].rank, pair[0]))
        return pairs

    def is_premise(self, claim_id: str) -> bool:
        """Whether a claim is a premise of any relation (bears on something)."""
        return bool(self._by_premise.get(claim_id))

    def parents(self, claim_id: str) -> list[tuple[str, Relation]]:
        """The relations in which a claim is a premise, in id order."""
        relations = self.map.relations
        return [(rid, relations[rid]) for rid in sorted(self._by_premise.get(claim_id, ()))]

    def subtree(self, root: str) -> set[str]:
        """Every claim and relation reachable downwards from ``root`` (a claim or relation id)."""
        seen: set[str] = set()
        stack = [root]
        while stack:
            node = stack.pop()
            for rid in self._by_target.get(node, ()):
                if rid in seen:
                    continue
                seen.add(rid)
                stack.append(rid)
                for premise in self.map.relations[rid].premises:
                    if premise not in seen:
                        seen.add(premise)
                        stack.append(premise)
        return seen

    def lies_below(self, node: str, roots: set[str]) -> bool:
        """Whether ``node`` is one of ``roots`` or in the :meth:`subtree` of one of them.

        Walks up from ``node`` and down from ``roots`` in turns and stops when either
        walk ends: a claim near the top has a subtree of thousands of records, one at
        the end of a long chain thousands of ancestors, and a cycle check (a move, a
        link) should cost what the smaller of the two costs.
        """
        if node in roots:
            return True
        upwards, downwards = self._ancestors(node), self._descendants(roots)
        while True:
            above = next(upwards, None)
            if above is None:
                return False
            if above in roots:
                return True
            below = next(downwards, None)
            if below is None:
                return False
            if below == node:
                return True

    def _ancestors(self, node: str) -> Iterator[str]:
        """What ``node`` lies below: the targets of its relations, theirs, and so on."""
        relations = self.map.relations
        seen = {node}
        stack = [node]
        while stack:
            current = stack.pop()
            above = [relations[current].target] if current in relations else []
            above.extend(relations[rid].target for rid in self._by_premise.get(current, ()))
            for ident in above:
                if ident not in seen:
                    seen.add(ident)
                    stack.append(ident)
                    yield ident

    def _descendants(self, roots: set[str]) -> Iterator[str]:
        """The :meth:`subtree` of every root, one record at a time."""
        relations = self.map.relations
        seen = set(roots)
        stack = list(roots)
        while stack:
            for rid in self._by_target.get(stack.pop(), ()):
                if rid in seen:
                    continue
                seen.add(rid)
                stack.append(rid)
                yield rid
                for premise in relations[rid].premises:
                    if premise not in seen:
                        seen.add(premise)
                        stack.append(premise)
                        yield premise

    def walk(self, root: str) -> Iterator[tuple[int, str, str]]:
        """Depth-first ``(depth, relation id, premise id)`` below a claim, each claim expanded once."""
        expanded = {root}
        stack = [(1, rid) for rid, _ in reversed(self.children(root))]
        while stack:
            depth, rid = stack.pop()
            relation = self.map.relations[rid]
            below: list[tuple[int, str]] = [(depth + 1, child) for child, _ in self.children(rid)]
            for premise in relation.premises:
                yield depth, rid, premise
                if premise not in expanded:
                    expanded.add(premise)
                    below.extend((depth + 1, child) for child, _ in self.children(premise))
            stack.extend(reversed(below))


def run_nested(walk: Iterator[Iterator[Any]]) -> None:
    """Run a recursive walk written as generators that yield their sub-walks, without Python's call stack.

    A map's chains can be thousands of claims deep, more than Python's recursion
    limit.  A walker yields ``walker(child)`` where it would have called it, and
    keeps its code and its order: each yielded walk runs to its end before the one
    that yielded it goes on.
    """
    stack = [walk]
    while stack:
        inner = next(stack[-1], None)
        if inner is None:
            stack.pop()
        else:
            stack.append(inner)


class _SortableKey(Protocol):
    """What Tarjan's walk needs of a node: a dict key that sorts (claim ids, in practice)."""

    def __hash__(self) -> int: ...

    def __lt__(self, other: Any, /) -> bool: ...


Node = TypeVar("Node", bound=_SortableKey)


def strongly_connected(successors: Mapping[Node, Sequence[Node]]) -> list[list[Node]]:
    """Strongly connected components (Tarjan, iterative: maps have chains deeper than the recursion limit).

    Each component comes after every component it reaches, so evaluating them in
    order sees dependencies first; each is sorted, roots are visited in sorted order,
    and the result is therefore deterministic.
    """
    index: dict[Node, int] = {}
    low: dict[Node, int] = {}
    on_stack: set[Node] = set()
    stack: list[Node] = []
    result: list[list[Node]] = []
    for root in sorted(successors):
        if root in index:
            continue
        work = [(root, 0)]
        while work:
            node, position = work.pop()
            if position == 0:
                index[node] = low[node] = len(index)
                stack.append(node)
                on_stack.add(node)
            following = successors.get(node, ())
            if position < len(following):
                work.append((node, position + 1))
                successor = following[position]
                if successor not in index:
                    work.append((successor, 0))
                elif successor in on_stack:
                    low[node] = min(low[node], index[successor])
                continue
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                result.append(sorted(component))
    return result
