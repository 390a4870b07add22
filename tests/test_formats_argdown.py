"""Argdown: the parser against Argdown's own output on real files, and export through the real CLI."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from formats_support import CORPUS, ROOT, corpus, structure
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from strategies import maps

from argmap import ops, store
from argmap.errors import ArgmapError
from argmap.formats import argdown
from argmap.graph import MapGraph
from argmap.model import ArgMap, ClaimKind, RelationType
from tests.tools import require_tool

INVALID = {  # SOURCES.md: Argdown 1.7.5 itself rejects these
    "core-test__lexer-argument.argdown",
    "core-test__lexer-definitions-references.argdown",
    "core-test__lexer-lists.argdown",
    "core-test__lexer-relations.argdown",
}
FILES = sorted(p.name for p in (CORPUS / "argdown").glob("*.argdown")) or ["(corpus absent)"]
SEED_MAP = ROOT / "maps" / "partnership-of-convenience.argmap.json"


def _links(model: argdown.ArgdownModel) -> set[tuple[str, ...]]:
    """Relations as Argdown reports them, with an argument's outgoing relation leaving from its conclusion.

    (Argdown moves a relation of a reconstructed argument onto its conclusion
    when the relation was written inside the premise–conclusion structure.)
    """
    kinds = {"contrary": "attack", "entails": "support"}
    found = set()
    for link in model.links:
        source = (link.source_kind, link.source)
        argument = model.arguments.get(link.source) if link.source_kind == "argument" else None
        if argument is not None and argument.pcs:
            source = ("statement", argument.pcs[-1].title)
        if source != (link.target_kind, link.target):
            found.add((kinds.get(link.type, link.type), *source, link.target_kind, link.target))
    return found


@pytest.mark.parametrize("name", FILES)
def test_every_corpus_file_imports_as_argdown_reads_it(name: str) -> None:
    path = corpus("argdown") / name
    text = path.read_text(encoding="utf-8")
    if name in INVALID:
        with pytest.raises(ArgmapError) as error:
            argdown.read(text, str(path))
        assert error.value.line is not None
        return
    conversion = argdown.read(text, str(path))
    assert conversion.map.claims
    expected = path.with_name(name.replace(".argdown", ".generated-argdown-cli-1.7.5.json"))
    if not expected.exists():
        return
    mine = argdown.parse(text, str(path))
    theirs = argdown.model_from_json(json.loads(expected.read_text(encoding="utf-8")))
    assert set(mine.statements) == set(theirs.statements)
    for title, statement in mine.statements.items():
        assert statement.text == theirs.statements[title].text, title
    assert set(mine.arguments) == set(theirs.arguments)
    for title, argument in mine.arguments.items():
        steps = [(s.title, s.conclusion, s.uses) for s in argument.pcs]
        assert steps == [(s.title, s.conclusion, s.uses) for s in theirs.arguments[title].pcs], title
    assert _links(mine) == _links(theirs)
    assert structure(conversion.map) == structure(argdown.to_map(theirs).map)


def test_statements_arguments_and_relations_become_claims_and_relations() -> None:
    text = """===
title: Uniforms
===

# Section

[Uniforms]: School uniforms should be required. #policy

<Bullying>: Uniforms reduce bullying.
  +> [Uniforms]

<Cost>

(1) [Money]: Uniforms cost families money.
(2) Families are already stretched.
----
(3) Uniforms are a burden.
  -> [Uniforms]

[Uniforms]
  - [Money]
  <_ Bullying moves to other markers.
