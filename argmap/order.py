"""The reading order: which claims stand at the top of the argument, and the order a reader meets every claim.

One rule for the editor's tree, its search, ``argmap show``'s outline and the
Argdown export, so that they list a map's claims alike.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from argmap.graph import MapGraph
from argmap.model import Claim, ClaimKind


def is_top(graph: MapGraph, claim_id: str) -> bool:
    """Whether a claim stands at the top: a thesis, or a claim that bears on nothing (so nothing is out of reach)."""
    return graph.map.claims[claim_id].kind is ClaimKind.THESIS or not graph.is_premise(claim_id)


def top_order(claims: Mapping[str, Claim], top: Iterable[str]) -> list[str]:
    """Top claims as they are listed: the theses first, then the others, each in id order."""
    ids = sorted(top)
    theses = [cid for cid in ids if claims[cid].kind is ClaimKind.THESIS]
    return [*theses, *(cid for cid in ids if claims[cid].kind is not ClaimKind.THESIS)]


def top_claims(graph: MapGraph) -> list[str]:
    """The claims at the top (:func:`is_top`) in :func:`top_order`."""
    claims = graph.map.claims
    return top_order(claims, (cid for cid in claims if is_top(graph, cid)))


def reading_order(graph: MapGraph, top: Iterable[str] | None = None) -> list[str]:
    """Every claim once, in the order of the editor's tree opened all the way down.

    Below a claim come the undercuts of the inference that brought it there, then
    what bears on the claim itself (so a linked group's undercuts follow its first
    premise).  ``top`` is the tree's top level (default :func:`top_claims`); claims
    that only a support cycle reaches come last, in the map's order.  A stack, not
    recursion: chains can be deeper than Python's recursion limit.
    """
    order: dict[str, None] = {}
    expanded: set[str] = set()
    for root in top if top is not None else top_claims(graph):
        stack: list[tuple[str, str | None]] = [(root, None)]
        while stack:
            claim, via = stack.pop()
            order.setdefault(claim, None)
            below: list[tuple[str, str | None]] = []
            for node in (via, claim):
                if node is not None and node not in expanded:
                    expanded.add(node)
                    below.extend(
                        (premise, rid) for rid, relation in graph.children(node) for premise in relation.premises
                    )
            stack.extend(reversed(below))
    for claim in graph.map.claims:
        order.setdefault(claim, None)
    return list(order)
