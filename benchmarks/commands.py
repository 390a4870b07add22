"""Whole commands as a user runs them: each ``argmap`` command a fresh process, beside the bare parse.

    .venv/bin/python -m benchmarks.commands         # 1k, 10k, 100k; rewrites its section of docs/performance.md
    .venv/bin/python -m benchmarks.commands --sizes 1000 --output /tmp/commands.md

The in-process benchmarks (``benchmarks.run``) time the core; a user waits for
Python's start, the imports, the load, the work and the output.  Here every
command runs as a subprocess with its default output (to /dev/null) and with
JSON, on the generated maps and on a Kialo-shaped debate imported with
``argmap import`` (:mod:`benchmarks.kialo_debate`), each beside the floor of
the same run: ``orjson.loads`` of the same file(s) in a process of its own.
CPU time and peak memory are the child's own (``os.wait4``); the machine is
shared, so targets are judged on CPU time, best of the runs.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import subprocess
import sys
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from argmap import store
from argmap.model import ArgMap, Claim, ClaimKind, Relation, RelationType
from benchmarks import kialo_debate
from benchmarks.run import DEFAULT_CACHE, ROOT, workload_path

SIZES = (1_000, 10_000, 100_000)
DEFAULT_OUTPUT = ROOT / "docs" / "performance.md"
START, END = "<!-- whole commands: start -->", "<!-- whole commands: end -->"
"""The section of docs/performance.md this benchmark owns; ``benchmarks.run`` keeps it when it rewrites the file."""
PARSE = "import orjson, sys\nfor path in sys.argv[1:]:\n    with open(path, 'rb') as f: orjson.loads(f.read())"
COMMANDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("check", ("check", "{map}")),
    ("check --format json", ("check", "--format", "json", "{map}")),
    ("check --hints", ("check", "--hints", "{map}")),
    ("show", ("show", "{map}")),
    ("eval", ("eval", "{map}")),
    ("eval --format json", ("eval", "--format", "json", "{map}")),
    ("eval --all", ("eval", "--all", "{map}")),
    ("diff", ("diff", "{map}", "{other}")),
    ("diff --format json", ("diff", "--format", "json", "{map}", "{other}")),
    ("textconv", ("textconv", "{map}")),
    ("export --to markdown", ("export", "{map}", "--to", "markdown")),
    ("export --to aif", ("export", "{map}", "--to", "aif")),
)
"""What is timed, by name: the arguments of ``argmap``; {map} the map, {other} it with one claim reworded."""
TARGETED = frozenset({"check", "check --format json", "eval", "diff"})
"""The commands issue 16 sets targets for: at 100k run at least five times, as their best run is what is judged
and this machine's speed drifts by a fifth between runs."""


@dataclass
class Timing:
    wall: float
    cpu: float
    peak_mb: float
    status: int


@dataclass
class Row:
    shape: str
    claims: int
    command: str
    best: Timing
    runs: int
    floor: Timing | None
    floor_name: str

    @property
    def ratio(self) -> float | None:
        return self.best.cpu / self.floor.cpu if self.floor else None


