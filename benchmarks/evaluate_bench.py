"""How long ``argmap eval`` takes: each semantics on the generated maps, and the extension-based ones on attack cycles.

Measured by ``python -m benchmarks.run`` (see ``benchmarks/README.md``).  The
gradual semantics (DF-QuAD, Euler) and grounded labelling run on the generated
map; preferred and stable run on a map built here with five attack 2-cycles
(every 10th reason linked, every 20th relation an undercut), because an acyclic
map has exactly one extension and would not exercise their search.
"""

from __future__ import annotations

import random
from functools import partial

from argmap.evaluate import Semantics, evaluate
from argmap.model import ArgMap, Claim, ClaimKind, Relation, RelationType
from benchmarks.registry import Measurement, Workload


def build(size: int, cycles: int, seed: int = 7) -> ArgMap:
    """A random map of ``size`` claims with ``cycles`` mutual attacks between random claims."""
    rng = random.Random(seed)
    claims = {"c0": Claim(kind=ClaimKind.THESIS, text="thesis")}
    relations: dict[str, Relation] = {}
    recent: list[str] = []
    for i in range(1, size):
        claims[f"c{i}"] = Claim(text=f"claim {i}", base_score=rng.choice([None, 0.3, 0.7]))
        kind = RelationType.SUPPORT if rng.random() < 0.6 else RelationType.ATTACK
        premises = (f"c{i}",) if i % 10 or i < 2 else (f"c{i}", f"c{i - 1}")
        target = f"c{rng.randrange(i)}" if i % 20 or not recent else rng.choice(recent[-50:])
        relations[f"r{i}"] = Relation(type=kind, premises=premises, target=target)
        recent.append(f"r{i}")
    for n in range(cycles):
        a, b = f"c{rng.randrange(1, size)}", f"c{rng.randrange(1, size)}"
        if a != b:
            relations[f"cycle{n}"] = Relation(type=RelationType.ATTACK, premises=(a,), target=b)
            relations[f"cycle{n}-back"] = Relation(type=RelationType.ATTACK, premises=(b,), target=a)
    return ArgMap(argmap=1, claims=claims, relations=relations)


def _with_cycles(workload: Workload) -> ArgMap:
    return build(workload.size, 5)


def _generated(workload: Workload) -> ArgMap:
    return workload.argmap


GRADUAL_AND_GROUNDED: tuple[Semantics, ...] = ("grounded", "dfquad", "euler")
EXTENSION_SEARCHES: tuple[Semantics, ...] = ("preferred", "stable")

MEASUREMENTS = [
    *(
        Measurement(
            f"eval ({semantics})",
            partial(evaluate, semantics=semantics),
            _generated,
            description=f"evaluate(map, {semantics!r}) on the generated map: every claim labelled or weighed",
        )
        for semantics in GRADUAL_AND_GROUNDED
    ),
    *(
        Measurement(
            f"eval ({semantics}, 5 attack cycles)",
            partial(evaluate, semantics=semantics),
            _with_cycles,
            description=f"evaluate(map, {semantics!r}) on a random map with five mutual attacks, "
            "so there is more than one extension to search for",
        )
        for semantics in EXTENSION_SEARCHES
    ),
]
