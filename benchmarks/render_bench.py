"""How long rendering takes: DOT generation against Graphviz's layout, and argmap against Argdown.

Run from the repository root (needs the system Graphviz; the Argdown part also
needs Node and ``npm install @argdown/cli`` in a folder of its own):

    /work/venv/bin/python benchmarks/render_bench.py
    /work/venv/bin/python benchmarks/render_bench.py --argdown /tmp/argdown-bench/node_modules/.bin/argdown

Part 1 times :func:`argmap.render.build_dot` (median of several runs) and
``dot -Tsvg`` on the same text for generated maps of 100, 1,000 and 5,000
claims; spec §10 wants the DOT to cost at most 10 % of the layout.

Part 2 renders one 1,000-claim map to SVG end to end, as a user would run it
(a fresh process each time), with ``argmap render`` and with ``argdown map
--format svg`` on the same map written in Argdown form; the target is at
least 5× faster.
"""

from __future__ import annotations

import argparse
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from argmap import store
from argmap.model import FORMAT_VERSION, ArgMap, Claim, ClaimKind, Relation, RelationType
from argmap.render import RenderOptions, build_dot

WORDS = [
    "trade",
    "sanctions",
    "alliance",
    "treaty",
    "energy",
    "weapons",
    "logistics",
    "payment",
    "region",
    "risk",
    "investment",
    "partner",
    "council",
    "influence",
    "status",
    "ideology",
    "history",
    "pressure",
    "return",
    "supplier",
    "workers",
    "railway",
    "pipeline",
]


def generate(claims: int, seed: int = 7) -> ArgMap:
    """A tree of ``claims`` claims: 2–4 children each, a third objections, some linked pairs and undercuts."""
    rng = random.Random(seed)
    texts = {"thesis": "The generated thesis that everything below argues about."}
    kinds = {"thesis": ClaimKind.THESIS}
    relations: dict[str, Relation] = {}
    frontier = ["thesis"]
    made = 1
    while made < claims and frontier:
        parent = frontier.pop(0)
        for n in range(rng.randint(2, 4)):
            if made >= claims:
                break
            cid = f"c{made}"
            texts[cid] = " ".join(rng.choice(WORDS) for _ in range(rng.randint(8, 18))).capitalize() + "."
            kinds[cid] = ClaimKind.STATISTIC if rng.random() < 0.1 else ClaimKind.CLAIM
            kind = RelationType.ATTACK if rng.random() < 0.33 else RelationType.SUPPORT
            premises: tuple[str, ...] = (cid,)
            made += 1
            if made < claims and rng.random() < 0.1:
                partner = f"c{made}"
                texts[partner] = "A co-premise that works only together with its neighbour."
                kinds[partner] = ClaimKind.CLAIM
                premises = (cid, partner)
                made += 1
            relations[f"r-{cid}"] = Relation(type=kind, premises=premises, target=parent, rank=f"m{n}")
            frontier.extend(premises)
            if made < claims and rng.random() < 0.05:
                undercut = f"c{made}"
                texts[undercut] = "The step from this reason to its claim does not hold."
                kinds[undercut] = ClaimKind.CLAIM
                relations[f"r-{undercut}"] = Relation(type=RelationType.ATTACK, premises=(undercut,), target=f"r-{cid}")
                made += 1
    return ArgMap(
        argmap=FORMAT_VERSION,
        title=f"Generated map of {claims} claims",
        claims={cid: Claim(kind=kinds[cid], text=text) for cid, text in texts.items()},
        relations=relations,
    )


