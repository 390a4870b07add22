"""Diff and merge of two 100,000-claim maps (spec §10: diff ≤ 1 s, merge ≤ 2 s).

Run from the repository root:

    python benchmarks/diffmerge_bench.py [--claims 100000] [--repeat 3]

It builds a tree-shaped map (every claim with text, a third with a German
translation, a fifth with an evidence anchor), then two descendants that each
change about 1 % of it in the ways people do (rewording, translations, evidence,
moves, new reasons, deletions), disjoint so the merge is clean, plus a handful
of edits to the same claims so that conflicts are recorded too.  It prints the
best of ``--repeat`` runs for: diff (``diff_maps`` + ``describe``), merge
(``merge_maps``), and for scale the load of one map from disk and the textconv
outline.  Wall-clock and CPU time are both shown: on a shared machine the
CPU time says what the code costs, the wall-clock what a person waits.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from argmap import store
from argmap.diff import describe, diff_maps
from argmap.merge import merge_maps
from argmap.model import Anchor, ArgMap, Claim, ClaimKind, Relation, RelationType, Source
from argmap.textconv import outline

WORDS = [
    "russia",
    "north",
    "korea",
    "shells",
    "trade",
    "alliance",
    "treaty",
    "convenience",
    "economy",
    "sanctions",
    "war",
    "army",
    "grain",
    "oil",
]


def sentence(rng: random.Random) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(6, 14))).capitalize() + "."


def generate(claims: int, seed: int = 1) -> ArgMap:
    """A tree of ``claims`` claims under one thesis, each with a support or attack relation."""
    rng = random.Random(seed)
    claim_records = {"thesis": Claim(kind=ClaimKind.THESIS, text=sentence(rng))}
    relations = {}
    ids = ["thesis"]
    for n in range(1, claims):
        cid = f"c{n}"
        translations = {"de": sentence(rng)} if n % 3 == 0 else {}
        evidence = (Anchor(source="article", quote=sentence(rng), start=n, end=n + 40),) if n % 5 == 0 else ()
        claim_records[cid] = Claim(text=sentence(rng), translations=translations, evidence=evidence)
        parent = ids[rng.randrange(max(1, len(ids) - 50), len(ids))] if rng.random() < 0.7 else rng.choice(ids)
        kind = RelationType.SUPPORT if rng.random() < 0.7 else RelationType.ATTACK
        relations[f"r-{cid}"] = Relation(type=kind, premises=(cid,), target=parent, rank=f"m{n % 7}")
        ids.append(cid)
    return ArgMap(
        argmap=1,
        title="Benchmark map",
        sources={"article": Source(title="Article", language="de")},
        claims=claim_records,
        relations=relations,
    )


def descendant(base: ArgMap, seed: int, share: float = 0.01, conflicts: int = 20) -> ArgMap:
    """A copy of ``base`` with about ``share`` of its claims changed, disjoint by seed parity."""
    rng = random.Random(seed)
    claims, relations = dict(base.claims), dict(base.relations)
    count = len(claims)
    mine = [f"c{n}" for n in range(1 + seed % 2, count, 2)]
    for cid in rng.sample(mine, int(count * share * 0.4)):
        claims[cid] = claims[cid].model_copy(update={"text": claims[cid].text + " Indeed."})
    for cid in rng.sample(mine, int(count * share * 0.2)):
        claims[cid] = claims[cid].model_copy(update={"translations": {"de": "Neu übersetzt."}})
    for cid in rng.sample(mine, int(count * share * 0.1)):
        anchor = Anchor(source="article", quote=f"quote {seed}", start=1, end=8)
        claims[cid] = claims[cid].model_copy(update={"evidence": (*claims[cid].evidence, anchor)})
    for cid in rng.sample(mine, int(count * share * 0.1)):
        relation = relations[f"r-{cid}"]
        relations[f"r-{cid}"] = relation.model_copy(update={"target": "thesis", "rank": "z"})
    for n in range(int(count * share * 0.2)):
        cid = f"new-{seed}-{n}"
        claims[cid] = Claim(text=f"A new reason number {n}.")
        relations[f"r-{cid}"] = Relation(type=RelationType.SUPPORT, premises=(cid,), target=rng.choice(mine))
    for n in range(1, conflicts + 1):
        claims[f"c{n * 1000}"] = claims[f"c{n * 1000}"].model_copy(update={"note": f"side {seed}"})
    return base.model_copy(update={"claims": claims, "relations": relations})


def best(label: str, run: Callable[[], object], repeat: int) -> object:
    """Run ``repeat`` times; print the best wall-clock and CPU times (CPU time is steadier on a busy machine)."""
    walls, cpus, result = [], [], None
    for _ in range(repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        result = run()
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    print(
        f"{label:<44} {min(walls):6.3f} s wall  {min(cpus):6.3f} s cpu"
        f"   (best of {repeat}; wall: {', '.join(f'{t:.2f}' for t in walls)})"
    )
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    start = time.perf_counter()
    base = generate(args.claims)
    ours, theirs = descendant(base, 1), descendant(base, 2)
    print(f"generated base and two descendants of {args.claims:,} claims in {time.perf_counter() - start:.1f} s")
    with tempfile.TemporaryDirectory() as folder:
        for name, version in (("base", base), ("ours", ours), ("theirs", theirs)):
            store.save(version, Path(folder) / f"{name}.argmap.json")
        size = (Path(folder) / "base.argmap.json").stat().st_size
        print(f"file size {size / 2**20:.1f} MiB")
        base = best("load one map (for scale)", lambda: store.load(Path(folder) / "base.argmap.json"), args.repeat)
        ours = store.load(Path(folder) / "ours.argmap.json")
        theirs = store.load(Path(folder) / "theirs.argmap.json")

    def diff() -> int:
        return len(describe(diff_maps(base, ours), base, ours))

    entries = best("diff base -> ours (diff_maps + describe)", diff, args.repeat)
    print(f"  {entries:,} entries")
    result = best("merge base, ours, theirs (merge_maps)", lambda: merge_maps(base, ours, theirs), args.repeat)
    print(f"  {len(result.conflicts)} conflicts recorded, {len(result.map.claims):,} claims in the result")
    best("textconv outline of one map", lambda: outline(base), 1)


if __name__ == "__main__":
    main()
