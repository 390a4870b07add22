"""What a benchmark is, and how the runner finds them: the interface every ``*_bench.py`` implements.

A benchmark module is a file ``benchmarks/<topic>_bench.py`` with a module-level
list ``MEASUREMENTS`` of :class:`Measurement`.  The runner imports every such
module, and measures each measurement at each size in a fresh subprocess: it
calls ``setup(workload)`` (not timed), then ``run(state)`` repeatedly (timed,
best of N), and, if the measurement has a :class:`Floor` (the same work done by
a peer or by the fastest possible means), the floor's run interleaved with it so
both see the same machine load.  See ``benchmarks/README.md``.
"""

from __future__ import annotations

import importlib
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any, Literal

from argmap import store
from argmap.model import ArgMap

SIZES = (1_000, 10_000, 100_000)
"""The map sizes (claims) every measurement runs at unless it says otherwise."""

BENCH_DIR = Path(__file__).resolve().parent
REFERENCE = "linear walk"
"""The measurement whose growth is the yardstick of linear: a plain pass over every record."""


class Skip(Exception):
    """Raised by a setup when a measurement cannot run here (a peer tool not installed); the reason is shown."""


class Workload:
    """A generated map of ``size`` claims on disk, with its source texts beside it.

    ``map_path`` and the source texts are shared by all measurements: do not
    write to them.  ``scratch`` is an empty folder of this run to write into.
    """

    def __init__(self, size: int, map_path: Path, scratch: Path) -> None:
        self.size = size
        self.map_path = map_path
        self.scratch = scratch

    @cached_property
    def data(self) -> bytes:
        """The map file's bytes."""
        return self.map_path.read_bytes()

    @cached_property
    def argmap(self) -> ArgMap:
        """The map, loaded with :func:`argmap.store.load`."""
        return store.load(self.map_path)


Metric = Literal["seconds", "wall_seconds", "ratio", "peak_mb", "growth"] | str


@dataclass(frozen=True)
class Target:
    """A goal a measurement should meet, e.g. "load ≤ 2.5× orjson.loads at 100k".

    ``metric`` is ``"seconds"`` (best CPU time: the benchmark machine is shared,
    and other work stretches wall time), ``"wall_seconds"`` (best wall-clock
    time), ``"ratio"`` (best CPU time over the floor's), ``"peak_mb"`` (peak
    resident memory of the measuring process), ``"growth"`` (CPU time per claim
    at the largest size over that at the smallest) or the name of a metric the
    run returns.  A target
    applies at ``size`` claims (default: 100k; ``None``: the largest size run).
    """

    text: str
    metric: Metric
    limit: float
    size: int | None = 100_000
    at_least: bool = False
    """True for a lower bound (e.g. "at least 5× faster" as a ratio ≥ 5)."""

    def met(self, value: float) -> bool:
        return value >= self.limit if self.at_least else value <= self.limit


@dataclass(frozen=True)
class Floor:
    """The same work done by a peer or the fastest possible means: the measurement is reported as a ratio to it."""

    name: str
    run: Callable[[Any], object]
    setup: Callable[[Workload], Any] = lambda workload: workload


@dataclass(frozen=True)
class Measurement:
    """One thing to time at every size.

    ``run(state)`` is timed; it may return :class:`Metrics` (e.g.
    ``Metrics(p95_ms=12.5)``), each reported as its lowest value over the repeats.
    ``per_claim`` says the work grows with the map (growth is then normalised per
    claim, linear = 1.0×); False for a fixed amount of work on a map of any size
    (e.g. 100 edits), whose growth is the plain time ratio (constant = 1.0×).
    """

    name: str
    run: Callable[[Any], object]
    setup: Callable[[Workload], Any] = lambda workload: workload
    floor: Floor | None = None
    targets: tuple[Target, ...] = ()
    sizes: tuple[int, ...] | None = None
    description: str = ""
    per_claim: bool = True
    repeats: Callable[[int], int] | None = None
    """How many times to run at a size; default :func:`default_repeats`."""


def default_repeats(size: int) -> int:
    """Best of more runs for small maps, where one run is short and noise large."""
    return 10 if size <= 2_000 else 5 if size <= 20_000 else 3


@dataclass
class Module:
    """A benchmark module as discovered: its measurements, or why it could not be imported."""

    name: str
    measurements: list[Measurement] = field(default_factory=list)
    error: str | None = None


def discover(directory: Path = BENCH_DIR) -> list[Module]:
    """Every ``*_bench.py`` beside this file, imported; a module that fails to import is reported, not fatal."""
    found = []
    for path in sorted(directory.glob("*_bench.py")):
        name = f"benchmarks.{path.stem}"
        try:
            module = importlib.import_module(name)
        except Exception:
            found.append(Module(name, error=traceback.format_exc(limit=1).strip().splitlines()[-1]))
            continue
        measurements = list(getattr(module, "MEASUREMENTS", []))
        found.append(Module(name, measurements))
    return found


def find(module: str, name: str) -> Measurement:
    """The measurement ``name`` of benchmark module ``module`` (in a child process)."""
    measurements: list[Measurement] = importlib.import_module(module).MEASUREMENTS
    for measurement in measurements:
        if measurement.name == name:
            return measurement
    raise LookupError(f"{module} has no measurement {name!r}")


class Metrics(dict[str, float]):
    """What a run returns to report figures beyond its time, e.g. ``Metrics(p95_ms=12.5)``."""


def extra_metrics(result: object) -> dict[str, float]:
    """The metrics a run returned, if it returned any (anything else it returns is ignored)."""
    return {str(key): float(value) for key, value in result.items()} if isinstance(result, Metrics) else {}
