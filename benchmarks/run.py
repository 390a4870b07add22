"""Run every benchmark at 1k, 10k and 100k claims; print a table and write docs/performance.md.

    .venv/bin/python -m benchmarks.run                     # everything, writes docs/performance.md
    .venv/bin/python -m benchmarks.run --only load,check   # some measurements (matched by name)
    .venv/bin/python -m benchmarks.run --sizes 200 --repeats 1 --output /tmp/perf.md

Each measurement runs at each size in a fresh subprocess, so its peak memory
(the process's maximum resident set size) is its own and nothing it leaves
behind slows the next one.  Generated maps are cached in ``.bench-cache/``.
"""

from __future__ import annotations

import argparse
import datetime
import gc
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

from benchmarks import generate
from benchmarks.registry import (
    REFERENCE,
    SIZES,
    Measurement,
    Skip,
    Target,
    Workload,
    default_repeats,
    discover,
    extra_metrics,
    find,
)

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUTPUT = ROOT / "docs" / "performance.md"
DEFAULT_CACHE = ROOT / ".bench-cache"
COMMAND = ".venv/bin/python -m benchmarks.run"
BUDGET_SECONDS = 30.0
"""After two runs, a child stops repeating once it has spent this long: best of fewer is still honest."""


@dataclass
class Result:
    """What one child measured: one measurement at one size."""

    module: str
    name: str
    size: int
    seconds: float | None = None
    cpu_seconds: float | None = None
    runs: int = 0
    floor_seconds: float | None = None
    floor_cpu_seconds: float | None = None
    metrics: dict[str, float] = field(default_factory=dict)
    setup_mb: float | None = None
    peak_mb: float | None = None
    skipped: str | None = None

    @property
    def ratio(self) -> float | None:
        """CPU time over the floor's: other work on the machine stretches wall time, not CPU time."""
        if self.cpu_seconds is None or not self.floor_cpu_seconds:
            return None
        return self.cpu_seconds / self.floor_cpu_seconds


# The child: one measurement at one size ------------------------------------------------------


def _max_rss_mb() -> float:
    """The peak resident set size of this process so far.

    Linux's ``VmHWM`` starts afresh with the program; ``ru_maxrss`` would carry
    over the runner's own peak into the child through fork and exec.
    """
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _timed(function: Any, state: Any) -> tuple[float, float, dict[str, float]]:
    """Wall time, CPU time (of this process and the programs it ran), and the metrics the run returned."""
    gc.collect()
    start, cpu = time.perf_counter(), _cpu_seconds()
    returned = function(state)
    elapsed, cpu = time.perf_counter() - start, _cpu_seconds() - cpu
    return elapsed, cpu, extra_metrics(returned)


