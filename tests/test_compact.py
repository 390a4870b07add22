"""``argmap check`` without models: the compact records give the findings the models give, in the same order.

Each map below is written to disk and checked both ways: ``check_map`` of the
full models (``store.loads``) and of :func:`argmap.compact.records` of the fast
read (``store.loads_data``), which the command uses.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import orjson
import pytest

from argmap import store
from argmap.check import check_map
from argmap.compact import CompactMap, records
from benchmarks.generate import generate
from tests.security.hostile import hostile_map

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "maps" / "partnership-of-convenience.argmap.json"

Change = Callable[[dict[str, Any]], None]


def _troubles(raw: dict[str, Any]) -> None:
    """Something for every check: dangling, self and duplicate references, cycles, cut-off claims, bad anchors…"""
    claims, relations = raw["claims"], raw["relations"]
    first, second, third = sorted(claims)[:3]
    claims["empty"] = {"text": "  "}
    claims["cut-off"] = {"text": "Nobody links me.", "implicit": True}
    claims["r-arms-imports-fell"] = {"text": "A claim with a relation's id."}
    claims[first] = {**claims[first], "evidence": [{"source": "nowhere", "quote": "x", "start": 5, "end": 2}]}
    anchored = claims[second].get("evidence", [])
    claims[second] = {**claims[second], "evidence": [{**a, "speaker": "nobody"} for a in anchored]}
    relations["r-dangling"] = {"type": "support", "premises": ["ghost"], "target": "no-such-claim"}
    relations["r-self"] = {"type": "attack", "premises": [third], "target": third}
    relations["r-twice"] = {"type": "support", "premises": [first, first], "target": second}
    relations["r-loop-1"] = {"type": "support", "premises": [first], "target": third}
    relations["r-loop-2"] = {"type": "support", "premises": [third], "target": first}
    relations["r-scheme"] = {"type": "support", "premises": [second], "target": third, "scheme": "expert-opinion"}
    relations["r-unknown"] = {"type": "support", "premises": [third], "target": second, "scheme": "no-such-scheme"}
    relations["r-undercut"] = {"type": "attack", "premises": ["cut-off"], "target": "r-loop-1"}


def _no_thesis(raw: dict[str, Any]) -> None:
    for claim in raw["claims"].values():
        claim.pop("kind", None)


def _moved_source(folder: Path) -> None:
    text = folder / "sources" / "russia-north-korea-2024-02.de.txt"
    text.write_text("Ein neuer Anfang. " + text.read_text(encoding="utf-8"), encoding="utf-8")


def _seed_variant(folder: Path, change: Change | None, layout: int = store.CANONICAL_LAYOUT) -> Path:
    shutil.copytree(SEED.parent / "sources", folder / "sources")
    raw = orjson.loads(SEED.read_bytes())
    if change is not None:
        change(raw)
    path = folder / "m.argmap.json"
    path.write_bytes(orjson.dumps(raw, option=layout))
    return path


def _both_ways(path: Path) -> tuple[list[Any], list[Any]]:
    full = store.read(path, keep_form=False)
    data = store.loads_data(store.read_bytes(path), str(path))
    compact = records(data)
    assert isinstance(compact, CompactMap)  # the fast path was taken
    return check_map(full.map, path, full.duplicates), check_map(compact, path, data.duplicates)


@pytest.mark.parametrize(
    ("change", "layout"),
    [
        (None, store.CANONICAL_LAYOUT),
        (_troubles, store.CANONICAL_LAYOUT),
        (_no_thesis, store.CANONICAL_LAYOUT),
        (_troubles, 0),  # one line: not the canonical layout
    ],
)
def test_the_seed_map_and_its_variants_get_the_same_findings(
    tmp_path: Path, change: Change | None, layout: int
) -> None:
    path = _seed_variant(tmp_path, change, layout)
    full, compact = _both_ways(path)
    assert compact == full
    if change is _troubles:
        codes = {finding.code for finding in full}
        assert codes >= {
            "dangling-id",
            "self-relation",
            "duplicate-premise",
            "duplicate-id",
            "circular-support",
            "unreachable",
            "empty-text",
            "bad-offsets",
            "open-question",
            "unknown-scheme",
        }


def test_quotes_that_moved_in_their_source_are_found_both_ways(tmp_path: Path) -> None:
    path = _seed_variant(tmp_path, None)
    _moved_source(tmp_path)
    full, compact = _both_ways(path)
    assert compact == full
    assert {"quote-moved", "source-changed"} <= {finding.code for finding in full}


def test_a_duplicate_key_in_the_file_is_found_both_ways(tmp_path: Path) -> None:
    path = _seed_variant(tmp_path, None)
    data = path.read_bytes()
    first = next(iter(orjson.loads(data)["claims"]))
    again = b'\n  "claims": {\n    "%s": {"text": "Again."},' % first.encode()
    path.write_bytes(data.replace(b'\n  "claims": {', again))
    full, compact = _both_ways(path)
    assert compact == full
    assert "duplicate-id" in {finding.code for finding in full}


@pytest.mark.parametrize("size", [50, 400])
def test_generated_maps_get_the_same_findings(tmp_path: Path, size: int) -> None:
    argmap, texts = generate(size)
    for name, text in texts.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    path = tmp_path / "g.argmap.json"
    store.save(argmap, path)
    full, compact = _both_ways(path)
    assert compact == full
    assert full


def test_the_hostile_map_gets_the_same_findings(tmp_path: Path) -> None:
    path = tmp_path / "h.argmap.json"
    store.save(hostile_map(), path)
    full, compact = _both_ways(path)
    assert compact == full
    assert full


def test_a_map_the_fast_check_does_not_vouch_for_is_checked_as_models(tmp_path: Path) -> None:
    """An integer base score is a float to the models: such a map gets models, and the same findings."""
    raw = orjson.loads(SEED.read_bytes())
    next(iter(raw["claims"].values()))["base_score"] = 1
    path = tmp_path / "m.argmap.json"
    path.write_bytes(orjson.dumps(raw))
    data = store.loads_data(path.read_bytes(), str(path))
    assert not isinstance(records(data), CompactMap)
    assert check_map(records(data), path) == check_map(store.read(path).map, path)
