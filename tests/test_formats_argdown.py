"""Argdown: the parser against Argdown's own output on real files, and export through the real CLI."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from argdown_reading import argdown_json, differences, reading, titles
from formats_support import CORPUS, ROOT, corpus, structure
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from strategies import maps

from argmap import formats, ops, store, textconv
from argmap.errors import ArgmapError
from argmap.formats import argdown
from argmap.graph import MapGraph
from argmap.model import ArgMap, ClaimKind, RelationType
from argmap.render.dot import build_dot
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
    burden = by_text["Uniforms are a burden."]  # a conclusion is a claim of its own, also with one relation
    cost = argmap.arguments["cost"]
    assert cost.title == "Cost" and [step.claim for step in cost.steps][-1] == burden and cost.steps[-1].inference
    linked = argmap.relations[cost.steps[-1].relation or ""]
    assert linked.type is RelationType.SUPPORT and linked.target == burden and len(linked.premises) == 2
    assert any(r.premises == (burden,) and r.type is RelationType.ATTACK for r in argmap.relations.values())
    bullying = argmap.arguments["bullying"].claim
    assert argmap.arguments["bullying"].description == "Uniforms reduce bullying." and bullying
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


def _as_argmap_reads_it(text: str) -> ArgMap:
    """argmap's reading of Argdown without its own frontmatter data: what Argdown alone says."""
    model = argdown.parse(text)
    model.argmap_data = None
    return argdown.to_map(model).map


@pytest.mark.needs("argdown")
def test_export_parses_with_the_real_argdown_cli_as_argmap_reads_it(tmp_path: Path) -> None:
    cli = require_tool("argdown")
    maps_ = [_with_everything(), ArgMap(argmap=1, title="Nothing yet")]
    if SEED_MAP.exists():
        maps_.append(store.load(SEED_MAP))
    texts = [argdown.write(m)[0] for m in maps_]
    for argmap, text, data in zip(maps_, texts, _argdown_json(cli, tmp_path, texts), strict=True):
        theirs = argdown.to_map(argdown.model_from_json(data)).map
        assert structure(theirs) == structure(_as_argmap_reads_it(text))
        assert argdown.read(text).map == argmap
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
    for text, data in zip(texts, _argdown_json(cli, tmp_path_factory.mktemp("ad"), texts), strict=True):
        theirs = argdown.to_map(argdown.model_from_json(data)).map
        assert structure(theirs, flat=True) == structure(_as_argmap_reads_it(text), flat=True)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(maps())
def test_map_to_argdown_to_map_is_exact(argmap: ArgMap) -> None:
    """What Argdown has no syntax for travels in the frontmatter: the map comes back as it was."""
    text, _ = argdown.write(argmap)
    assert argdown.read(text).map == argmap


def test_what_argdown_has_no_syntax_for_travels_in_the_frontmatter() -> None:
    graph = MapGraph(_with_everything())
    graph.apply(ops.set_kind(graph, "c", "statistic"))
    graph.apply(ops.set_translation(graph, "c", "de", "Ein Einwand"))
    graph.apply(ops.edit_text(graph, "d", "Its partner,\nover two lines"))
    text, warnings = argdown.write(graph.map)
    assert argdown.read(text).map == graph.map
    assert any("line breaks" in w for w in warnings)  # Argdown itself reads one line
    front = text.split("===")[1]
    assert '"translations": {"de": "Ein Einwand"}' in front and '"kind": "statistic"' in front


def test_export_escapes_only_where_argdown_needs_it() -> None:
    sentence = "Fewer cars mean cleaner air, less noise - and e.g. 3.5 % less CO2."
    assert f"[t]: {sentence}" in argdown.write(ops.new_map(sentence, thesis_id="t"))[0]
    for raw, written in [
        ("a [ref] and <arg>", "a \\[ref\\] and \\<arg\\>"),
        ("#tag x#y # z", "\\#tag x\\#y # z"),
        ("snake_case and _italic_ *bold* _ x_", "snake\\_case and \\_italic_ \\*bold\\* _ x_"),
        ("see http://x.org // not a comment", "see http://x.org \\//not a comment".replace("//not", "// not")),
        ("p .^. q .->. r", "p .^. q .->. r"),
    ]:
        assert argdown.escape(raw) == written, raw