def to_argdown(argmap: ArgMap) -> str:
    """The map as Argdown: one statement per claim, ``+``/``-`` children, ``_`` undercuts.

    Linked premises become separate supports: Argdown expresses linkage only
    inside premise–conclusion structures, which a tree writer does not build.
    """
    children: dict[str, list[tuple[str, Relation]]] = {}
    for rid, relation in sorted(argmap.relations.items(), key=lambda item: (item[1].rank, item[0])):
        children.setdefault(relation.target, []).append((rid, relation))
    lines: list[str] = ["===", "title: " + argmap.title, "===", ""]

    def statement(cid: str) -> str:
        return f"[{cid}]: {argmap.claims[cid].text}"

    def walk(node: str, depth: int) -> None:
        for rid, relation in children.get(node, []):
            for premise in relation.premises:
                sign = "+" if relation.type is RelationType.SUPPORT else "-"
                lines.append("    " * depth + f"{sign} {statement(premise)}")
                for _, undercut in children.get(rid, []):
                    lines.append("    " * (depth + 1) + f"_ {statement(undercut.premises[0])}")
                walk(premise, depth + 1)

    for thesis in argmap.theses():
        lines.append(statement(thesis))
        walk(thesis, 1)
    return "\n".join(lines) + "\n"


def median_time(action, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.process_time()
        action()
        times.append(time.process_time() - start)
    return statistics.median(times)


def run(command: list[str]) -> tuple[float, float]:
    """Wall time and CPU time (user + system) of one fresh process.

    On a shared 2-core machine the wall time swings with the neighbours' load;
    the CPU time is the steadier measure of the work done.
    """
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, check=False)
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise SystemExit(f"{command[0]} failed: {done.stderr.decode()[-500:]}")
    return elapsed, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def best(command: list[str], times: int) -> tuple[float, float]:
    runs = [run(command) for _ in range(times)]
    return min(wall for wall, _ in runs), min(cpu for _, cpu in runs)


def dot_vs_layout(sizes: list[int]) -> None:
    print("DOT generation vs Graphviz layout (dot -Tsvg), CPU time of each")
    print(f"{'claims':>7} {'DOT gen':>9} {'layout':>9} {'ratio':>7}")
    for size in sizes:
        argmap = generate(size)
        dot = build_dot(argmap, RenderOptions())
        generation = median_time(lambda a=argmap: build_dot(a, RenderOptions()), 5 if size <= 1000 else 3)
        with tempfile.NamedTemporaryFile("w", suffix=".dot", delete=False) as handle:
            handle.write(dot)
        layout = best(["dot", "-Tsvg", "-o", "/dev/null", handle.name], 1 if size > 1000 else 3)[1]
        Path(handle.name).unlink()
        print(f"{size:>7} {generation:>8.3f}s {layout:>8.2f}s {generation / layout:>6.1%}")


def against_argdown(argdown: str, claims: int) -> None:
    argmap = generate(claims)
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        map_path = work / "bench.argmap.json"
        store.save(argmap, map_path)
        (work / "bench.argdown").write_text(to_argdown(argmap), encoding="utf-8")
        ours = [sys.executable, "-m", "argmap", "render", str(map_path), "-o", str(work / "argmap.svg")]
        wasm = [*ours, "--graphviz", "wasm"]
        theirs = [argdown, "map", str(work / "bench.argdown"), str(work / "argdown-out"), "--format", "svg"]
        results = {
            "argmap render (system dot)": best(ours, 3),
            "argmap render (wasm, pip only)": best(wasm, 3),
            "argdown map --format svg": best(theirs, 2),
        }
        svgs = list((work / "argdown-out").glob("*.svg"))
        if not svgs:
            raise SystemExit("argdown wrote no SVG")
    print(f"\n{claims} claims to SVG, end to end (best of several fresh processes)")
    print(f"  {'':<32} {'wall':>7} {'CPU':>7}  {'speed-up (wall, CPU)':>22}")
    wall0, cpu0 = results["argdown map --format svg"]
    for name, (wall, cpu) in results.items():
        print(f"  {name:<32} {wall:>6.2f}s {cpu:>6.2f}s  {wall0 / wall:>10.1f}× {cpu0 / cpu:>9.1f}×")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="100,1000,5000", help="claim counts for part 1")
    parser.add_argument("--argdown", help="path to the argdown CLI; part 2 is skipped without it")
    parser.add_argument("--claims", type=int, default=1000, help="map size for part 2")
    args = parser.parse_args()
    if shutil.which("dot") is None:
        raise SystemExit("needs the system Graphviz: apt install graphviz")
    dot_vs_layout([int(size) for size in args.sizes.split(",")])
    if args.argdown:
        against_argdown(args.argdown, args.claims)


if __name__ == "__main__":
    main()
