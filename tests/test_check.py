"""Each finding of ``argmap check``, on real files, through the real command."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from argmap import anchor, ops, store
from argmap.check import check_map
from argmap.finding_codes import FindingCode
from argmap.graph import MapGraph
from argmap.model import ArgMap, Claim, ClaimKind, Relation, RelationType
from argmap.sources import describe_source
from tests import in_process

ROOT = Path(__file__).resolve().parent.parent
TEXT = "Uniforms are expensive. Many families struggle to pay for them. Bullying is common at school.\n"


def run_check(*args: str) -> subprocess.CompletedProcess[str]:
    return in_process.run("check", *args, cwd=ROOT)


@pytest.fixture
def annotated(tmp_path: Path, uniforms_map: ArgMap) -> Path:
    """The uniforms map with a source text beside it and every claim anchored."""
    (tmp_path / "sources").mkdir()
    text_path = tmp_path / "sources" / "essay.en.txt"
    text_path.write_text(TEXT)
    path = tmp_path / "uniforms.argmap.json"
    graph = MapGraph(uniforms_map)
    source_id, source = describe_source(path, text_path)
    graph.apply(ops.add_source(graph, source_id, source))
    for claim_id, quote in [
        ("bullying", "Bullying is common"),
        ("cost", "Uniforms are expensive"),
        ("subsidy", "pay for them"),
        ("markers", "at school"),
        ("clothing", "common"),
    ]:
        graph.apply(ops.attach_evidence(graph, claim_id, anchor.find_quote(source_id, TEXT, quote)))
    store.save(graph.map, path)
    return path


def codes(path: Path) -> list[str]:
    mapfile = store.read(path)
    return [f.code for f in check_map(mapfile.map, path, mapfile.duplicates)]


def edit_json(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new, 1))


def test_a_clean_map_exits_0(annotated: Path) -> None:
    result = run_check(str(annotated))
    assert result.returncode == 0, result.stdout
    assert "no findings" in result.stdout


def test_missing_evidence_is_a_hint_only(uniforms_path: Path) -> None:
    result = run_check(str(uniforms_path))
    assert result.returncode == 0
    assert result.stdout.count("no-evidence") == 5


def test_dangling_ids(annotated: Path) -> None:
    edit_json(annotated, '"target": "cost"', '"target": "costs"')
    edit_json(annotated, '"bullying",\n        "clothing"', '"bullying",\n        "clothes"')
    assert codes(annotated).count("dangling-id") == 2
    result = run_check(str(annotated))
    assert result.returncode == 1
    assert "'costs'" in result.stdout and "'clothes'" in result.stdout


def test_duplicate_ids_from_the_file(annotated: Path) -> None:
    edit_json(annotated, '    "cost": {', '    "subsidy": {\n      "text": "x"\n    },\n    "cost": {')
    result = run_check(str(annotated))
    assert result.returncode == 1
    assert "duplicate-id" in result.stdout and "'subsidy' stands twice in claims" in result.stdout


def test_a_claim_and_a_relation_with_one_id(annotated: Path) -> None:
    argmap = store.load(annotated)
    relations = {**argmap.relations, "cost": argmap.relations["r-cost"]}
    del relations["r-cost"]
    store.save(argmap.model_copy(update={"relations": relations}), annotated)
    assert "duplicate-id" in codes(annotated)


def test_relation_to_itself(annotated: Path) -> None:
    edit_json(annotated, '"target": "cost"', '"target": "subsidy"')
    assert "self-relation" in codes(annotated)


def test_circular_support_is_a_warning(annotated: Path) -> None:
    argmap = store.load(annotated)
    relations = dict(argmap.relations)
    relations["r-loop"] = Relation(type=RelationType.SUPPORT, premises=("thesis",), target="bullying")
    store.save(argmap.model_copy(update={"relations": relations}), annotated)
    mapfile = store.read(annotated)
    found = [f for f in check_map(mapfile.map, annotated) if f.code == "circular-support"]
    assert [f.severity for f in found] == ["warning"]
    assert "bullying → thesis → bullying" in found[0].message


def test_a_map_without_thesis(annotated: Path) -> None:
    graph = MapGraph(store.load(annotated))
    graph.apply(ops.set_kind(graph, "thesis", "claim"))
    store.save(graph.map, annotated)
    found = codes(annotated)
    assert "no-thesis" in found
    assert found.count("unreachable") == len(graph.map.claims)


def test_unreachable_claim(annotated: Path) -> None:
    argmap = store.load(annotated)
    relations = {rid: r for rid, r in argmap.relations.items() if rid != "r-subsidy"}
    store.save(argmap.model_copy(update={"relations": relations}), annotated)
    mapfile = store.read(annotated)
    found = [f for f in check_map(mapfile.map, annotated) if f.code == "unreachable"]
    assert [f.subject for f in found] == ["subsidy"]


def test_moved_quote_is_found_and_fixed(annotated: Path) -> None:
    text_path = annotated.parent / "sources" / "essay.en.txt"
    text_path.write_text("Introduction added later.\n" + TEXT)
    result = run_check("--no-hints", str(annotated))
    assert result.returncode == 1
    assert "quote-moved" in result.stdout and "now stands at" in result.stdout
    assert "source-changed" in result.stdout
    fixed = run_check("--fix", "--no-hints", str(annotated))
    assert fixed.returncode == 0, fixed.stdout
    argmap = store.load(annotated)
    new_text = text_path.read_text()
    assert all(anchor.matches(a, new_text) for c in argmap.claims.values() for a in c.evidence)


def test_vanished_quote_is_reported_and_not_hidden_by_fix(annotated: Path) -> None:
    text_path = annotated.parent / "sources" / "essay.en.txt"
    text_path.write_text(TEXT.replace("Bullying is common", "Teasing happens"))
    result = run_check("--fix", "--no-hints", str(annotated))
    assert result.returncode == 1
    assert "quote-missing" in result.stdout
    assert "source-changed" in result.stdout, "the hash is not updated while a quote is lost"


def test_missing_source_text(annotated: Path) -> None:
    (annotated.parent / "sources" / "essay.en.txt").unlink()
    assert "source-missing" in codes(annotated)


def test_json_output(annotated: Path) -> None:
    edit_json(annotated, '"target": "cost"', '"target": "costs"')
    result = run_check("--format", "json", str(annotated))
    assert result.returncode == 1
    report = json.loads(result.stdout)
    assert report[0]["map"] == str(annotated)
    assert {"severity": "error", "code": "dangling-id"}.items() <= report[0]["findings"][0].items()


def test_scheme_questions_are_hints_and_unknown_schemes_warnings(annotated: Path) -> None:
    graph = MapGraph(store.load(annotated))
    graph.apply(ops.set_scheme(graph, "r-cost", "negative-consequences"))
    graph.apply(ops.update_relation(graph, "r-subsidy", "a scheme from elsewhere", scheme="wishful-thinking"))
    store.save(graph.map, annotated)
    findings = check_map(store.load(annotated), annotated)
    questions = [f for f in findings if f.code == "open-question"]
    assert questions and all(f.severity == "hint" and f.subject == "r-cost" for f in questions)
    assert [(f.severity, f.subject) for f in findings if f.code == "unknown-scheme"] == [("warning", "r-subsidy")]


def test_many_hints_of_a_kind_are_summed_up_unless_asked_for(tmp_path: Path) -> None:
    graph = MapGraph(ArgMap(argmap=1, claims={"thesis": Claim(kind=ClaimKind.THESIS, text="Thesis.")}))
    for number in range(12):
        graph.apply(ops.add_reason(graph, "thesis", f"Reason {number}."))
    path = tmp_path / "many.argmap.json"
    store.save(graph.map, path)
    grouped = run_check(str(path))
    assert grouped.returncode == 0
    assert "12 claims are not anchored to a passage (argmap check --hints lists them)" in grouped.stdout
    assert grouped.stdout.count("no-evidence") == 1
    listed = run_check("--hints", str(path))
    assert listed.stdout.count("no-evidence") == 12


def test_finding_codes_are_members_of_the_enum_and_json_keeps_their_strings(annotated: Path) -> None:
    edit_json(annotated, '"target": "cost"', '"target": "costs"')
    findings = check_map(store.load(annotated), annotated)
    assert findings and all(type(finding.code) is FindingCode for finding in findings)
    dangling = next(f for f in findings if f.code is FindingCode.DANGLING_ID)
    assert json.loads(json.dumps(dangling.as_dict()))["code"] == "dangling-id"
