"""How long ``argmap eval`` takes on big maps.

Run: ``/work/venv/bin/python benchmarks/bench_evaluate.py [CLAIMS]`` (default 100,000).
Builds a random map (reasons and objections, every 10th reason linked, every
20th relation undercut, a few attack cycles) and times each semantics.
"""

from __future__ import annotations

import random
import sys
import time

from argmap import store
from argmap.evaluate import evaluate
from argmap.model import ArgMap, Claim, ClaimKind, Relation, RelationType


def build(size: int, cycles: int, seed: int = 7) -> ArgMap:
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


def main() -> None:
    size = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    data = store.dumps(build(size, 0))
    start = time.process_time()
    store.loads(data, "bench")
    print(f"{size:,} claims: loading the map takes {time.process_time() - start:.2f} s of CPU (for scale)")
    for cycles, semantics in ((0, ("grounded", "dfquad", "euler")), (5, ("dfquad", "euler", "preferred", "stable"))):
        argmap = build(size, cycles)
        for name in semantics:
            start = time.process_time()
            result = evaluate(argmap, name)  # type: ignore[arg-type]
            took = time.process_time() - start
            extra = f", {len(result.extensions)} extensions" if result.extensions is not None else ""
            print(
                f"{size:,} claims, {cycles} 2-cycles, {name}: {took:.2f} s of CPU "
                f"(converged {result.converged}, {len(result.warnings)} warnings{extra})"
            )


if __name__ == "__main__":
    main()
