"""Which part of a map a diagram shows.

Kept apart from the DOT writer so that the same selection can serve other
drawings (a diff picture, the TUI) and be tested without Graphviz.
"""

from __future__ import annotations

from dataclasses import dataclass

from argmap.errors import ArgmapError
from argmap.graph import MapGraph
from argmap.model import ArgMap


@dataclass(frozen=True)
class View:
    """The claims and relations to draw, in a stable order, plus what was left out below each claim."""

    claims: tuple[str, ...]
    relations: tuple[str, ...]
    hidden_below: dict[str, int]
    """Claim id → how many claims below it the depth limit left out."""
    roots: tuple[str, ...]


def roots_of(argmap: ArgMap, graph: MapGraph) -> list[str]:
    """The theses, then claims that bear on nothing (drafts, orphans), in id order."""
    theses = argmap.theses()
    loose = sorted(cid for cid in argmap.claims if cid not in theses and not graph.parents(cid))
    return theses + loose


def select(argmap: ArgMap, graph: MapGraph, focus: str | None = None, depth: int | None = None) -> View:
    """The claims and relations within ``depth`` levels below ``focus`` (or the roots)."""
    if focus is not None and not graph.taken(focus):
        raise ArgmapError(f"--focus {focus!r}: no claim or relation with this id in the map")
    if depth is not None and depth < 0:
        raise ArgmapError(f"--depth must be 0 or more, not {depth}")
    roots = [focus] if focus is not None else roots_of(argmap, graph)
    level: dict[str, int] = {}
    order: list[str] = []
    queue = list(roots)
    for root in roots:
        level[root] = 0
    head = 0
    while head < len(queue):
        node = queue[head]
        head += 1
        order.append(node)
        if depth is not None and level[node] >= depth:
            continue
        for rid, relation in graph.children(node):
            if rid in level or not all(premise in argmap.claims for premise in relation.premises):
                continue  # seen, or a dangling id (`argmap check` reports it; the picture leaves it out)
            level[rid] = level[node] + 1
            queue.append(rid)
            for premise in relation.premises:
                if premise not in level:
                    level[premise] = level[rid]
                    queue.append(premise)
    if focus is None and depth is None:
        # Claims caught in cycles with no root above them: still part of the map.
        for cid in sorted(argmap.claims.keys() - level.keys()):
            order.append(cid)
            level[cid] = 0
        for rid in sorted(argmap.relations.keys() - level.keys()):
            order.append(rid)
    shown = {node for node in order if node in argmap.claims or node in argmap.relations}
    claims = tuple(node for node in order if node in argmap.claims)
    relations = tuple(
        node
        for node in order
        if node in argmap.relations
        and argmap.relations[node].target in shown
        and all(p in shown for p in argmap.relations[node].premises)
    )
    hidden: dict[str, int] = {}
    if depth is not None:
        for cid in claims:
            if level.get(cid, 0) >= depth:
                below = {n for n in graph.subtree(cid) if n in argmap.claims} - shown
                if below:
                    hidden[cid] = len(below)
    return View(claims=claims, relations=relations, hidden_below=hidden, roots=tuple(roots))