def timed(arguments: list[str]) -> Timing:
    """Run a process to its end with stdout to /dev/null: its wall time, its own CPU time and peak memory."""
    start = time.perf_counter()
    process = subprocess.Popen(arguments, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    return Timing(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, process.returncode)


def argmap_command(arguments: tuple[str, ...], **paths: Path) -> list[str]:
    return [sys.executable, "-m", "argmap", *(part.format(**paths) for part in arguments)]


def floor_command(*paths: Path) -> list[str]:
    return [sys.executable, "-c", PARSE, *map(str, paths)]


def best_of(command: list[str], floor: list[str] | None, repeats: int) -> tuple[Timing, Timing | None, int]:
    """The best run of ``command`` (by CPU), and of its floor run alternately with it."""
    runs, floors = [], []
    for _ in range(repeats):
        if floor is not None:
            floors.append(timed(floor))
        runs.append(timed(command))
    best = min(runs, key=lambda t: t.cpu)
    return best, min(floors, key=lambda t: t.cpu) if floors else None, len(runs)


def kialo_map(size: int, cache: Path) -> Path:
    """The Kialo-shaped debate of ``size`` claims, imported with ``argmap import`` once and cached."""
    path = cache / "kialo" / f"kialo-{size}.argmap.json"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        text = path.with_suffix(".txt")
        text.write_text(kialo_debate.kialo_debate(size), encoding="utf-8")
        subprocess.run(argmap_command(("import", str(text), "-o", str(path), "--force")), check=True, cwd=ROOT)
    return path


def reworded(path: Path) -> Path:
    """The map with one claim reworded, beside it: the second version ``diff`` compares."""
    other = path.with_name(path.name.replace(".argmap.json", "-reworded.argmap.json"))
    if not other.exists():
        argmap = store.load(path)
        claim_id = sorted(argmap.claims)[len(argmap.claims) // 2]
        claim = argmap.claims[claim_id]
        argmap.claims[claim_id] = claim.model_copy(update={"text": claim.text + " Reworded."})
        store.save(argmap, other)
    return other


def chain_map(depth: int, cache: Path) -> Path:
    """A thesis, an objection to it, an objection to that, … ``depth`` claims deep."""
    path = cache / "chains" / f"chain-{depth}.argmap.json"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        claims = {"c0": Claim(kind=ClaimKind.THESIS, text="Level 0.")}
        relations = {}
        for level in range(1, depth):
            claims[f"c{level}"] = Claim(text=f"Level {level}.")
            relations[f"r{level}"] = Relation(type=RelationType.ATTACK, premises=(f"c{level}",), target=f"c{level - 1}")
        store.save(ArgMap(argmap=1, claims=claims, relations=relations), path)
    return path


def with_cycles(path: Path, count: int) -> Path:
    """The map with ``count`` pairs of new claims that object to each other, one of each pair also to the thesis."""
    other = path.with_name(path.name.replace(".argmap.json", f"-{count}-cycles.argmap.json"))
    if not other.exists():
        argmap = store.load(path)
        thesis = argmap.theses()[0]
        for number in range(count):
            one, two = f"zz-cycle-{number}-a", f"zz-cycle-{number}-b"
            argmap.claims[one] = Claim(text=f"Cycle {number}, one side.")
            argmap.claims[two] = Claim(text=f"Cycle {number}, the other side.")
            argmap.relations[f"r-{one}"] = Relation(type=RelationType.ATTACK, premises=(one,), target=two)
            argmap.relations[f"r-{two}"] = Relation(type=RelationType.ATTACK, premises=(two,), target=one)
            argmap.relations[f"r-{two}-thesis"] = Relation(type=RelationType.ATTACK, premises=(two,), target=thesis)
        store.save(argmap, other)
    return other


def prepare(sizes: tuple[int, ...], cache: Path) -> None:
    """Make every map the measurement reads (kept in ``cache`` for later runs).

    Run in a process of its own by :func:`main`: a child's peak memory (``ru_maxrss``)
    counts the memory of the process it was forked from, so a measuring process
    that had loaded a 100k map itself would report every command at that size.
    """
    for size in sizes:
        for path in (workload_path(size, cache), kialo_map(size, cache)):
            reworded(path)
    largest = max(sizes)
    chain_map(largest // 2, cache)
    with_cycles(kialo_map(largest, cache), 5)


def measure(sizes: tuple[int, ...], cache: Path, repeats: int, progress: bool) -> list[Row]:
    rows: list[Row] = []

    def note(text: str) -> None:
        if progress:
            print(text, file=sys.stderr, flush=True)

    for size in sizes:
        for shape, path in (("generated", workload_path(size, cache)), ("Kialo-shaped", kialo_map(size, cache))):
            other = reworded(path)
            for name, arguments in COMMANDS:
                times = repeats if size < 100_000 else max(5, repeats) if name in TARGETED else max(2, repeats - 1)
                two = "{other}" in arguments
                floor = floor_command(path, other) if two else floor_command(path)
                best, floor_best, runs = best_of(argmap_command(arguments, map=path, other=other), floor, times)
                floor_name = "2 × orjson.loads, one process" if two else "orjson.loads"
                rows.append(Row(shape, size, name, best, runs, floor_best, floor_name))
                note(f"{shape} {size:,} {name}: {best.cpu:.2f} s CPU, {best.peak_mb:.0f} MB")
    largest = max(sizes)
    chain = chain_map(largest // 2, cache)
    best, floor_best, runs = best_of(argmap_command(("eval", "{map}"), map=chain), floor_command(chain), repeats)
    rows.append(Row("attack chain", largest // 2, "eval", best, runs, floor_best, "orjson.loads"))
    note(f"chain {largest // 2:,} eval: {best.cpu:.2f} s CPU, {best.peak_mb:.0f} MB")
    cycles = with_cycles(kialo_map(largest, cache), 5)
    for semantics in ("preferred", "stable"):
        command = argmap_command(("eval", "--semantics", semantics, "{map}"), map=cycles)
        best, floor_best, runs = best_of(command, floor_command(cycles), max(2, repeats - 1))
        name = f"eval --semantics {semantics}"
        rows.append(Row("Kialo-shaped, 5 cycles", largest, name, best, runs, floor_best, "orjson.loads"))
        note(f"cycles {semantics}: {best.cpu:.2f} s CPU, {best.peak_mb:.0f} MB")
    return rows


def find(rows: list[Row], shape: str, claims: int, command: str) -> Row | None:
    return next((r for r in rows if r.shape == shape and r.claims == claims and r.command == command), None)


def targets(rows: list[Row]) -> list[tuple[str, str, bool | None]]:
    """Issue 16's targets: (target, measured, met); met None when the size was not run."""
    found: list[tuple[str, str, bool | None]] = []
    two_parses, one_parse, json = "two bare parses in one process", "one bare parse", "check --format json"
    checks = (
        ("diff of two 100k versions (Kialo-shaped) ≤ 1.0 s", "Kialo-shaped", "diff", "cpu", 1.0),
        (f"diff of two 100k versions (Kialo-shaped) ≤ 3× {two_parses}", "Kialo-shaped", "diff", "ratio", 3.0),
        (f"diff of two 100k versions (generated) ≤ 3× {two_parses}", "generated", "diff", "ratio", 3.0),
        (f"{json} 100k (Kialo-shaped) ≤ 4× {one_parse}", "Kialo-shaped", json, "ratio", 4.0),
        (f"{json} 100k (generated) ≤ 4× {one_parse}", "generated", json, "ratio", 4.0),
        ("check, default output, 100k Kialo-shaped: a few seconds (≤ 3 s)", "Kialo-shaped", "check", "cpu", 3.0),
        ("eval, default output, 100k Kialo-shaped: a few seconds (≤ 3 s)", "Kialo-shaped", "eval", "cpu", 3.0),
        ("eval of a 50,000-deep attack chain < 2 s", "attack chain", "eval", "cpu", 2.0),
        ("eval of a 50,000-deep attack chain < 500 MB", "attack chain", "eval", "peak_mb", 500.0),
    )
    for text, shape, command, metric, limit in checks:
        claims = 50_000 if shape == "attack chain" else 100_000
        row = find(rows, shape, claims, command)
        if row is None:
            found.append((text, "not run", None))
            continue
        value = {"cpu": row.best.cpu, "ratio": row.ratio or 0.0, "peak_mb": row.best.peak_mb}[metric]
        shown = f"{value:.2f}×" if metric == "ratio" else f"{value:.0f} MB" if metric == "peak_mb" else f"{value:.2f} s"
        found.append((text, shown, value <= limit))
    return found


def section(rows: list[Row], started: datetime, spent: float) -> str:
    load = " / ".join(f"{value:.2f}" for value in os.getloadavg())
    lines = [
        START,
        "## Whole commands",
        "",
        "Generated by `.venv/bin/python -m benchmarks.commands` (see `benchmarks/README.md`); do not edit by hand.",
        f"Measured {started:%Y-%m-%d %H:%M} UTC in {spent / 60:.1f} min on {os.cpu_count()} cores"
        f" ({platform.python_version()}), load average at the start {load}.",
        "",
        "Each command is a fresh `argmap` process with its default output sent to /dev/null; *CPU* is that"
        " process's own user + system time, *peak MB* its maximum resident memory, best of the runs (by CPU)."
        " The floor is `orjson.loads` of the same file (for diff: of both files) in a process of its own,"
        " run alternately with the command. *Kialo-shaped*: a debate imported with `argmap import` from"
        " Kialo text, 70 % of claims under one of the last 2,000 added, no evidence (`benchmarks/kialo_debate.py`).",
        "",
        "### Targets (issue 16)",
        "",
        "| target | measured | |",
        "|---|---|---|",
    ]
    for text, shown, met in targets(rows):
        lines.append(f"| {text} | {shown} | {'not run' if met is None else 'met' if met else 'NOT met'} |")
    lines += [
        "",
        "### Figures",
        "",
        "| map | claims | command | wall | CPU | peak MB | runs | floor CPU | ÷ floor |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for row in rows:
        floor = f"{row.floor.cpu:.2f} s" if row.floor else ""
        ratio = f"{row.ratio:.1f}×" if row.ratio else ""
        status = "" if row.best.status in (0, 1) else f" (exit {row.best.status})"
        lines.append(
            f"| {row.shape} | {row.claims:,} | `{row.command}`{status} | {row.best.wall:.2f} s | {row.best.cpu:.2f} s"
            f" | {row.best.peak_mb:.0f} | {row.runs} | {floor} | {ratio} |"
        )
    lines.append(END)
    return "\n".join(lines) + "\n"


def write_section(output: Path, text: str) -> None:
    """Put the section into ``output`` in place of its earlier version, or at the end."""
    current = output.read_text(encoding="utf-8") if output.exists() else ""
    pattern = re.compile(re.escape(START) + ".*?" + re.escape(END) + "\n?", re.S)
    if pattern.search(current):
        updated = pattern.sub(lambda _: text, current)
    else:
        updated = current.rstrip("\n") + ("\n\n" if current else "") + text
    output.write_text(updated, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.commands", description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)), help="comma-separated claim counts")
    parser.add_argument(
        "--repeats", type=int, default=3, help="runs per command (100k: one fewer, at least 2; the targeted ones 5)"
    )
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE, help="where the maps are kept")
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT, help="the report whose section is rewritten")
    parser.add_argument("--prepare", action="store_true", help="only make the maps (what the run does first)")
    args = parser.parse_args(argv)
    sizes = tuple(int(size) for size in args.sizes.split(","))
    if args.prepare:
        prepare(sizes, args.cache)
        return 0
    preparing = ["--prepare", "--sizes", args.sizes, "--cache", str(args.cache)]
    subprocess.run([sys.executable, "-m", "benchmarks.commands", *preparing], check=True, cwd=ROOT)
    started, clock = datetime.now(UTC), time.perf_counter()
    rows = measure(sizes, args.cache, args.repeats, progress=True)
    write_section(args.output, section(rows, started, time.perf_counter() - clock))
    print(f"wrote {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
