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
    """Every claim once, as a reader meets it going down the tree: each top claim, then what hangs below it.

    ``top`` is the tree's top level (default :func:`top_claims`); claims that only a
    support cycle reaches come last, in the map's order.
    """
    order: dict[str, None] = {}
    for claim in top if top is not None else top_claims(graph):
        order[claim] = None
        for _depth, _relation, premise in graph.walk(claim):
            order[premise] = None
    for claim in graph.map.claims:
        order.setdefault(claim, None)
    return list(order)
