"""Importers fed mutated corpus files end in a saved map or one clear error, never a crash (issue 14, item 9).

The suite runs a few hundred cases per importer with the seeded mutator of
``benchmarks/import_fuzz.py``; ``python -m benchmarks.import_fuzz`` runs 22,000 each.
"""

from __future__ import annotations

import json
import os
import random

import pytest

from argmap import formats, ops, store
from argmap.errors import ArgmapError
from argmap.graph import MapGraph
from argmap.model import RelationType
from benchmarks.import_fuzz import CORPUS, IMPORTERS, fuzz, mutate, outcome

CASES = int(os.environ.get("ARGMAP_IMPORT_FUZZ_CASES", "300"))


@pytest.mark.parametrize("importer", IMPORTERS)
def test_mutated_corpus_files_import_or_fail_cleanly(importer: str) -> None:
    if not CORPUS.is_dir():
        pytest.skip(f"the shared corpus is absent ({CORPUS}); set ARGMAP_CORPUS")
    tally = fuzz(importer, CASES, seed=int(os.environ.get("ARGMAP_IMPORT_FUZZ_SEED", "14")))
    assert not tally.crashes, dict(tally.crashes)
    assert tally.maps + tally.errors == tally.cases == CASES
    assert tally.maps and tally.errors, "the mutations reach both outcomes"


def test_the_mutator_is_seeded_and_changes_its_input() -> None:
    data = b'{"nodes": [{"id": "a", "type": "atom", "text": "A claim."}], "edges": []}'
    first = [mutate(random.Random(3), data, [data]) for _ in range(5)]
    assert first == [mutate(random.Random(3), data, [data]) for _ in range(5)]
    assert any(case != data for case in first)


@pytest.mark.parametrize("importer", ["aif", "xaif", "sadface"])
def test_a_lone_surrogate_escape_is_one_clear_error(importer: str) -> None:
    documents = {
        "aif": '{"nodes": [{"nodeID": "1", "type": "I", "text": "half \\ud800 pair"}], "edges": []}',
        "xaif": '{"AIF": {"nodes": [{"nodeID": "1", "type": "I", "text": "half \\ud800"}], "edges": []}}',
        "sadface": '{"metadata": {}, "nodes": [{"id": "a", "type": "atom", "text": "\\udfff x"}], "edges": []}',
    }
    with pytest.raises(ArgmapError, match=r"\\ud[8f]..,? half of a UTF-16 pair"):
        formats.read(importer, documents[importer].encode(), "f.json")
    paired = documents[importer].replace("\\ud800", "\\ud83d\\ude00").replace("\\udfff", "\\ud83d\\ude00")
    assert outcome(importer, paired.encode()) == "map"


def test_a_word_over_200_characters_still_makes_a_valid_id() -> None:
    word = "x" * 300
    document = {
        "metadata": {},
        "nodes": [
            {"id": word, "type": "atom", "text": word},
            {"id": "b", "type": "atom", "text": "B"},
            {"id": "s", "type": "scheme", "name": "support"},
        ],
        "edges": [{"source_id": word, "target_id": "s"}, {"source_id": "s", "target_id": "b"}],
    }
    sadface = json.dumps(document)
    argmap = formats.read("sadface", sadface.encode(), "f.json").map
    assert store.loads(store.dumps(argmap)).map == argmap
    graph = MapGraph(ops.new_map(f"The {word} thesis."))
    thesis = next(iter(graph.map.claims))
    graph.apply(ops.add_claim(graph, thesis, f"{word} {word}", RelationType.SUPPORT))
    graph.apply(ops.add_claim(graph, thesis, f"{word} {word}", RelationType.SUPPORT))
    assert all(len(ident) <= 200 for table in (graph.map.claims, graph.map.relations) for ident in table)
    assert store.loads(store.dumps(graph.map)).map == graph.map


def test_seeds_skip_cleanly_without_a_corpus(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    import benchmarks.import_fuzz as import_fuzz

    monkeypatch.setattr(import_fuzz, "CORPUS", tmp_path / "absent")
    assert import_fuzz.seeds("aif") == [] and import_fuzz.fuzz("aif", 10, 1).cases == 0
