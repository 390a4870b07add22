"""The editor on the generated maps: first paint, the cost of each keystroke, peak memory.

Measured by ``python -m benchmarks.run`` (see ``benchmarks/README.md``), the real
app driven by Textual's Pilot.  Keys: cursor moves (down/up), add an objection
(o, a letter, enter), edit (e, a letter, enter), undo, reorder (shift+down/up),
and move a claim under another (m, a filter of two letters, enter to pick the first
claim the details pane lists).

Targets (docs/performance.md): first paint ≤ 1.5 s, every keystroke ≤ 50 ms at the 95th
percentile, memory ≤ 500 MB, on a 100k-claim map.

Pilot reports what the app believes it drew.  "TUI in a terminal" measures what a
person sees: ``argmap edit`` started in a real terminal (tmux, 160×48), the screen
read every 50 ms until the thesis shows (first paint) and until ``o`` opens the
objection prompt (editable), both from the moment the command starts.

A keystroke's cost is the main thread's CPU time from sending the key until the
app is idle again (its handler, the tree update and the repaint).  Pilot's wall
time per press is not the keystroke's cost: it includes Pilot's own wait for
idle (~50 ms even in an empty app).  The live check runs in a worker thread and
is not counted.
"""

from __future__ import annotations

import asyncio
import shutil
import statistics
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from textual.pilot import Pilot

from argmap.document import Document, recovery_path
from argmap.graph import MapGraph
from argmap.tui.app import ArgmapApp
from argmap.tui.screens.editor import EditorScreen
from benchmarks.registry import Measurement, Metrics, Skip, Target, Workload
from benchmarks.terminal import Terminal

ROUNDS = 5
"""Rounds of the key sequence per session: 17 keys each."""


@dataclass(frozen=True)
class Session:
    path: Path
    rounds: int


def p95(samples: Sequence[float]) -> float:
    ordered = sorted(samples)
    return ordered[max(0, round(0.95 * len(ordered)) - 1)]


def session(workload: Workload) -> Session:
    """A copy of the map and its sources to edit.

    The map is not loaded here: this process's peak memory is to be the editor's own.
    """
    folder = workload.scratch / "map"
    shutil.copytree(workload.map_path.parent, folder)
    # One round of keys on tiny maps keeps the smoke test fast; the full run does ROUNDS at every size.
    return Session(folder / workload.map_path.name, ROUNDS if workload.size >= 1_000 else 1)


def typical_claim(graph: MapGraph, theses: set[str]) -> str:
    """The claim to open: the first whose number of reasons and objections is nearest ten.

    The generated maps also have hubs with hundreds of children; opening one of those
    makes every keystroke repaint far more lines (see docs/performance-notes.md).
    """
    candidates = (cid for cid in graph.map.claims if cid not in theses)
    return min(candidates, key=lambda cid: abs(len(graph.children(cid)) - 10))


def _app(path: Path, document: Document | None = None) -> ArgmapApp:
    document = document or Document.open(path)
    return ArgmapApp(path, document=document, keymap_file=path.parent / "no-keymap.toml")


async def _first_paint(state: Session) -> Metrics:
    started = time.perf_counter()
    app = ArgmapApp(state.path, keymap_file=state.path.parent / "no-keymap.toml")
    async with app.run_test(size=(160, 50)) as pilot:
        screen = app.screen
        while not isinstance(screen, EditorScreen) or screen.ready_at is None:
            await pilot.pause(0.05)
            screen = app.screen
        assert screen.painted_at is not None
        return Metrics(first_paint_s=screen.painted_at - started, ready_s=screen.ready_at - started)


async def _until_checked(app: ArgmapApp, pilot: Pilot[None]) -> None:
    """Let the live check of the last state run, so that its memory counts in the session's peak."""
    screen = app.screen
    assert isinstance(screen, EditorScreen)
    while screen.findings is None or screen.findings_revision != screen.document.revision:
        await pilot.pause(0.1)


