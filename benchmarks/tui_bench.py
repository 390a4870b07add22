"""The editor on a 100,000-claim map: first paint, the cost of each keystroke, peak memory.

    /work/venv/bin/python benchmarks/tui_bench.py [--claims 100000]

Keys: cursor moves (down/up), add an objection (o, a letter, enter), edit (e, a
letter, enter), undo, reorder (shift+down/up), and move a claim under another
(m, a filter of two letters, enter in the picker).

Targets (spec §10): first paint ≤ 1.5 s, every keystroke (move, add, edit, undo)
≤ 50 ms at the 95th percentile, memory ≤ 500 MB.

A keystroke's cost is the main thread's CPU time from sending the key until the
app is idle again (its handler, the tree update and the repaint).  Pilot's wall
time per press is also printed, but it includes Pilot's own wait for idle
(~50 ms even in an empty app), so it is not the keystroke's cost.  The live
check runs in a worker thread and is not counted.
"""

from __future__ import annotations

import argparse
import asyncio
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from argmap import store
from argmap.document import Document
from argmap.model import ArgMap, Claim, ClaimKind, Relation, RelationType
from argmap.rank import spread
from argmap.tui.app import ArgmapApp

BRANCHING = 10


def big_map(claims: int) -> ArgMap:
    """A thesis with ten reasons or objections under every claim, breadth first, ``claims`` in all."""
    records = {"thesis": Claim(kind=ClaimKind.THESIS, text="The thesis of a very large map.")}
    relations: dict[str, Relation] = {}
    ranks = spread(BRANCHING)
    queue = ["thesis"]
    n = 0
    while len(records) < claims:
        parent = queue.pop(0)
        for i in range(BRANCHING):
            if len(records) >= claims:
                break
            n += 1
            cid = f"c{n}"
            records[cid] = Claim(text=f"Claim number {n}, below {parent}, with a few more words of text.")
            relations[f"r-{cid}"] = Relation(
                type=RelationType.SUPPORT if i % 3 else RelationType.ATTACK,
                premises=(cid,),
                target=parent,
                rank=ranks[i],
            )
            queue.append(cid)
    return ArgMap(argmap=1, title="benchmark", claims=records, relations=relations)


def p95(samples: Sequence[float]) -> float:
    ordered = sorted(samples)
    return ordered[max(0, round(0.95 * len(ordered)) - 1)]


async def measure(path: Path, rounds: int) -> dict[str, list[float]]:
    started = time.perf_counter()
    document = Document.open(path)
    app = ArgmapApp(path, document=document, keymap_file=path.parent / "no-keymap.toml")
    costs: dict[str, list[float]] = {}
    walls: dict[str, list[float]] = {}
    async with app.run_test(size=(160, 50)) as pilot:
        await pilot.pause()
        first_paint = time.perf_counter() - started
        print(f"first paint (load + validate + mount + first refresh): {first_paint:.2f} s")
        screen = app.screen
        screen.tree.reveal("c5")  # type: ignore[attr-defined]
        await pilot.press("space")  # open c5: ten children

        async def key(kind: str, *keys: str) -> None:
            for k in keys:
                cpu = time.thread_time()
                wall = time.perf_counter()
                await pilot.press(k)
                costs.setdefault(kind, []).append(time.thread_time() - cpu)
                costs.setdefault(f"  {kind}: {k}", []).append(costs[kind][-1])
                walls.setdefault(kind, []).append(time.perf_counter() - wall)

        for _ in range(rounds):
            await key("move", "down", "down", "up", "up")
            await key("add", "o", "x", "enter")
            await key("edit", "e", "y", "enter")
            await key("undo", "ctrl+z", "ctrl+z")
            await key("reorder", "shift+down", "shift+up")
            await key("move claim (m)", "m", "c", "1", "enter")
            await key("undo", "ctrl+z")
        costs["first paint"] = [first_paint]
        for kind, samples in walls.items():
            costs[f"{kind} (Pilot wall)"] = samples
    return costs


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--build", metavar="PATH", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.build:
        store.save(big_map(args.claims), args.build)
        return 0
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "big.argmap.json"
        built = time.perf_counter()
        # Built in another process, so the peak memory below is the editor's own.
        subprocess.run([sys.executable, __file__, "--claims", str(args.claims), "--build", str(path)], check=True)
        size = path.stat().st_size / 2**20
        print(f"{args.claims} claims, {size:.1f} MiB, built in {time.perf_counter() - built:.1f} s")
        results = asyncio.run(measure(path, args.rounds))
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory of the editor process (RSS): {peak:.0f} MB")
    print(f"{'keystroke':<24}{'n':>4}{'median ms':>11}{'p95 ms':>9}{'max ms':>9}")
    for kind, samples in results.items():
        if kind == "first paint":
            continue
        print(
            f"{kind:<24}{len(samples):>4}{statistics.median(samples) * 1000:>11.1f}"
            f"{p95(samples) * 1000:>9.1f}{max(samples) * 1000:>9.1f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