def _cpu_seconds() -> float:
    """User and system time of this process and of its finished children (a peer tool, Graphviz)."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


def child(module: str, name: str, size: int, map_path: Path, repeats: int, result_path: Path) -> None:
    """Measure in this process and write the :class:`Result` as JSON (stdout belongs to the measurement)."""
    measurement = find(module, name)
    result = Result(module, name, size)
    with tempfile.TemporaryDirectory(prefix="argmap-bench-") as scratch:
        workload = Workload(size, map_path, Path(scratch))
        try:
            state = measurement.setup(workload)
            result.setup_mb = _max_rss_mb()
            first, cpu, metrics = _timed(measurement.run, state)
            result.peak_mb = _max_rss_mb()
            times, cpu_times, floor_times = [first], [cpu], []
            floor_state = measurement.floor.setup(workload) if measurement.floor else None
            spent = first
            while len(times) < repeats and (len(times) < 2 or spent < BUDGET_SECONDS):
                if measurement.floor:
                    floor_times.append(_timed(measurement.floor.run, floor_state)[:2])
                elapsed, cpu, more = _timed(measurement.run, state)
                times.append(elapsed)
                cpu_times.append(cpu)
                spent += elapsed
                metrics = {key: min(value, more.get(key, value)) for key, value in metrics.items()}
            if measurement.floor and not floor_times:
                floor_times.append(_timed(measurement.floor.run, floor_state)[:2])
        except Skip as reason:
            result.skipped = str(reason) or "skipped"
        else:
            result.seconds = min(times)
            result.cpu_seconds = min(cpu_times)
            result.runs = len(times)
            if floor_times:
                result.floor_seconds = min(wall for wall, _ in floor_times)
                result.floor_cpu_seconds = min(cpu for _, cpu in floor_times)
            result.metrics = metrics
    result_path.write_text(json.dumps(asdict(result)))


# The parent: maps, children, the table and the report -----------------------------------------


def workload_path(size: int, cache: Path) -> Path:
    """The generated map of ``size`` claims, made once per version of the generator."""
    version = generate.fingerprint()
    path = cache / f"{size}-{version}" / f"gen-{size}.argmap.json"
    if not path.exists():
        generate.write_map(size, path.parent, name=path.name)
    return path


def run_child(module: str, measurement: Measurement, size: int, map_path: Path, repeats: int) -> Result:
    with tempfile.TemporaryDirectory(prefix="argmap-bench-result-") as folder:
        result_path = Path(folder) / "result.json"
        command = [
            sys.executable,
            "-m",
            "benchmarks.run",
            "--child",
            module,
            measurement.name,
            str(size),
            str(map_path),
            str(repeats),
            str(result_path),
        ]
        completed = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
        if completed.returncode != 0 or not result_path.exists():
            last = (completed.stderr.strip().splitlines() or ["no output"])[-1]
            return Result(module, measurement.name, size, skipped=f"failed: {last}")
        return Result(**json.loads(result_path.read_text()))


def growth(results: list[Result], measurement: Measurement) -> float | None:
    """Time per claim at the largest size over time per claim at the smallest (linear = 1.0)."""
    timed = sorted((r for r in results if r.cpu_seconds), key=lambda r: r.size)
    if len(timed) < 2:
        return None
    small, large = timed[0], timed[-1]
    assert small.cpu_seconds and large.cpu_seconds  # timed holds only results with a time
    ratio = large.cpu_seconds / small.cpu_seconds
    return ratio / (large.size / small.size) if measurement.per_claim else ratio


def target_value(target: Target, results: list[Result], measurement: Measurement) -> tuple[float | None, int | None]:
    """The value a target is judged on, and at which size; None when that size was not run."""
    timed = [r for r in results if r.seconds is not None]
    if target.metric == "growth":
        return growth(results, measurement), None
    wanted = target.size if target.size is not None else max((r.size for r in timed), default=None)
    for result in timed:
        if result.size == wanted:
            figures = {
                "seconds": result.cpu_seconds,
                "wall_seconds": result.seconds,
                "ratio": result.ratio,
                "peak_mb": result.peak_mb,
            }
            value = figures.get(target.metric, result.metrics.get(target.metric))
            return value, wanted
    return None, wanted


def machine() -> dict[str, str]:
    """What the figures were measured on."""
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = ""
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                memory = f"{int(line.split()[1]) / 2**20:.1f} GiB"
    except OSError:
        pass
    load = " / ".join(f"{value:.2f}" for value in os.getloadavg()) if hasattr(os, "getloadavg") else ""
    return {
        "CPU": cpu,
        "cores": str(os.cpu_count()),
        "memory": memory,
        "system": f"{platform.system()} {platform.release()}",
        "Python": platform.python_version(),
        "load average (1/5/15 min) at the start": load,
    }


def _seconds(value: float | None) -> str:
    if value is None:
        return "–"
    if value < 1e-3:
        return f"{value * 1e6:.0f} µs"
    if value < 1:
        return f"{value * 1e3:.1f} ms"
    return f"{value:.2f} s"


def _number(value: float | None, suffix: str = "", digits: int = 2) -> str:
    return "–" if value is None else f"{value:.{digits}f}{suffix}"


def _memory(result: Result) -> str:
    if result.peak_mb is None:
        return "–"
    return f"{result.peak_mb:.0f} (+{result.peak_mb - (result.setup_mb or result.peak_mb):.0f})"


def rows(measured: list[tuple[Measurement, list[Result]]]) -> list[list[str]]:
    """One row per measurement and size: the figures both the table and the report show."""
    out = []
    for measurement, results in measured:
        rise = growth(results, measurement)
        for n, result in enumerate(results):
            if result.skipped:
                out.append([measurement.name, f"{result.size:,}", f"skipped: {result.skipped}", *[""] * 8])
                continue
            per_claim = result.seconds / result.size if result.seconds is not None else None
            floor = ""
            if measurement.floor:
                floor = (
                    f"{_seconds(result.floor_seconds)}, CPU {_seconds(result.floor_cpu_seconds)} "
                    f"({measurement.floor.name})"
                )
            extras = ", ".join(f"{key} {value:.3g}" for key, value in result.metrics.items())
            out.append(
                [
                    measurement.name,
                    f"{result.size:,}",
                    _seconds(result.seconds),
                    _seconds(result.cpu_seconds),
                    str(result.runs),
                    _seconds(per_claim) if measurement.per_claim else "",
                    floor,
                    _number(result.ratio, "×"),
                    _memory(result),
                    _number(rise, "×") if n == len(results) - 1 else "",
                    extras,
                ]
            )
    return out


HEADERS = [
    "measurement",
    "claims",
    "best time",
    "CPU time",
    "runs",
    "per claim",
    "floor",
    "ratio",
    "peak MB (+run)",
    "growth",
    "other",
]


def reference_growth(measured: list[tuple[Measurement, list[Result]]]) -> float | None:
    """How much the plain linear walk slows per claim from the smallest size to the largest."""
    for measurement, results in measured:
        if measurement.name == REFERENCE:
            return growth(results, measurement)
    return None


def target_rows(measured: list[tuple[Measurement, list[Result]]], growth_limit: float) -> list[list[str]]:
    """Each target with its value and verdict; growth is judged against the linear walk's when it ran."""
    out = []
    reference = reference_growth(measured)
    for measurement, results in measured:
        shape = "grows about linearly" if measurement.per_claim else "takes as long on any size of map"
        limit = growth_limit * max(reference or 1.0, 1.0)
        against = f" (≤ {limit:.2f}×)"
        if reference and reference > 1.0:
            against = f" (≤ {limit:.2f}×, {growth_limit}× the linear walk's {reference:.2f}×)"
        growth_target = Target(f"{measurement.name}: {shape}{against}", "growth", limit)
        targets = [*measurement.targets] + ([growth_target] if measurement.name != REFERENCE else [])
        for target in targets:
            value, size = target_value(target, results, measurement)
            if value is None:
                verdict = f"not measured (needs {size:,} claims)" if size else "not measured"
            else:
                verdict = "met" if target.met(value) else "NOT MET"
            timed = target.metric in ("seconds", "wall_seconds")
            shown = "–" if value is None else _seconds(value) if timed else f"{value:.2f}"
            if target.metric in ("ratio", "growth") and value is not None:
                shown += "×"
            out.append([target.text, shown, verdict])
    return out


