"""Hostile maps, as a stranger could craft them, for the tests of every output.

Each builder returns a real map (or writes one to disk); the render, export,
show, textconv and HTML tests all take their attacks from here, so a new trick
is added once and tried everywhere.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from argmap import ops, store
from argmap.graph import MapGraph
from argmap.model import Anchor, ArgMap, Claim, Relation, RelationType, Source, Speaker
from tests import in_process

ROOT = Path(__file__).resolve().parents[2]

CLEAR_SCREEN = "\x1b[2J\x1b[H"
CLIPBOARD = "\x1b]52;c;cHduZWQ=\x07"
"""OSC 52: a terminal that obeys it puts ``pwned`` on the clipboard."""
FAKE_LINE = "\n+  ⊕ a claim nobody wrote\n"
C1_CSI = "\x9b2J"
BIDI = "\u202etxt.exe"
MERMAID_INIT = "%%{init: {'securityLevel': 'loose'}}%%"

ATTACK = f"A{CLEAR_SCREEN}B{CLIPBOARD}C{FAKE_LINE}D{C1_CSI}E{BIDI}F\u2028G\x00H"
"""One string holding every trick: an argmap output shows all of it visibly and obeys none."""

RAW_CONTROLS = ("\x1b", "\x07", "\x9b", "\x00", "\u202e", "\u2028")
"""Characters that must never reach a terminal raw."""


def argmap_cli(*args: str, cwd: Path = ROOT, env: Mapping[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """The argmap command as a user runs it, in this process (:mod:`tests.in_process`)."""
    return in_process.run(*args, cwd=cwd, env=env)


def argmap_process(*args: str, timeout: float = 20) -> subprocess.CompletedProcess[str]:
    """The argmap command in a process of its own: a command that blocks fails the test by its timeout."""
    return subprocess.run(
        [sys.executable, "-m", "argmap", *args], capture_output=True, text=True, timeout=timeout, cwd=ROOT
    )


def map_with_source(folder: Path, path: str, name: str = "m.argmap.json") -> Path:
    """A map in ``folder`` whose one source names ``path`` and whose thesis quotes it."""
    graph = MapGraph(ops.new_map("A thesis.", thesis_id="thesis"))
    graph.apply(ops.add_source(graph, "s", Source(title="text", path=path)))
    anchored = graph.map.claims["thesis"].model_copy(
        update={"evidence": (Anchor(source="s", quote="root", start=0, end=4),)}
    )
    argmap = graph.map.model_copy(update={"claims": {"thesis": anchored}})
    target = folder / name
    store.save(argmap, target)
    return target


def hostile_map() -> ArgMap:
    """A valid map with :data:`ATTACK` in every text a person reads: claims, notes, tags, keys, names, titles."""
    claims = {
        "thesis": Claim(kind="thesis", text=f"Thesis {ATTACK}", note=f"note {ATTACK}", tags=(f"tag{ATTACK}",)),
        "reason": Claim(
            text=f"Reason {MERMAID_INIT} {ATTACK}",
            translations={f"de{FAKE_LINE}": f"Grund {ATTACK}"},
            evidence=(Anchor(source="s", quote=f"q{ATTACK}", start=0, end=1, speaker="sp"),),
        ),
        "objection": Claim(text=f"Objection {ATTACK}", base_score=0.5),
    }
    relations = {
        "r-reason": Relation(
            type=RelationType.SUPPORT,
            premises=("reason",),
            target="thesis",
            scheme=f"expert-opinion{ATTACK}",
            answers={f"q1{FAKE_LINE}": f"yes {ATTACK}"},
            note=f"why {ATTACK}",
        ),
        "r-objection": Relation(type=RelationType.ATTACK, premises=("objection",), target="thesis", rank="n"),
    }
    return ArgMap(
        argmap=1,
        title=f"Title {ATTACK}",
        language=f"en{FAKE_LINE}",
        description=f"About {ATTACK}",
        sources={"s": Source(title=f"Source {ATTACK}", author=f"Au{ATTACK}")},
        speakers={"sp": Speaker(name=f"Speaker {ATTACK}", role=f"role{FAKE_LINE}")},
        claims=claims,
        relations=relations,
    )


def deep_chain(depth: int) -> ArgMap:
    """A thesis with one reason, which has one reason, … ``depth`` levels down."""
    claims = {"c0": Claim(kind="thesis", text="The thesis.")}
    relations = {}
    for level in range(1, depth + 1):
        claims[f"c{level}"] = Claim(text=f"Reason {level}.")
        relations[f"r{level}"] = Relation(type=RelationType.SUPPORT, premises=(f"c{level}",), target=f"c{level - 1}")
    return ArgMap(argmap=1, claims=claims, relations=relations)


def without_newlines(argmap: ArgMap) -> ArgMap:
    """The same map with every newline, in keys and values alike, made a space: what a one-line output must equal."""

    def flat(value: Any) -> Any:
        if isinstance(value, str):
            return value.replace("\n", " ")
        if isinstance(value, dict):
            return {flat(key): flat(item) for key, item in value.items()}
        if isinstance(value, list):
            return [flat(item) for item in value]
        return value

    return store.loads(json.dumps(flat(json.loads(store.dumps(argmap)))).encode()).map