@pytest.mark.parametrize("text", [":#0", "Prices rose #inflation", "See #(the report)"])
def test_a_hash_at_the_end_of_a_claim_is_text_after_export_and_import(text: str) -> None:
    """The exporter escapes ``#``; the reader must not take the escaped end for a tag (found by hypothesis)."""
    argmap = ops.new_map(text, thesis_id="thesis")
    exported, _ = argdown.write(argmap)
    reread = argdown.read(exported).map
    assert [claim.text for claim in reread.claims.values()] == [text]
    assert all(not claim.tags for claim in reread.claims.values())


@pytest.mark.needs("argdown")
def test_every_valid_corpus_file_round_trips_as_the_argdown_cli_reads_it(tmp_path: Path) -> None:
    """The Argdown CLI reads import -> export of each valid corpus file as it reads the file itself:
    statements (titles, every text, tags), arguments (titles, descriptions, tags, premise-conclusion
    structures with rules) and relations with their types (docs/formats.md lists the results)."""
    folder = corpus("argdown")
    cli = require_tool("argdown")
    valid = [path for path in sorted(folder.glob("*.argdown")) if path.name not in INVALID]
    texts: dict[str, str] = {}
    for path in valid:
        text = path.read_text(encoding="utf-8")
        texts[f"original-{path.stem}"] = text
        texts[f"round-trip-{path.stem}"] = argdown.write(argdown.read(text, str(path)).map)[0]
    out = argdown_json(cli, tmp_path, texts)
    found = {}
    for path in valid:
        original = out[f"original-{path.stem}"]
        diff = differences(reading(original), reading(out[f"round-trip-{path.stem}"], titles(original)))
        if diff:
            found[path.name] = diff
    assert len(valid) == 21 and not found


@pytest.mark.needs("argdown")
def test_the_seed_maps_export_reads_in_argdown_without_placeholders(tmp_path: Path) -> None:
    if not SEED_MAP.exists():
        pytest.skip("the seed map is absent")
    cli = require_tool("argdown")
    argmap = store.load(SEED_MAP)
    text = argdown.write(argmap)[0]
    data = argdown_json(cli, tmp_path, {"seed": text})["seed"]
    assert not [t for t in data["arguments"] if t.startswith("r-")]
    members = [m for ec in data["statements"].values() for m in ec["members"]]
    assert all(m.get("text") or m.get("isReference") for m in members)
    assert not [t for t in data["statements"] if t.startswith("r-")]
    assert "\\." not in text and "\\," not in text and "\\-" not in text
    assert argdown.read(text).map == argmap


def test_emphasis_links_to_anchors_and_argument_tags_as_argdown_reads_them() -> None:
    text = (
        "[S]: ___all three___ and ****eight stars**** and [Back](#heading-x) #real\n\n"
        "<A>: An argument. #pro #(two words)\n  +> [S]\n"
    )
    argmap = argdown.read(text).map
    claim = argmap.claims["s"]
    assert claim.text == "all three and eight stars and Back" and claim.tags == ("real",)
    assert argmap.arguments["a"].tags == ("pro", "two words")
    assert (
        argmap.arguments["a"].title == "A" and argmap.claims[argmap.arguments["a"].claim or ""].text == "An argument."
    )


def test_contrary_and_contradictory_relations_come_back_and_every_exporter_and_the_outline_take_them() -> None:
    text = (
        "===\nmodel:\n  mode: strict\n===\n\n[H1]: Epidemics cause it.\n  -> [H2]: Examinations cause it.\n\n"
        "[H2]\n  >< [H3]: Nothing causes it.\n  + [E]: Evidence.\n"
    )
    argmap = argdown.read(text).map
    kinds = {(r.premises, r.target): r.type for r in argmap.relations.values()}
    assert kinds[("h1",), "h2"] is RelationType.CONTRARY and kinds[("h2",), "h3"] is RelationType.CONTRADICTORY
    assert kinds[("e",), "h2"] is RelationType.SUPPORT
    exported = argdown.write(argmap)[0]
    assert "mode: strict" in exported and "  >< [H3]" in exported
    assert argdown.read(exported).map == argmap
    for name in ("aif", "xaif", "kialo", "markdown", "mermaid"):
        assert formats.write(name, argmap)[0]
    assert "h1" in build_dot(argmap)
    assert "Nothing causes it." in textconv.outline(argmap)