GROWTH_LIMIT = 1.5
"""An operation counts as linear when its CPU time per claim grows from the smallest size to the largest
by at most this much more than a plain pass over every record does (the "linear walk"): on a 100× larger
heap every record access misses the caches more often, and that is the machine, not the algorithm.  A
quadratic step would show as 100×, n log n as about 1.7×."""


def report(
    measured: list[tuple[Measurement, list[Result]]],
    skipped_modules: list[tuple[str, str]],
    about: dict[str, str],
    started: datetime.datetime,
    elapsed: float,
    sizes: tuple[int, ...],
) -> str:
    """docs/performance.md: how it was measured, on what, and every figure."""
    lines = [
        "# Performance",
        "",
        f"Generated by `{COMMAND}` (see `benchmarks/README.md`); do not edit by hand. "
        "Analysis of the figures and of the targets not met: `docs/performance-notes.md`.",
        "",
        f"Measured {started:%Y-%m-%d %H:%M} UTC in {elapsed / 60:.1f} min, "
        f"at {', '.join(f'{s:,}' for s in sizes)} claims (maps from `benchmarks/generate.py`).",
        "",
        "## Machine",
        "",
        *[f"- {key}: {value}" for key, value in about.items()],
        "",
        "## Targets",
        "",
        "| target | measured | |",
        "|---|---|---|",
        *[f"| {' | '.join(row)} |" for row in target_rows(measured, GROWTH_LIMIT)],
        "",
        "## Figures",
        "",
        "Best of the runs shown, wall-clock (*CPU time*: the lowest process time of the runs, which other work on the "
        "machine disturbs less); every measurement at every size in a fresh process. *ratio* is the best "
        "CPU time over the floor's best CPU time, the two run alternately in the same process. *peak MB* is the "
        "process's maximum resident set size after setup and one run, with what the run added over the setup "
        "in brackets. *growth* is the CPU time per claim at the largest size over that at the smallest "
        "(1.0× = linear); for fixed work on maps of any size (the edits), the plain time ratio (1.0× = constant). "
        "An operation counts as linear when its growth is at most 1.5× that of the *linear walk*, a plain pass "
        "over every record: on a 100× larger heap every record access misses the CPU caches more often.",
        "",
        f"| {' | '.join(HEADERS)} |",
        f"|{'---|' * len(HEADERS)}",
        *[f"| {' | '.join(cell.replace('|', '/') for cell in row)} |" for row in rows(measured)],
        "",
        "## What each measurement does",
        "",
        *[f"- **{m.name}**: {m.description}" for m, _ in measured],
    ]
    if skipped_modules:
        lines += ["", "## Benchmark modules not measured", ""]
        lines += [f"- `{name}`: {error}" for name, error in skipped_modules]
    return "\n".join(lines) + "\n"


