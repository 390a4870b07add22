"""``argmap eval`` without models: the compact records give the evaluation and the report the models give.

Each map below is written to disk and evaluated both ways under every semantics
the command offers: of the full models (``store.load``) and of
:func:`argmap.compact.records` of the fast read (``store.read_data``), which the
command uses; the default report, ``--all`` and the JSON must be the same.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson
import pytest

from argmap import store
from argmap.cli.eval import report
from argmap.compact import CompactMap, records
from argmap.evaluate import SEMANTICS, evaluate
from benchmarks.generate import generate
from tests import in_process
from tests.security.hostile import hostile_map

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "maps" / "partnership-of-convenience.argmap.json"


def _weighed(raw: dict[str, Any]) -> None:
    """What the evaluation reads beyond the shape: base scores, weights, ranks, linked premises, undercuts,
    a cycle of objections, a relation onto nothing, and a second thesis."""
    claims, relations = raw["claims"], raw["relations"]
    thesis = next(cid for cid, claim in claims.items() if claim.get("kind") == "thesis")
    first, second, third = sorted(cid for cid in claims if cid != thesis)[:3]
    claims[first] = {**claims[first], "base_score": 0.9}
    claims["other-thesis"] = {"kind": "thesis", "text": "A second thesis.", "base_score": 0.3}
    claims["loop-a"] = {"text": "One side of a quarrel."}
    claims["loop-b"] = {"text": "The other side."}
    relations["r-linked"] = {"type": "support", "premises": [first, second], "target": thesis, "rank": "a"}
    relations["r-weighed"] = {"type": "attack", "premises": [third], "target": thesis, "weight": 0.4, "rank": "0"}
    relations["r-undercut"] = {"type": "attack", "premises": [second], "target": "r-linked"}
    relations["r-loop-a"] = {"type": "attack", "premises": ["loop-a"], "target": "loop-b"}
    relations["r-loop-b"] = {"type": "attack", "premises": ["loop-b"], "target": "loop-a"}
    relations["r-loop-thesis"] = {"type": "attack", "premises": ["loop-b"], "target": "other-thesis"}
    relations["r-nowhere"] = {"type": "support", "premises": ["ghost"], "target": thesis}


def _seed(folder: Path, weighed: bool) -> Path:
    raw = orjson.loads(SEED.read_bytes())
    if weighed:
        _weighed(raw)
    path = folder / "m.argmap.json"
    path.write_bytes(orjson.dumps(raw, option=store.CANONICAL_LAYOUT))
    return path


def _generated(folder: Path, size: int) -> Path:
    path = folder / "g.argmap.json"
    store.save(generate(size)[0], path)
    return path


def _hostile(folder: Path) -> Path:
    path = folder / "h.argmap.json"
    store.save(hostile_map(), path)
    return path


MAPS = {
    "seed": lambda folder: _seed(folder, weighed=False),
    "seed, weighed": lambda folder: _seed(folder, weighed=True),
    "generated 50": lambda folder: _generated(folder, 50),
    "generated 400": lambda folder: _generated(folder, 400),
    "hostile": _hostile,
}


@pytest.mark.parametrize("name", MAPS)
def test_every_semantics_gives_the_same_evaluation_and_report_both_ways(tmp_path: Path, name: str) -> None:
    path = MAPS[name](tmp_path)
    full = store.load(path)
    compact = records(store.read_data(path))
    assert isinstance(compact, CompactMap)  # the fast path was taken
    for semantics in SEMANTICS:
        expected, got = evaluate(full, semantics), evaluate(compact, semantics)
        assert got.to_json() == expected.to_json(), semantics
        assert report(compact, got) == report(full, expected), semantics
        assert report(compact, got, every_claim=True) == report(full, expected, every_claim=True), semantics


def test_the_command_reads_compact_records_and_says_what_the_models_say(tmp_path: Path) -> None:
    path = _seed(tmp_path, weighed=True)
    full = store.load(path)
    for semantics in SEMANTICS:
        for extra, expected in (
            ((), report(full, evaluate(full, semantics))),
            (("--all",), report(full, evaluate(full, semantics), every_claim=True)),
        ):
            done = in_process.run("eval", str(path), "--semantics", semantics, *extra)
            assert done.returncode == 0, done.stderr
            assert done.stdout.splitlines() == expected, (semantics, extra)
        done = in_process.run("eval", str(path), "--semantics", semantics, "--format", "json")
        assert orjson.loads(done.stdout) == evaluate(full, semantics).to_json()


def test_a_map_the_fast_check_does_not_vouch_for_is_evaluated_as_models(tmp_path: Path) -> None:
    """An integer base score is a float to the models: such a map gets models, and the same evaluation."""
    raw = orjson.loads(SEED.read_bytes())
    next(iter(raw["claims"].values()))["base_score"] = 1
    path = tmp_path / "m.argmap.json"
    path.write_bytes(orjson.dumps(raw))
    argmap = records(store.read_data(path))
    assert not isinstance(argmap, CompactMap)
    assert evaluate(argmap).to_json() == evaluate(store.load(path)).to_json()
