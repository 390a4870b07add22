"""The dialogue layer (locutions, transitions, rephrases) through store, check, edits, diff, merge and textconv."""

from __future__ import annotations

from argmap import ops, store
from argmap.check import check_map
from argmap.diff import apply_diff, describe, diff_maps
from argmap.graph import MapGraph
from argmap.merge import merge_maps
from argmap.model import ArgMap, Claim, Illocution, Locution, Relation, Rephrase, Speaker, Transition
from argmap.textconv import outline as textconv_outline


def debate() -> ArgMap:
    """Two speakers: Ann asserts the thesis, Bob argues for it; a later claim restates Bob's reason."""
    return ArgMap(
        argmap=1,
        speakers={"ann": Speaker(name="Ann"), "bob": Speaker(name="Bob")},
        claims={
            "thesis": Claim(kind="thesis", text="Uniforms help."),
            "reason": Claim(text="They reduce bullying."),
            "again": Claim(text="Bullying goes down with uniforms."),
        },
        relations={"r-reason": Relation(type="support", premises=("reason",), target="thesis")},
        locutions={
            "l-1": Locution(
                text="Ann: Uniforms help.",
                speaker="ann",
                timestamp="2024-02-01 10:00:00",
                illocutions=(Illocution(kind="Asserting", targets=("thesis",)),),
            ),
            "l-2": Locution(text="Bob: They reduce bullying.", speaker="bob"),
            "l-3": Locution(text="Ann: Bob says so.", illocutions=(Illocution(kind="Analysing", targets=("l-2",)),)),
        },
        transitions={
            "ta-1": Transition(
                follows=("l-1",), to=("l-2",), illocutions=(Illocution(kind="Arguing", targets=("r-reason",)),)
            )
        },
        rephrases={"ma-1": Rephrase(premises=("reason",), target="again")},
    )


def test_a_map_with_a_dialogue_layer_saves_and_loads_unchanged() -> None:
    argmap = debate()
    text = store.dumps(argmap)
    assert store.loads(text).map == argmap
    assert store.dumps(store.loads(text).map) == text
    assert b'"locutions"' in text and b'"transitions"' in text and b'"rephrases"' in text


def test_check_names_dangling_and_duplicate_dialogue_ids() -> None:
    argmap = debate()
    assert not [f for f in check_map(argmap) if f.code in ("dangling-id", "duplicate-id")]
    argmap.transitions["ta-1"] = Transition(follows=("l-9",), to=("l-2",))
    argmap.rephrases["ma-1"] = Rephrase(premises=("nowhere",), target="again")
    argmap.locutions["thesis"] = Locution(text="Ann: again")
    found = {(f.code, f.subject, f.message) for f in check_map(argmap) if f.severity == "error"}
    assert ("dangling-id", "ta-1", "transition 'ta-1' names 'l-9' in its follows, which is not in the map") in found
    assert any(code == "dangling-id" and subject == "ma-1" and "'nowhere'" in m for code, subject, m in found)
    assert any(code == "duplicate-id" and subject == "thesis" for code, subject, _ in found)


def test_deleting_a_claim_takes_its_rephrase_and_illocution_targets_and_undo_brings_them_back() -> None:
    argmap = debate()
    graph = MapGraph(argmap)
    before = argmap.model_copy(deep=True)
    edit = ops.delete_claim(graph, "reason")
    graph.apply(edit)
    assert "ma-1" not in argmap.rephrases
    assert argmap.transitions["ta-1"].illocutions[0].targets == ()
    assert not [f for f in check_map(argmap) if f.code == "dangling-id"]
    graph.apply(edit.inverse())
    assert argmap == before


def test_diff_and_textconv_show_dialogue_changes() -> None:
    old = debate()
    new = old.model_copy(deep=True)
    new.locutions["l-2"] = new.locutions["l-2"].model_copy(update={"text": "Bob: They cut bullying."})
    entries = describe(diff_maps(old, new), old, new)
    assert [(e.table, e.id) for e in entries] == [("locutions", "l-2")]
    assert apply_diff(old, diff_maps(old, new)) == new
    outline = textconv_outline(new)
    assert 'locution l-2 bob: "Bob: They cut bullying."' in outline
    assert "transition ta-1 (Default Transition): l-1 -> l-2 [Arguing r-reason]" in outline


def test_merge_renames_a_locution_both_sides_added_under_one_id() -> None:
    base = debate()
    ours, theirs = base.model_copy(deep=True), base.model_copy(deep=True)
    ours.locutions["l-4"] = Locution(text="Ann: No.", speaker="ann")
    theirs.locutions["l-4"] = Locution(text="Bob: Yes.", speaker="bob")
    theirs.transitions["ta-2"] = Transition(follows=("l-2",), to=("l-4",))
    merged = merge_maps(base, ours, theirs)
    assert merged.clean and merged.renamed == {"l-4": "l-4-2"}
    assert merged.map.locutions["l-4-2"].text == "Bob: Yes."
    assert merged.map.transitions["ta-2"].to == ("l-4-2",)
