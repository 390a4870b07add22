"""How long rendering takes: DOT generation against Graphviz's layout, render end to end, argmap against Argdown.

Measured by ``python -m benchmarks.run`` (see ``benchmarks/README.md``) on the
generated maps.  Graphviz's layout grows much faster than linearly, so these
run at 100, 1,000 and 5,000 claims rather than up to 100k (a 100k-claim layout
takes far longer than anyone would wait for a picture); the Argdown comparison
runs at 1,000 claims, the size docs/performance.md's targets name.  It needs the system Graphviz
(``dot``) and, for the comparison, ``@argdown/cli``: ``python3 dev.py test``
installs it into ``.cache/argdown-cli``, or name one with ``ARGMAP_BENCH_ARGDOWN``.
"""

from __future__ import annotations

import compileall
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import argmap
from argmap.model import ArgMap, Relation, RelationType
from argmap.render import RenderOptions, build_dot
from benchmarks.registry import BENCH_DIR, Floor, Measurement, Skip, Target, Workload

RENDER_SIZES = (100, 1_000, 5_000)
ARGDOWN_SIZE = 1_000


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


def argdown_cli() -> str:
    """The ``argdown`` command: named by ``ARGMAP_BENCH_ARGDOWN``, installed by ``dev.py``, or on the PATH."""
    candidates = [
        os.environ.get("ARGMAP_BENCH_ARGDOWN"),
        str(BENCH_DIR.parent / ".cache" / "argdown-cli" / "node_modules" / ".bin" / "argdown"),
        shutil.which("argdown"),
    ]
    for candidate in candidates:
        if candidate and Path(candidate).exists():
            return candidate
    raise Skip("@argdown/cli not installed (python3 dev.py test installs it into .cache/argdown-cli)")


def _graphviz() -> str:
    found = shutil.which("dot")
    if found is None:
        raise Skip("needs the system Graphviz (dot)")
    return found


def _run(command: list[str]) -> None:
    done = subprocess.run(command, capture_output=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"{command[0]} failed: {done.stderr.decode(errors='replace')[-300:]}")


def _layout_command(workload: Workload) -> list[str]:
    """Graphviz's own work on the DOT argmap writes for this map: ``dot -Tsvg``."""
    path = workload.scratch / "map.dot"
    path.write_text(build_dot(workload.argmap, RenderOptions()), encoding="utf-8")
    return [_graphviz(), "-Tsvg", "-o", os.devnull, str(path)]


def _render_command(workload: Workload) -> list[str]:
    """``argmap render MAP -o map.svg`` in a fresh process, as a user runs it: installed, its bytecode compiled.

    pip compiles a package's modules when it installs them; a checkout run with
    ``PYTHONDONTWRITEBYTECODE`` set would compile every module again in every run
    (25 ms of the render path's imports), which no user's run does.
    """
    _graphviz()
    compileall.compile_dir(Path(argmap.__file__).parent, quiet=1)
    return [sys.executable, "-m", "argmap", "render", str(workload.map_path), "-o", str(workload.scratch / "a.svg")]


@dataclass(frozen=True)
class ArgdownRun:
    command: list[str]
    output: Path


def _argdown_command(workload: Workload) -> ArgdownRun:
    """``argdown map MAP.argdown OUT --format svg`` on the same map written in Argdown."""
    cli = argdown_cli()
    source = workload.scratch / "map.argdown"
    source.write_text(to_argdown(workload.argmap), encoding="utf-8")
    output = workload.scratch / "argdown-out"
    return ArgdownRun([cli, "map", str(source), str(output), "--format", "svg"], output)


def _argdown(state: ArgdownRun) -> None:
    _run(state.command)
    if not list(state.output.glob("*.svg")):
        raise RuntimeError("argdown wrote no SVG")


def _few(size: int) -> int:
    """Layouts of thousands of claims take seconds each: best of fewer."""
    return 5 if size <= 1_000 else 2


MEASUREMENTS = [
    Measurement(
        "DOT generation",
        lambda argmap: build_dot(argmap, RenderOptions()),
        lambda workload: workload.argmap,
        floor=Floor("Graphviz layout, dot -Tsvg", _run, _layout_command),
        targets=(Target("DOT generation ≤ 10 % of Graphviz's layout (at 5k claims)", "ratio", 0.10, size=5_000),),
        sizes=RENDER_SIZES,
        repeats=_few,
        description="build_dot(map) on the loaded map; the floor is Graphviz laying out and drawing that DOT "
        "(dot -Tsvg, CPU time of the process); sizes up to 5k because the layout grows much faster than linearly",
    ),
    Measurement(
        "render (command)",
        _run,
        _render_command,
        sizes=RENDER_SIZES,
        repeats=_few,
        description="argmap render MAP -o MAP.svg end to end in a fresh process: start-up, load, DOT, "
        "Graphviz, SVG post-processing (CPU time includes the child processes)",
    ),
    Measurement(
        "render vs argdown",
        _run,
        _render_command,
        floor=Floor("argdown map --format svg", _argdown, _argdown_command),
        targets=(
            Target(
                "1k-claim SVG ≥ 5× faster than argdown (argmap ÷ argdown CPU ≤ 0.20)", "ratio", 0.20, size=ARGDOWN_SIZE
            ),
        ),
        sizes=(ARGDOWN_SIZE,),
        repeats=lambda size: 3,
        description="the same map to SVG end to end, each a fresh process: argmap render on the map file "
        "against @argdown/cli on it written in Argdown (linked premises as separate supports)",
    ),
]