def _whole_commands_section(output: Path) -> str:
    """The section ``benchmarks.commands`` wrote into the report, kept when the rest is rewritten."""
    from benchmarks.commands import END, START

    current = output.read_text(encoding="utf-8") if output.exists() else ""
    begin, end = current.find(START), current.find(END)
    return current[begin : end + len(END)] + "\n" if 0 <= begin < end else ""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.run", description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--sizes",
        help="comma-separated claim counts for every measurement, also those that name their own "
        f"(default: {','.join(map(str, SIZES))}, and each measurement's own sizes)",
    )
    parser.add_argument("--only", help="comma-separated parts of measurement names to run")
    parser.add_argument("--repeats", type=int, help="runs per measurement and size (default: by size)")
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT, help="where to write the report")
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE, help="where generated maps are kept")
    parser.add_argument("--child", nargs=6, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        module, name, size, map_path, repeats, result_path = args.child
        child(module, name, int(size), Path(map_path), int(repeats), Path(result_path))
        return 0

    sizes = tuple(sorted(int(s) for s in (args.sizes or ",".join(map(str, SIZES))).split(",")))
    wanted = [part.strip() for part in args.only.split(",")] if args.only else None
    out = Console(highlight=False, width=None if sys.stdout.isatty() else 160)
    started = datetime.datetime.now(datetime.UTC)
    clock = time.perf_counter()
    about = machine()
    modules = discover()
    skipped_modules = [
        (m.name, m.error or "defines no MEASUREMENTS (see benchmarks/README.md)")
        for m in modules
        if m.error or not m.measurements
    ]
    for name, error in skipped_modules:
        out.print(f"[yellow]skipping {name}: {error}[/]")
    chosen = [
        (module.name, measurement)
        for module in modules
        for measurement in module.measurements
        if wanted is None or any(part in measurement.name for part in wanted)
    ]
    paths = {}
    for size in sizes:
        out.print(f"[dim]map of {size:,} claims…[/]")
        paths[size] = workload_path(size, args.cache)
    measured = []
    for module, measurement in chosen:
        results = []
        for size in sizes if args.sizes else measurement.sizes or sizes:
            if size not in paths:
                paths[size] = workload_path(size, args.cache)
            repeats = args.repeats or (measurement.repeats or default_repeats)(size)
            out.print(f"[dim]{measurement.name} at {size:,} claims…[/]")
            results.append(run_child(module, measurement, size, paths[size], repeats))
        measured.append((measurement, results))

    table = Table(*HEADERS, title="argmap benchmarks")
    for row in rows(measured):
        table.add_row(*row)
    out.print(table)
    targets = Table("target", "measured", "", title="targets")
    for text, value, verdict in target_rows(measured, GROWTH_LIMIT):
        targets.add_row(text, value, f"[green]{verdict}[/]" if verdict == "met" else f"[red]{verdict}[/]")
    out.print(targets)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    text = report(measured, skipped_modules, about, started, time.perf_counter() - clock, sizes)
    kept = _whole_commands_section(args.output)
    args.output.write_text(text + ("\n" + kept if kept else ""))
    out.print(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
