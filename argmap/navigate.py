"""Where an editor takes its reader: the reading order, search matches in it, the claim a finding is about.

Pure functions of the map (no Textual), so the editor's ``/`` search, its claim
finder and its findings panel agree and are tested without a terminal.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from argmap.graph import MapGraph
from argmap.model import ArgMap, ClaimKind, Conflict


def top_claims(graph: MapGraph) -> list[str]:
    """The theses first, then every claim that bears on nothing (so nothing is out of reach), each in id order."""
    claims = graph.map.claims
    premises = {premise for relation in graph.map.relations.values() for premise in relation.premises}
    loose = sorted(cid for cid, claim in claims.items() if cid not in premises and claim.kind is not ClaimKind.THESIS)
    return [*graph.map.theses(), *loose]


def reading_order(graph: MapGraph, top: Iterable[str] | None = None) -> list[str]:
    """Every claim once, as a reader meets it going down the tree: each top claim, then what hangs below it.

    ``top`` is the tree's top level (default :func:`top_claims`); claims that only a
    support cycle reaches come last.
    """
    order: dict[str, None] = {}
    for claim in top if top is not None else top_claims(graph):
        order[claim] = None
        for _depth, _relation, premise in graph.walk(claim):
            order[premise] = None
    for claim in graph.map.claims:
        order.setdefault(claim, None)
    return list(order)


def in_reading_order(found: Iterable[str], order: list[str]) -> list[str]:
    """Search matches (from the claim finder, in map order) in the order the reader meets them."""
    wanted = set(found)
    return [claim for claim in order if claim in wanted]


def claim_of(argmap: ArgMap, subject: str | None) -> str | None:
    """The claim a finding is about: its subject, or for a relation its first premise."""
    if subject is None:
        return None
    if subject in argmap.claims:
        return subject
    relation = argmap.relations.get(subject)
    return relation.premises[0] if relation is not None and relation.premises else None


def conflicted_records(argmap: ArgMap) -> set[str]:
    """Claims and relations with an unresolved merge conflict (an editor marks them)."""
    return {conflict.id for conflict in argmap.conflicts.values() if conflict.id}


def next_conflict(conflicts: Mapping[str, Conflict]) -> str:
    """The conflict to settle next: the first in id order, those on the map's own fields last."""
    return min(conflicts, key=lambda cid: (conflicts[cid].table == "map", cid))
