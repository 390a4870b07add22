"""The core's measurements: load, save, check, the outline and ``show``, the graph indexes, editing."""

from __future__ import annotations

import os
import random
import sys
from dataclasses import dataclass
from functools import partial
from pathlib import Path

import orjson

from argmap import ops, store
from argmap.check import check_map
from argmap.cli import main as argmap_main
from argmap.graph import MapGraph
from argmap.heap import gc_paused
from argmap.model import ArgMap
from argmap.outline import outline
from benchmarks.registry import REFERENCE, Floor, Measurement, Target, Workload, default_repeats

EDITS = 100
"""Edits per run of the editing measurement: each is applied and then undone."""


def _bytes(workload: Workload) -> bytes:
    return workload.data


def _parsed(workload: Workload) -> object:
    return orjson.loads(workload.data)


def _parse_without_collector(data: bytes) -> object:
    """The bare parse: store.loads pauses the cycle collector too, so this is the strictest floor."""
    with gc_paused():
        return orjson.loads(data)


def _loaded(workload: Workload) -> ArgMap:
    return workload.argmap


def _read(workload: Workload) -> store.MapFile:
    """The map as a command that saves it reads it: with what its load kept for the save."""
    return store.read(workload.map_path)


def _save(mapfile: store.MapFile) -> bytes:
    return store.dumps(mapfile.map, mapfile.kept)


def _to_null(workload: Workload) -> Path:
    """Commands print to stdout: send it to the null device before argmap's console is first made."""
    sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - the child process lives for this one measurement
    return workload.map_path


@dataclass
class _Checked:
    argmap: ArgMap
    path: Path


@dataclass
class _Editing:
    graph: MapGraph
    targets: list[str]


def _editing(workload: Workload) -> _Editing:
    graph = MapGraph(workload.argmap)
    rng = random.Random(7)
    claims = sorted(graph.map.claims)
    return _Editing(graph, [rng.choice(claims) for _ in range(EDITS)])


def _edit_and_undo(state: _Editing) -> None:
    """Add a reason, reword it, move it under another claim, delete it; then undo all four."""
    graph = state.graph
    for n, target in enumerate(state.targets):
        added = ops.add_reason(graph, target, f"A new reason number {n}, für die Messung.")
        graph.apply(added)
        done = [added]
        new_id = added.select or ""
        for make_edit in (
            partial(ops.edit_text, graph, new_id, f"Reworded reason number {n}."),
            partial(ops.move_claim, graph, new_id, state.targets[n - 1]),
            partial(ops.delete_claim, graph, new_id),
        ):
            edit = make_edit()
            graph.apply(edit)
            done.append(edit)
        for edit in reversed(done):
            graph.apply(edit.inverse())


def _edited(workload: Workload) -> store.MapFile:
    mapfile = _read(workload)
    graph = MapGraph(mapfile.map)
    rng = random.Random(11)
    claims = sorted(graph.map.claims)
    for n in range(EDITS):
        graph.apply(ops.add_reason(graph, rng.choice(claims), f"A new reason number {n}, für die Messung."))
        graph.apply(ops.edit_text(graph, rng.choice(claims), f"Reworded claim number {n}."))
    return mapfile


def _walk(argmap: ArgMap) -> int:
    """Follow every relation to its premises' records: the simplest linear graph work, the yardstick of growth.

    Like every graph algorithm it looks ids up in tables in no particular order,
    so on a large map most look-ups miss the CPU caches, as they do in check or
    the outline; how much that costs grows with the map, linear code or not.
    """
    claims = argmap.claims
    return sum(len(claims[premise].text) for relation in argmap.relations.values() for premise in relation.premises)


MEASUREMENTS = [
    Measurement(
        REFERENCE,
        _walk,
        _loaded,
        # A walk of a 1k map takes a third of a millisecond: the best of 10 runs varied 2x between
        # full runs (0.25-0.6 ms), and every growth limit is scaled by it; 200 runs cost 0.1 s.
        repeats=lambda size: 200 if size <= 10_000 else default_repeats(size),
        description="every relation's premises looked up in the claims table: linear by construction, so its "
        "growth from 1k to 100k is what the machine's caches add to linear graph work (the reference for growth)",
    ),
    Measurement(
        "load",
        lambda data: store.loads(data),
        _bytes,
        floor=Floor("orjson.loads", orjson.loads, _bytes),
        targets=(Target("load + validate 100k ≤ 2.5× orjson.loads on the same bytes", "ratio", 2.5),),
        description="store.loads on the file's bytes: parse, duplicate-key check, validation into models; "
        "the floor is a plain orjson.loads call, as the spec names it",
    ),
    Measurement(
        "load vs bare parse",
        lambda data: store.loads(data),
        _bytes,
        floor=Floor("orjson.loads, collector paused", _parse_without_collector, _bytes),
        description="the same load against the strictest floor: orjson.loads with the cycle collector paused",
    ),
    Measurement(
        "save",
        _save,
        _read,
        floor=Floor("orjson.dumps", lambda raw: orjson.dumps(raw, option=orjson.OPT_INDENT_2), _parsed),
        targets=(Target("save 100k ≤ 2× orjson.dumps of the same data", "ratio", 2.0),),
        description="store.dumps: the canonical bytes of a map just read with store.read, as a save after "
        "load makes them; dumps keeps nothing between calls, so every run is a first save (the floor dumps "
        "the parsed JSON)",
    ),
    Measurement(
        f"save after {EDITS} edits",
        _save,
        _edited,
        floor=Floor("orjson.dumps", lambda raw: orjson.dumps(raw, option=orjson.OPT_INDENT_2), _parsed),
        description=f"store.dumps of a loaded map after {EDITS} new reasons and {EDITS} rewordings: the edited "
        "records are serialised afresh, the others reused from the load",
    ),
    Measurement(
        "check",
        lambda state: check_map(state.argmap, state.path),
        lambda workload: _Checked(workload.argmap, workload.map_path),
        targets=(Target("check 100k ≤ 1 s (CPU time)", "seconds", 1.0),),
        description="check_map on a loaded map, reading its source texts and checking every quote",
    ),
    Measurement(
        "check (command)",
        lambda path: argmap_main(["check", "--no-hints", str(path)]),
        _to_null,
        description="argmap check MAP end to end in-process: read, validate, check, print",
    ),
    Measurement(
        "outline",
        lambda graph: sum(1 for _ in outline(graph)),
        lambda workload: MapGraph(workload.argmap),
        description="the rows of argmap show, computed from the indexed map",
    ),
    Measurement(
        "show (command)",
        lambda path: argmap_main(["show", "--quotes", str(path)]),
        _to_null,
        description="argmap show --quotes MAP end to end in-process, written to the null device",
        repeats=lambda size: 1 if size >= 100_000 else default_repeats(size),
    ),
    Measurement(
        "graph index",
        MapGraph,
        _loaded,
        description="MapGraph(map): the who-points-at-whom indexes editing needs",
    ),
    Measurement(
        f"edit ×{EDITS}",
        _edit_and_undo,
        _editing,
        per_claim=False,
        description=f"{EDITS}× add a reason, reword, move, delete, and undo the four, on the indexed map",
    ),
]
