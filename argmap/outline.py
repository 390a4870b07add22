"""The argument as an indented outline: what ``argmap show`` prints.

The outline is computed here as plain rows (depth, role, claim) so that the CLI
only decides colours; a claim reached twice (maps are graphs) is listed again
as a reference instead of being expanded twice.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from enum import StrEnum
from typing import NamedTuple

from argmap.graph import MapGraph
from argmap.heap import gc_paused
from argmap.model import Anchor, Claim, ClaimKind, Relation
from argmap.order import top_claims


class Role(StrEnum):
    """How a row bears on the row it hangs under."""

    THESIS = "thesis"
    REASON = "reason"
    OBJECTION = "objection"
    REBUTTAL = "rebuttal"
    UNDERCUT = "undercut"
    BACKING = "backing"
    LINKED_REASON = "linked reason"
    LINKED_OBJECTION = "linked objection"
    PREMISE = "co-premise"
    UNCONNECTED = "not connected"


MARKERS = {
    Role.THESIS: "■",
    Role.REASON: "+",
    Role.OBJECTION: "−",
    Role.REBUTTAL: "−",
    Role.UNDERCUT: "⊘",
    Role.BACKING: "+",
    Role.LINKED_REASON: "+",
    Role.LINKED_OBJECTION: "−",
    Role.PREMISE: "&",
    Role.UNCONNECTED: "?",
}
"""Text markers, so the outline reads without colour."""


class Row(NamedTuple):
    """One line of the outline (a named tuple: a large map's outline has a row per claim).

    ``claim_id`` is None for the header of a linked reason; ``claim`` is None
    there too, and for a premise id that names no claim (``check`` reports it).
    """

    depth: int
    role: Role
    claim_id: str | None
    claim: Claim | None
    relation_id: str | None = None
    repeated: bool = False

    def text(self, language: str | None = None) -> str:
        return "" if self.claim is None else self.claim.shown_text(language)

    @property
    def evidence(self) -> tuple[Anchor, ...]:
        return () if self.claim is None or self.repeated else self.claim.evidence


def outline(graph: MapGraph) -> Iterator[Row]:
    """Every thesis with what bears on it, depth first in sibling order; then claims linked to no thesis.

    Depth first with an explicit stack: real maps have chains deeper than
    Python's recursion limit.  A task on the stack is a :class:`Row` to emit,
    or ``(depth, node)`` to list what bears on a claim or relation; a premise
    row is followed by the undercuts of its relation, then by what bears on
    the premise itself.
    """
    argmap = graph.map
    claims, relations = argmap.claims, argmap.relations
    with gc_paused():  # the indexes outlive many allocations: each full collection would walk the whole map
        below = _children(relations)
        attacking = {
            premise
            for relation in relations.values()
            if relation.type.attacks
            for premise in relation.premises
            if premise in claims
        }
    shown: set[str] = set()
    thesis = ClaimKind.THESIS
    stack: list[Row | tuple[int, str]] = []
    for cid in [*top_claims(graph), *sorted(claims)]:
        if cid in shown:
            continue
        shown.add(cid)
        yield Row(0, Role.THESIS if claims[cid].kind is thesis else Role.UNCONNECTED, cid, claims[cid])
        if cid in below:
            stack.append((1, cid))
        while stack:
            task = stack.pop()
            if isinstance(task, Row):
                yield task
                continue
            depth, node = task
            onto_relation = node in relations
            todo: list[Row | tuple[int, str]] = []
            for rid, relation in below[node]:  # only nodes with children are ever put on the stack
                attack = relation.type.attacks
                if onto_relation:
                    role = Role.UNDERCUT if attack else Role.BACKING
                elif attack:
                    role = Role.REBUTTAL if node in attacking else Role.OBJECTION
                else:
                    role = Role.REASON
                if len(relation.premises) == 1:
                    premise = relation.premises[0]
                    claim = claims.get(premise)
                    fresh = claim is not None and premise not in shown
                    todo.append(Row(depth, role, premise, claim, rid, not fresh))
                    if rid in below:
                        todo.append((depth + 1, rid))
                    if fresh:
                        shown.add(premise)
                        if premise in below:
                            todo.append((depth + 1, premise))
                    continue
                linked = Role.LINKED_OBJECTION if attack else Role.LINKED_REASON
                todo.append(Row(depth, linked, None, None, rid))
                if rid in below:
                    todo.append((depth + 1, rid))
                for premise in relation.premises:
                    claim = claims.get(premise)
                    fresh = claim is not None and premise not in shown
                    todo.append(Row(depth + 1, Role.PREMISE, premise, claim, rid, not fresh))
                    if fresh:
                        shown.add(premise)
                        if premise in below:
                            todo.append((depth + 2, premise))
            todo.reverse()
            stack += todo


def _children(relations: Mapping[str, Relation]) -> dict[str, list[tuple[str, Relation]]]:
    """The relations pointing at each claim or relation, in sibling order (as ``MapGraph.children``).

    Dealt out by target in one pass, then sorted where there are several:
    ``MapGraph.children`` sorting each claim's list anew took most of the outline's time.
    """
    below: dict[str, list[tuple[str, Relation]]] = {}
    for rid, relation in relations.items():
        siblings = below.get(relation.target)
        if siblings is None:
            below[relation.target] = [(rid, relation)]
        else:
            siblings.append((rid, relation))
    for siblings in below.values():
        if len(siblings) > 1:
            siblings.sort(key=_sibling_order)
    return below


def _sibling_order(item: tuple[str, Relation]) -> tuple[str, str]:
    return item[1].rank, item[0]


def kind_label(claim: Claim) -> str:
    """The small label of a basis kind ('statistic'), or '' for plain claims and theses."""
    return claim.kind.value.replace("-", " ") if claim.kind not in (ClaimKind.THESIS, ClaimKind.CLAIM) else ""
