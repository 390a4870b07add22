"""Which part of a map a diagram (or one page of it) shows.

Kept apart from the DOT writer so that the same selection can serve other
drawings (a diff picture, the pages of a deck) and be tested without Graphviz.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass, field

from argmap.errors import ArgmapError
from argmap.graph import MapGraph
from argmap.model import ArgMap


@dataclass(frozen=True)
class View:
    """The claims and relations to draw, in a stable order, plus what was left out below each claim."""

    claims: tuple[str, ...]
    relations: tuple[str, ...]
    hidden_below: dict[str, int]
    """Claim id → how many claims below it (answers to its step included) the depth limit left out."""
    roots: tuple[str, ...]
    via: dict[str, str] = field(default_factory=dict)
    """Claim id → the drawn relation that brought it into the picture (absent for roots)."""
    stubs: dict[str, int] = field(default_factory=dict)
    """Claims drawn only as a small "see …" box: claim id → the page where it is drawn in full."""
    continued: dict[str, int] = field(default_factory=dict)
    """Claim id → the page where what hangs below it is drawn."""
    heading: str = ""
    """A line above a page of a deck ("p. 2 of 5 · continued from p. 1")."""


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
    return gather(argmap, graph, roots, depth, complete=focus is None and depth is None)


def gather(
    argmap: ArgMap,
    graph: MapGraph,
    roots: Iterable[str],
    depth: int | None = None,
    *,
    stop: Collection[str] = (),
    only: Collection[str] | None = None,
    context: str | None = None,
    complete: bool = False,
) -> View:
    """What lies within ``depth`` levels below ``roots``, breadth first.

    ``stop``: claims drawn in full elsewhere; reached again, they are drawn but
    not followed (a "see" stub).  ``only``: the relations under the roots (and
    the context) to follow (a page that shows some of a claim's many reasons).  ``context``: a
    relation whose premises are the roots; it is drawn, with its target as a
    stub above them, so the page says what its branch answers.  ``complete``
    adds claims caught in cycles that no root reaches.
    """
    roots = list(roots)
    level: dict[str, int] = {}
    via: dict[str, str] = {}
    order: list[str] = []
    queue = list(roots)
    for root in roots:
        level[root] = 0
    stubs = {cid for cid in stop if cid not in level}
    if context is not None:
        level[context] = 0
        queue.append(context)
        step: str | None = context
        while step is not None:  # up to the claim it answers: an undercut's step, and that step's ends
            relation = argmap.relations[step]
            for end in (*relation.premises, relation.target):
                if end in argmap.claims and end not in level:  # drawn in full elsewhere: a stub here
                    level[end] = 0
                    order.append(end)
                    stubs.add(end)
            step = relation.target if relation.target in argmap.relations else None
            if step is not None and step not in level:
                level[step] = 0
                order.append(step)
        for root in roots:
            via[root] = context
    head = 0
    while head < len(queue):
        node = queue[head]
        head += 1
        order.append(node)
        if (depth is not None and level[node] >= depth) or node in stubs:
            continue
        for rid, relation in graph.children(node):
            if rid in level or not all(premise in argmap.claims for premise in relation.premises):
                continue  # seen, or a dangling id (`argmap check` reports it; the picture leaves it out)
            if only is not None and (node in roots or node == context) and rid not in only:
                continue
            level[rid] = level[node] + 1
            queue.append(rid)
            for premise in relation.premises:
                if premise not in level:
                    level[premise] = level[rid]
                    via[premise] = rid
                    queue.append(premise)
    if complete:
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
        answered: set[str] = set()  # each step's answers are counted once, under its first premise
        for cid in claims:
            if level.get(cid, 0) < depth or cid in stubs:
                continue
            below = graph.subtree(cid)
            step = via.get(cid)
            if step is not None and step not in answered:
                answered.add(step)
                below |= graph.subtree(step)
            count = len({n for n in below if n in argmap.claims} - shown)
            if count:
                hidden[cid] = count
    return View(
        claims=claims,
        relations=relations,
        hidden_below=hidden,
        roots=tuple(roots),
        via={cid: rid for cid, rid in via.items() if cid in shown},
        stubs=dict.fromkeys(sorted(stubs & shown), 0),
    )
