"""``argmap suggest`` and ``argmap coverage`` as a user runs them, on real files."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

from argmap import ops, store
from argmap.anchor import find_quote
from argmap.graph import MapGraph
from argmap.sources import describe_source
from tests import in_process

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "maps" / "partnership-of-convenience.argmap.json"

TEXT = """Kosten

Schuluniformen kosten Familien im Jahr rund 200 Euro. Das Wetter war schön.

Daher lehnen viele Eltern sie ab. Ein Kind sagte: \x1b[31m„Ich mag sie.“
"""


def argmap(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_COLOR": "1"}
    return in_process.run(*args, cwd=ROOT, env=env)


def small_map(tmp_path: Path) -> Path:
    text_path = tmp_path / "sources" / "rede.de.txt"
    text_path.parent.mkdir()
    text_path.write_text(TEXT, encoding="utf-8")
    path = tmp_path / "uniforms.argmap.json"
    graph = MapGraph(ops.new_map("Uniforms should not be required.", thesis_id="thesis"))
    source_id, source = describe_source(path, text_path)
    graph.apply(ops.add_source(graph, source_id, source))
    graph.apply(ops.add_reason(graph, "thesis", "Uniforms cost families about 200 euros a year.", claim_id="cost"))
    graph.apply(ops.set_translation(graph, "cost", "de", "Uniformen kosten eine Familie 200 Euro pro Jahr."))
    graph.apply(ops.attach_evidence(graph, "cost", find_quote(source_id, TEXT, "Schuluniformen kosten Familien")))
    graph.apply(ops.leave_out(graph, find_quote(source_id, TEXT, "Das Wetter war schön."), "aside"))
    store.save(graph.map, path)
    return path


def test_coverage_text_and_json(tmp_path: Path) -> None:
    path = small_map(tmp_path)
    result = argmap("coverage", str(path))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "rede: 50 % covered — 1 of 4 sentences anchored, 1 left out, 2 open"
    assert lines[1] == "paragraphs without a claim: 1"
    assert lines[2].startswith("  ¶3 ") and lines[2].endswith(" Daher lehnen viele Eltern sie ab.")
    assert lines[3] == "open sentences with an argument marker: 1"
    assert lines[4].startswith("  ¶3 ") and lines[4].endswith("[daher] Daher lehnen viele Eltern sie ab.")
    every = argmap("coverage", str(path), "--open").stdout
    assert "\x1b" not in every and "␛[31m„Ich mag sie.“" in every
    report = json.loads(argmap("coverage", str(path), "--format", "json").stdout)
    (paragraph,) = report[0]["paragraphs_without_claims"]
    assert report[0]["coverage"] == 0.5 and paragraph["paragraph"] == 3
    assert paragraph["text"] == TEXT[paragraph["start"] : paragraph["end"]] and paragraph["text"].startswith("Daher")
    (marked,) = report[0]["open_with_markers"]
    assert marked["markers"] == [
        {"marker": "daher", "role": "conclusion", "spans": [[marked["start"], marked["start"] + 5]]}
    ]


def test_suggest_ranks_the_claims_passage_first(tmp_path: Path) -> None:
    path = small_map(tmp_path)
    result = argmap("suggest", str(path), "cost", "--top", "2")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "passages of rede for cost, matching its de text and its en text:"
    assert lines[1].startswith("  1. ") and lines[1].endswith("(its evidence)")
    assert lines[2] == "     Schuluniformen kosten Familien im Jahr rund 200 Euro."
    rows = json.loads(argmap("suggest", str(path), "cost", "--format", "json").stdout)
    assert rows[0]["evidence"] and rows[0]["text"].startswith("Schuluniformen")


def test_bad_requests_get_one_line_and_exit_2(tmp_path: Path) -> None:
    path = small_map(tmp_path)
    for args, words in [
        (("suggest", str(path), "nope"), "no claim 'nope'"),
        (("suggest", str(path), "cost", "--top", "0"), "--top 0"),
        (("suggest", str(path), "cost", "--source", "x"), "no source 'x'"),
        (("coverage", str(path), "--source", "x"), "no source 'x'"),
    ]:
        result = argmap(*args)
        assert result.returncode == 2 and words in result.stderr and len(result.stderr.splitlines()) == 1, result


def test_the_seed_maps_coverage_lists_open_argumentative_sentences() -> None:
    report = json.loads(argmap("coverage", str(SEED), "--format", "json").stdout)
    (article,) = report
    assert article["sentences"] == 53 and 0 < article["coverage"] <= 1
    assert all(sentence["markers"] and not sentence["claims"] for sentence in article["open_with_markers"])
