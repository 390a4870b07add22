"""Diff and merge of two maps of the same size (targets at 100k: diff ≤ 1 s, merge ≤ 2 s), and the textconv outline.

Measured by ``python -m benchmarks.run`` (see ``benchmarks/README.md``).  The
setup builds a tree-shaped map (every claim with text, a third with a German
translation, a fifth with an evidence anchor), then two descendants that each
change about 1 % of it in the ways people do (rewording, translations, evidence,
moves, new reasons, deletions), disjoint so the merge is clean, plus a handful
of edits to the same claims so that conflicts are recorded too.  The three are
saved and loaded back, as git's drivers would see them.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from argmap import store
from argmap.diff import describe, diff_maps
from argmap.merge import merge_maps
from argmap.model import Anchor, ArgMap, Claim, ClaimKind, Relation, RelationType, Source
from argmap.textconv import outline
from benchmarks.registry import Measurement, Target, Workload

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
    step = max(1, count // (conflicts + 1))
    for n in range(1, min(conflicts, count - 1) + 1):
        cid = f"c{min(n * step, count - 1)}"
        claims[cid] = claims[cid].model_copy(update={"note": f"side {seed}"})
    return base.model_copy(update={"claims": claims, "relations": relations})


@dataclass(frozen=True)
class Versions:
    """A base map and two descendants of it, each saved and loaded back."""

    base: ArgMap
    ours: ArgMap
    theirs: ArgMap


def versions(workload: Workload) -> Versions:
    base = generate(workload.size)
    loaded = []
    for name, version in (("base", base), ("ours", descendant(base, 1)), ("theirs", descendant(base, 2))):
        path = workload.scratch / f"{name}.argmap.json"
        store.save(version, path)
        loaded.append(store.load(path))
    return Versions(*loaded)


def diff(state: Versions) -> int:
    """What ``argmap diff`` computes: the changes and their description, one entry per line."""
    return len(describe(diff_maps(state.base, state.ours), state.base, state.ours))


MEASUREMENTS = [
    Measurement(
        "diff",
        diff,
        versions,
        targets=(Target("diff of two 100k maps ≤ 1 s (CPU time)", "seconds", 1.0),),
        description="diff_maps + describe between a map and a descendant with about 1 % of its claims changed",
    ),
    Measurement(
        "merge",
        lambda state: merge_maps(state.base, state.ours, state.theirs),
        versions,
        targets=(Target("three-way merge of 100k maps ≤ 2 s (CPU time)", "seconds", 2.0),),
        description="merge_maps of a base and two descendants that each change about 1 %, with 20 conflicts",
    ),
    Measurement(
        "textconv",
        lambda state: outline(state.base),
        versions,
        description="the textconv outline git diffs a map by (argmap textconv MAP without the file read)",
    ),
]