async def _keystrokes(state: Session) -> Metrics:
    # A repeat edits the same copy: the last session's unsaved work would open the recovery dialog.
    recovery_path(state.path).unlink(missing_ok=True)
    document = Document.open(state.path)
    opened = typical_claim(document.graph, set(document.map.theses()))
    app = _app(state.path, document)
    costs: dict[str, list[float]] = {}
    async with app.run_test(size=(160, 50)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, EditorScreen)
        screen.argument_tree.reveal(opened)
        await pilot.press("space")

        async def key(kind: str, *keys: str) -> None:
            for k in keys:
                cpu = time.thread_time()
                await pilot.press(k)
                costs.setdefault(kind, []).append(time.thread_time() - cpu)

        for _ in range(state.rounds):
            await key("move", "down", "down", "up", "up")
            await key("add", "o", "x", "enter")
            await key("edit", "e", "y", "enter")
            await key("undo", "ctrl+z", "ctrl+z")
            await key("reorder", "shift+down", "shift+up")
            await key("move claim", "m", "e", "n", "enter")
            await key("undo", "ctrl+z")
        await _until_checked(app, pilot)
    every = [cost for samples in costs.values() for cost in samples]
    metrics = Metrics(p50_ms=statistics.median(every) * 1000, p95_ms=p95(every) * 1000, max_ms=max(every) * 1000)
    for kind, samples in costs.items():
        metrics[f"p95 {kind} ms"] = p95(samples) * 1000
    return metrics


@dataclass(frozen=True)
class TerminalSession:
    path: Path
    thesis: str
    """The start of the thesis's text, as its tree line shows it."""


def terminal_session(workload: Workload) -> TerminalSession:
    if shutil.which("tmux") is None:
        raise Skip("needs tmux")
    state = session(workload)
    thesis = workload.argmap.theses()[0]
    return TerminalSession(state.path, workload.argmap.claims[thesis].text[:40])


KEY_RETRY = 0.25
"""Seconds to wait for a key's effect before sending it again: while a large map loads, keys other than moving do
nothing."""


def _in_terminal(state: TerminalSession) -> Metrics:
    """Start ``argmap edit`` in tmux; time the thesis on screen, then the first ``o`` that opens its prompt."""
    command = f"{sys.executable} -m argmap edit {state.path.name}; sleep 30"
    env = {"XDG_CONFIG_HOME": str(state.path.parent / "config")}
    started = time.perf_counter()
    with Terminal(command, cwd=state.path.parent, env=env) as terminal:
        terminal.wait_for(state.thesis, 120)
        painted = time.perf_counter() - started
        while True:
            terminal.keys("o")
            try:
                terminal.wait_for("An objection to", KEY_RETRY)
                break
            except AssertionError:
                if time.perf_counter() - started > 120:
                    raise
        editable = time.perf_counter() - started
        terminal.keys("Escape")
        terminal.wait_for("An objection to", gone=True)
        terminal.keys("q")
        terminal.wait_for(state.thesis, gone=True)
    return Metrics(first_paint_s=painted, editable_s=editable)


MEASUREMENTS = [
    Measurement(
        "TUI first paint",
        lambda state: asyncio.run(_first_paint(state)),
        session,
        targets=(Target("TUI first paint of a 100k map ≤ 1.5 s (wall)", "first_paint_s", 1.5),),
        repeats=lambda size: 3,
        description="argmap edit under Pilot, as `argmap edit MAP` opens it: first_paint_s when the first frame "
        "with the map's lines is drawn (a map over 4 MB shows its theses and two levels below while the rest "
        "is validated), ready_s when the whole map is loaded and editable (wall); the time column adds the "
        "app's shutdown",
    ),
    Measurement(
        "TUI in a terminal",
        _in_terminal,
        terminal_session,
        targets=(Target("TUI editable in a terminal, 100k map ≤ 5 s (wall)", "editable_s", 5.0),),
        repeats=lambda size: 2,
        description="argmap edit in tmux at 160×48, as a person starts it: first_paint_s until the thesis is on "
        "the screen, editable_s until a pressed o opens the objection prompt (sent again every 0.25 s until it "
        "does), both wall time from the command's start; the time column adds quitting",
    ),
    Measurement(
        "TUI keystrokes",
        lambda state: asyncio.run(_keystrokes(state)),
        session,
        targets=(
            Target("TUI keystroke p95 on a 100k map ≤ 50 ms (main-thread CPU)", "p95_ms", 50.0),
            Target("TUI memory on a 100k map ≤ 500 MB (peak RSS)", "peak_mb", 500.0),
        ),
        repeats=lambda size: 1,
        per_claim=False,
        description=f"{ROUNDS} rounds of 17 keys (move, add an objection, edit, undo, reorder, move a claim, "
        "undo) in one editor session, on a claim with about ten children, then the live check of the result; "
        "p50/p95/max of each key's main-thread CPU time from sending it until the app is idle; peak memory "
        "includes the check; the time column is the whole session",
    ),
]
