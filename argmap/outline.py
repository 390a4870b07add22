"""The argument as an indented outline: what ``argmap show`` prints.

The outline is computed here as plain rows (depth, role, claim) so that the CLI
only decides colours; a claim reached twice (maps are graphs) is listed again
as a reference instead of being expanded twice.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum

from argmap.graph import MapGraph
from argmap.model import Anchor, Claim, ClaimKind, Relation, RelationType


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


@dataclass(frozen=True, slots=True)
class Row:
    """One line of the outline.

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
        if self.claim is None:
            return ""
        if language and language in self.claim.translations:
            return self.claim.translations[language]
        return self.claim.text

    @property
    def evidence(self) -> tuple[Anchor, ...]:
        return () if self.claim is None or self.repeated else self.claim.evidence


def outline(graph: MapGraph) -> Iterator[Row]:
    """Every thesis with what bears on it, depth first in sibling order; then claims linked to no thesis."""
    claims = graph.map.claims
    shown: set[str] = set()
    roots = graph.map.theses()
    rootless = [cid for cid in sorted(claims) if not graph.parents(cid)]
    for cid in [*roots, *rootless, *sorted(claims)]:
        if cid not in shown:
            shown.add(cid)
            yield Row(0, Role.THESIS if cid in roots else Role.UNCONNECTED, cid, claims[cid])
            yield from _rows_below(graph, cid, shown)


def _rows_below(graph: MapGraph, root: str, shown: set[str]) -> Iterator[Row]:
    """Depth first with an explicit stack: real maps have chains deeper than Python's recursion limit.

    A task is ``(depth, node)`` to list what bears on a claim or relation, or a
    :class:`Row` to emit; a premise row is followed by the undercuts of its
    relation, then by what bears on the premise itself.
    """
    stack: list[tuple[int, str] | Row] = [(1, root)]
    while stack:
        task = stack.pop()
        if isinstance(task, Row):
            yield task
            continue
        depth, node = task
        attacking = _is_attacking_claim(graph, node)
        todo: list[tuple[int, str] | Row] = []
        for rid, relation in graph.children(node):
            role = _role(relation, node in graph.map.relations, attacking)
            if len(relation.premises) == 1:
                row, *expand = _premise_tasks(graph, relation.premises[0], depth, role, rid, shown)
                todo.extend((row, (depth + 1, rid), *expand))
            else:
                linked = Role.LINKED_OBJECTION if relation.type is RelationType.ATTACK else Role.LINKED_REASON
                todo.append(Row(depth, linked, None, None, rid))
                todo.append((depth + 1, rid))
                for premise in relation.premises:
                    todo.extend(_premise_tasks(graph, premise, depth + 1, Role.PREMISE, rid, shown))
        stack.extend(reversed(todo))


def _premise_tasks(
    graph: MapGraph, claim_id: str, depth: int, role: Role, relation_id: str, shown: set[str]
) -> list[tuple[int, str] | Row]:
    claim = graph.map.claims.get(claim_id)
    if claim is None or claim_id in shown:
        return [Row(depth, role, claim_id, claim, relation_id, repeated=True)]
    shown.add(claim_id)
    return [Row(depth, role, claim_id, claim, relation_id), (depth + 1, claim_id)]


def _role(relation: Relation, onto_relation: bool, under_attacking_claim: bool) -> Role:
    if onto_relation:
        return Role.UNDERCUT if relation.type is RelationType.ATTACK else Role.BACKING
    if relation.type is RelationType.SUPPORT:
        return Role.REASON
    return Role.REBUTTAL if under_attacking_claim else Role.OBJECTION


def _is_attacking_claim(graph: MapGraph, node: str) -> bool:
    """Whether a claim objects to something: an objection to it is then a rebuttal."""
    return node in graph.map.claims and any(r.type is RelationType.ATTACK for _, r in graph.parents(node))


def kind_label(claim: Claim) -> str:
    """The small label of a basis kind ('statistic'), or '' for plain claims and theses."""
    return claim.kind.value.replace("-", " ") if claim.kind not in (ClaimKind.THESIS, ClaimKind.CLAIM) else ""
