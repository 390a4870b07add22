"""check's graph findings on generated maps with random extra relations, against a slow obvious oracle.

check finds support cycles by peeling off claims that cannot be on one before
running Tarjan's algorithm, and reachability by a walk over an index built once;
here both are compared with brute force on maps small enough for it.
"""

from __future__ import annotations

import random

import pytest

from argmap.check import check_map
from argmap.model import ArgMap, ClaimKind, Relation, RelationType
from benchmarks import generate


def _with_random_relations(argmap: ArgMap, seed: int, count: int) -> ArgMap:
    """The map plus ``count`` relations between random claims, many of them closing cycles."""
    rng = random.Random(seed)
    claims = sorted(argmap.claims)
    relations = dict(argmap.relations)
    supporters: dict[str, list[str]] = {}
    for relation in argmap.relations.values():
        if relation.type is RelationType.SUPPORT and relation.target in argmap.claims:
            supporters.setdefault(relation.target, []).extend(relation.premises)
    for n in range(count):
        premise, target = rng.sample(claims, 2)
        if n % 2 and premise in supporters:
            target = premise
            for _ in range(rng.randint(1, 4)):  # down a few supports: the new relation closes a cycle
                target = rng.choice(supporters.get(target) or [target])
        if target == premise:
            continue
        kind = RelationType.SUPPORT if rng.random() < 0.8 else RelationType.ATTACK
        relations[f"extra-{n}"] = Relation(type=kind, premises=(premise,), target=target)
    island = [f"island-{n}" for n in range(3)]
    new_claims = dict(argmap.claims)
    for ident in island:
        new_claims[ident] = argmap.claims[claims[0]].model_copy(update={"kind": ClaimKind.CLAIM})
    relations["island-a"] = Relation(type=RelationType.SUPPORT, premises=(island[0],), target=island[1])
    relations["island-b"] = Relation(type=RelationType.SUPPORT, premises=(island[1],), target=island[0])
    relations["island-tail"] = Relation(type=RelationType.SUPPORT, premises=(island[2],), target=island[0])
    return argmap.model_copy(update={"claims": new_claims, "relations": relations})


def _expected_cycles(argmap: ArgMap) -> list[list[str]]:
    """Support cycles by brute force: claims that reach each other along supports."""
    edges: dict[str, set[str]] = {}
    for relation in argmap.relations.values():
        if relation.type is RelationType.SUPPORT and relation.target in argmap.claims:
            for premise in relation.premises:
                edges.setdefault(premise, set()).add(relation.target)

    def reach(start: str) -> set[str]:
        seen: set[str] = set()
        stack = list(edges.get(start, ()))
        while stack:
            node = stack.pop()
            if node not in seen:
                seen.add(node)
                stack.extend(edges.get(node, ()))
        return seen

    reaches = {node: reach(node) for node in argmap.claims}
    components = {
        tuple(sorted(other for other in reaches[node] if node in reaches[other]))
        for node in argmap.claims
        if node in reaches[node]
    }
    return sorted(list(component) for component in components)


def _expected_unreachable(argmap: ArgMap) -> list[str]:
    """Claims with no path to a thesis, by repeating a relaxation until nothing changes."""
    reached = set(argmap.theses())
    changed = True
    while changed:
        changed = False
        for rid, relation in argmap.relations.items():
            if relation.target in reached and rid not in reached:
                reached.add(rid)
                reached.update(relation.premises)
                changed = True
    return sorted(set(argmap.claims) - reached)


@pytest.mark.parametrize("seed", [1, 2, 3, 4])
def test_cycles_and_unreachable_claims_match_brute_force(seed: int) -> None:
    argmap, _ = generate.generate(250, seed=seed)
    changed = _with_random_relations(argmap, seed, count=12 * seed)
    findings = check_map(changed)
    cycles = sorted(f.message for f in findings if f.code == "circular-support")
    expected = sorted(f"circular support: {' → '.join([*cycle, cycle[0]])}" for cycle in _expected_cycles(changed))
    assert cycles == expected
    assert any("island-0" in message for message in cycles)
    unreachable = sorted(f.subject for f in findings if f.code == "unreachable")
    assert unreachable == _expected_unreachable(changed)
    assert {"island-0", "island-1", "island-2"} <= set(unreachable)