"""
    conversion = argdown.read(text)
    argmap = conversion.map
    assert argmap.title == "Uniforms"
    by_text = {c.text: cid for cid, c in argmap.claims.items()}
    assert argmap.claims["uniforms"].tags == ("policy",)
    assert argmap.claims["uniforms"].kind is ClaimKind.THESIS
    assert "Uniforms are a burden." not in by_text  # folded: the conclusion only carries the attack
    linked = [r for r in argmap.relations.values() if len(r.premises) == 2]
    assert len(linked) == 1 and linked[0].type is RelationType.ATTACK and linked[0].target == "uniforms"
    assert linked[0].note == "Uniforms are a burden."
    bullying = by_text["Uniforms reduce bullying."]
    assert any(r.premises == (bullying,) and r.type is RelationType.SUPPORT for r in argmap.relations.values())
    undercut = next(
        r for r in argmap.relations.values() if r.premises == (by_text["Bullying moves to other markers."],)
    )
    assert undercut.type is RelationType.ATTACK and undercut.target == "uniforms"  # undercut of a statement: attack
    assert any("heading" in w for w in conversion.warnings)


def test_undercut_of_a_reconstructed_argument_targets_its_relation() -> None:
    argmap = argdown.read("<A>\n\n(1) P\n----\n(2) C\n\n<A>\n  <_ [U]: The inference fails.\n").map
    undercut = next(r for r in argmap.relations.values() if argmap.claims[r.premises[0]].text == "The inference fails.")
    assert undercut.target in argmap.relations


@pytest.mark.parametrize(
    "text",
    [
        "[A]: one\n  + ",
        "  + orphan",
        "===\ntitle: x\n",
        "(1) premise only\n",
        "<A>\n\n(1) P\n----\n(2) C\n\n<A>\n\n(1) Q\n----\n(2) D\n",
        "[A]: x {bad: [1,2]; y}\n",
    ],
)
def test_malformed_argdown_is_one_clean_error(text: str) -> None:
    with pytest.raises(ArgmapError):
        argdown.read(text)


def _with_everything() -> ArgMap:
    graph = MapGraph(ops.new_map("Thesis with [brackets] & *stars* // no comment {no: data}", thesis_id="thesis"))
    for edit in [
        lambda: ops.add_reason(graph, "thesis", "A reason #notatag <x> @[y]", claim_id="a"),
        lambda: ops.add_co_premise(graph, "r-a", "(1) A co-premise - + ----", claim_id="b"),
        lambda: ops.add_objection(graph, "thesis", "An objection", claim_id="c"),
        lambda: ops.add_co_premise(graph, "r-c", "Its partner", claim_id="d"),
        lambda: ops.add_reason(graph, "thesis", "+ Simple reason", claim_id="e"),
        lambda: ops.add_undercut(graph, "r-e", "Undercut of e", claim_id="u"),
        lambda: ops.add_objection(graph, "e", "-> Objection to e", claim_id="f"),
        lambda: ops.add_undercut(graph, "r-f", "Undercut of f", claim_id="v"),
        lambda: ops.add_co_premise(graph, "r-v", "Linked undercut partner", claim_id="w"),
        lambda: ops.add_claim(graph, "r-a", "Backing of a", RelationType.SUPPORT, claim_id="k"),
        lambda: ops.set_tags(graph, "a", ["tag one", "two"]),
    ]:
        graph.apply(edit())
    return graph.map


def _argdown_json(cli: str, folder: Path, texts: list[str]) -> list[dict]:
    """Run the real ``argdown json`` once over several files; its JSON for each."""
    for n, text in enumerate(texts):
        (folder / f"m{n}.argdown").write_text(text, encoding="utf-8")
    out = folder / "json"
    run = subprocess.run(
        [cli, "json", str(folder / "*.argdown"), str(out)], capture_output=True, text=True, timeout=120
    )
    assert run.returncode == 0, run.stdout + run.stderr
    return [json.loads((out / f"m{n}.json").read_text(encoding="utf-8")) for n in range(len(texts))]


@pytest.mark.needs("argdown")
def test_export_parses_with_the_real_argdown_cli_into_the_same_map(tmp_path: Path) -> None:
    cli = require_tool("argdown")
    maps_ = [_with_everything(), ArgMap(argmap=1, title="Nothing yet")]
    if SEED_MAP.exists():
        maps_.append(store.load(SEED_MAP))
    texts = [argdown.write(m)[0] for m in maps_]
    for argmap, text, data in zip(maps_, texts, _argdown_json(cli, tmp_path, texts), strict=True):
        theirs = argdown.to_map(argdown.model_from_json(data)).map
        assert structure(theirs) == structure(argmap)
        assert structure(argdown.read(text).map) == structure(argmap)
        assert {c.tags for c in theirs.claims.values()} >= {c.tags for c in argmap.claims.values()}


@pytest.mark.needs("argdown")
@settings(
    max_examples=2,
    deadline=None,
    phases=[Phase.explicit, Phase.reuse, Phase.generate],  # shrinking through the CLI would take minutes
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(st.lists(maps(max_steps=15), min_size=6, max_size=6))
def test_generated_maps_survive_the_real_argdown_cli(tmp_path_factory: pytest.TempPathFactory, batch: list) -> None:
    cli = require_tool("argdown")
    texts = [argdown.write(m)[0] for m in batch]
    for argmap, data in zip(batch, _argdown_json(cli, tmp_path_factory.mktemp("ad"), texts), strict=True):
        assert structure(argdown.to_map(argdown.model_from_json(data)).map, flat=True) == structure(argmap, flat=True)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(maps())
def test_map_to_argdown_to_map_keeps_claims_relations_linked_premises_and_undercuts(argmap: ArgMap) -> None:
    text, _ = argdown.write(argmap)
    assert structure(argdown.read(text).map, flat=True) == structure(argmap, flat=True)


def test_export_says_what_argdown_cannot_hold() -> None:
    graph = MapGraph(_with_everything())
    graph.apply(ops.set_kind(graph, "c", "statistic"))
    graph.apply(ops.set_translation(graph, "c", "de", "Ein Einwand"))
    _, warnings = argdown.write(graph.map)
    assert any("basis kinds" in w for w in warnings) and any("translations" in w for w in warnings)


@pytest.mark.parametrize("text", [":#0", "Prices rose #inflation", "See #(the report)"])
def test_a_hash_at_the_end_of_a_claim_is_text_after_export_and_import(text: str) -> None:
    """The exporter escapes ``#``; the reader must not take the escaped end for a tag (found by hypothesis)."""
    argmap = ops.new_map(text, thesis_id="thesis")
    exported, _ = argdown.write(argmap)
    reread = argdown.read(exported).map
    assert [claim.text for claim in reread.claims.values()] == [text]
    assert all(not claim.tags for claim in reread.claims.values())
