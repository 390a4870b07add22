"""Finding claims by a piece of their text or id: the index agrees with a plain scan after any edits."""

from __future__ import annotations

import random
from pathlib import Path

from argmap import ops
from argmap.document import Document
from argmap.find import REFOLD_AFTER, ClaimIndex
from argmap.find import scan as plain_scan
from argmap.graph import MapGraph
from argmap.model import ArgMap, Claim
from argmap.outline import outline
from argmap.render.dot import build_dot
from argmap.render.options import RenderOptions


def scan(argmap: ArgMap, query: str, exclude: str | None = None) -> set[str]:
    needle = query.casefold().strip()
    return {
        cid
        for cid, claim in argmap.claims.items()
        if cid != exclude and (needle in claim.text.casefold() or needle in cid)
    }


def test_text_and_id_in_any_case_in_map_order(uniforms_path: Path) -> None:
    document = Document.open(uniforms_path)
    assert document.find_claims("BULLY", 10) == ["bullying", "clothing", "markers"]
    assert document.find_claims("subsid", 10) == ["subsidy"]
    assert document.find_claims("  cost ", 10, exclude="cost") == []
    assert document.find_claims("", 2) == ["bullying", "clothing"]
    assert document.find_claims("bully", 2) == ["bullying", "clothing"]
    assert document.find_claims("zzz", 10) == []


def test_no_match_runs_from_one_claim_into_the_next() -> None:
    claims = {"a": Claim(text="ends with x"), "b": Claim(text="y starts here")}
    index = ClaimIndex(claims)
    assert index.find(claims, "xy", 10) == []
    assert index.find(claims, "x\x1ey", 10) == []
    assert index.find(claims, "x\x1fa", 10) == []


def test_edits_undo_and_redo_keep_the_index_in_step(uniforms_path: Path) -> None:
    document = Document.open(uniforms_path)
    assert document.find_claims("bull", 10)  # the index exists from here on
    document.apply(ops.edit_text(document.graph, "markers", "Teasing moves elsewhere."))
    document.apply(ops.add_objection(document.graph, "cost", "Bullies find other targets."))
    document.apply(ops.delete_claim(document.graph, "clothing"))
    for query in ("bull", "teasing", "else", "", "markers", "s"):
        assert set(document.find_claims(query, 100)) == scan(document.map, query), query
    assert document.find_claims("bull", 100)[-1] == "bullies-find-other-targets", "changed claims come last"
    document.undo()
    document.undo()
    assert set(document.find_claims("bull", 100)) == scan(document.map, "bull")
    document.redo()
    assert set(document.find_claims("other", 100)) == scan(document.map, "other")


def test_many_changes_build_the_index_again(uniforms_path: Path) -> None:
    document = Document.open(uniforms_path)
    document.find_claims("x", 1)
    first = document._claim_indexes[None]
    rng = random.Random(7)
    for number in range(REFOLD_AFTER + 5):
        document.apply(ops.add_reason(document.graph, "thesis", f"Reason {number} {rng.random():.6f}"))
    assert set(document.find_claims("reason 12", 10_000)) == scan(document.map, "reason 12")
    assert document._claim_indexes[None] is not first


def test_letters_beyond_ascii_fold_and_match_whole() -> None:
    claims = {"a": Claim(text="Die Straße – breit."), "b": Claim(text="Ein „Partner“ aus Not.")}
    index = ClaimIndex(claims)
    assert index.find(claims, "STRASSE", 10) == ["a"]
    assert index.find(claims, "–", 10) == ["a"]
    assert index.find(claims, "„partner“", 10) == ["b"]
    assert index.find(claims, "not.", 10) == ["b"]


def test_a_display_language_searches_translations_where_there_are_some(uniforms_path: Path) -> None:
    document = Document.open(uniforms_path)
    document.apply(ops.set_translation(document.graph, "cost", "de", "Uniformen kosten Geld."))
    assert document.find_claims("kosten", 10, language="de") == ["cost"]
    assert document.find_claims("kosten", 10) == []
    assert document.find_claims("bully", 10, language="de") == ["bullying", "clothing", "markers"], "untranslated"
    document.apply(ops.set_translation(document.graph, "markers", "de", "Mobbing sucht sich andere Merkmale."))
    assert document.find_claims("mobbing", 10, language="de") == ["markers"], "kept in step with edits"


def test_an_index_built_elsewhere_is_taken_only_if_nothing_changed_since(uniforms_path: Path) -> None:
    document = Document.open(uniforms_path)
    assert document.needs_claim_index(None)
    early = ClaimIndex(dict(document.map.claims))
    revision = document.revision
    document.apply(ops.edit_text(document.graph, "cost", "Uniforms are dear."))
    document.adopt_claim_index(early, revision)
    assert document.needs_claim_index(None), "built before the edit: dropped"
    current = ClaimIndex(dict(document.map.claims))
    document.adopt_claim_index(current, document.revision)
    assert not document.needs_claim_index(None)
    assert document.find_claims("dear", 10) == ["cost"]


def test_without_an_index_the_claims_are_scanned_one_by_one(uniforms_path: Path) -> None:
    document = Document.open(uniforms_path)
    assert document.find_claims("bully", 2, build_index=False) == ["bullying", "clothing"]
    assert document.needs_claim_index(None), "no index was built"
    assert plain_scan(document.map.claims, "BULLY", 10, exclude="clothing") == ["bullying", "markers"]


def test_every_view_shows_a_claim_in_the_chosen_language_or_else_its_own_text(uniforms_map: ArgMap) -> None:
    graph = MapGraph(uniforms_map)
    graph.apply(ops.set_translation(graph, "cost", "de", "Uniformen kosten Familien Geld."))
    claims = graph.map.claims
    assert claims["cost"].shown_text("de") == "Uniformen kosten Familien Geld."
    assert claims["cost"].shown_text(None) == claims["cost"].shown_text("fr") == "Uniforms cost families money."
    rows = {row.claim_id: row for row in outline(graph)}
    assert (
        rows["cost"].text("de") == "Uniformen kosten Familien Geld."
        and rows["bullying"].text("de") == claims["bullying"].text
    )
    assert plain_scan(claims, "kosten", 10, language="de") == ["cost"] and plain_scan(claims, "kosten", 10) == []
    drawn = build_dot(graph.map, RenderOptions(lang="de"))
    assert "Uniformen kosten" in drawn and "Uniforms reduce bullying." in drawn
