"""The three-way merge: clean merges, renames, conflicts kept in the map, resolving them."""

from __future__ import annotations

import pytest

from argmap import ops, store
from argmap.check import check_map
from argmap.errors import OperationError
from argmap.graph import MapGraph
from argmap.merge import conflict_findings, merge_maps, resolve_conflict, resolve_in_map
from argmap.model import Anchor, RelationType
from tests.diffmerge_helpers import edited, sample_map


def test_disjoint_changes_merge_cleanly():
    base = sample_map()
    ours = edited(
        base,
        lambda g: ops.add_reason(g, "treaty", "The treaty has no teeth.", claim_id="no-teeth"),
        lambda g: ops.edit_text(g, "stocks", "North Korea has millions of shells."),
    )
    theirs = edited(
        base,
        lambda g: ops.edit_text(g, "thesis", "It is a partnership of convenience."),
        lambda g: ops.move_claim(g, "no-complementarity", "stocks", via="r-no-complementarity"),
        lambda g: ops.attach_evidence(g, "shells", Anchor(source="article", quote="Granaten", start=5, end=13)),
    )
    result = merge_maps(base, ours, theirs)
    assert result.clean and result.renamed == {}
    merged = result.map
    assert merged.claims["no-teeth"].text == "The treaty has no teeth."
    assert merged.relations["r-no-teeth"].target == "treaty"
    assert merged.claims["stocks"].text == "North Korea has millions of shells."
    assert merged.claims["thesis"].text == "It is a partnership of convenience."
    assert merged.relations["r-no-complementarity"].target == "stocks"
    assert merged.claims["shells"].evidence[0].quote == "Granaten"
    assert merged.conflicts == {}
    assert merge_maps(base, theirs, ours).map == merged


def test_the_same_change_on_both_sides_is_taken_once():
    base = sample_map()
    change = (lambda g: ops.add_reason(g, "thesis", "Both saw this.", claim_id="both"),)
    result = merge_maps(base, edited(base, *change), edited(base, *change))
    assert result.clean and result.renamed == {}
    assert result.map == edited(base, *change)


def test_both_sides_adding_the_same_id_keep_both_and_rewire_theirs():
    base = sample_map()
    ours = edited(base, lambda g: ops.add_reason(g, "thesis", "China stands behind both.", claim_id="china"))
    theirs = edited(
        base,
        lambda g: ops.add_objection(g, "shells", "China disapproves.", claim_id="china"),
        lambda g: ops.add_reason(g, "china", "Beijing said so.", claim_id="beijing"),
    )
    result = merge_maps(base, ours, theirs)
    assert result.clean
    assert result.renamed == {"china": "china-2", "r-china": "r-china-2"}
    merged = result.map
    assert merged.claims["china"].text == "China stands behind both."
    assert merged.claims["china-2"].text == "China disapproves."
    assert merged.relations["r-china-2"].premises == ("china-2",)
    assert merged.relations["r-china-2"].target == "shells"
    assert merged.relations["r-beijing"].target == "china-2"


def test_evidence_tags_and_translations_from_both_sides_are_all_kept():
    base = sample_map()
    first = Anchor(source="article", quote="eins", start=1, end=5)
    second = Anchor(source="article", quote="zwei", start=7, end=11)
    ours = edited(
        base,
        lambda g: ops.attach_evidence(g, "shells", first),
        lambda g: ops.set_tags(g, "shells", ["military"]),
        lambda g: ops.set_translation(g, "shells", "de", "Russland braucht Granaten."),
    )
    theirs = edited(
        base,
        lambda g: ops.attach_evidence(g, "shells", second),
        lambda g: ops.set_tags(g, "shells", ["war"]),
        lambda g: ops.set_translation(g, "shells", "fr", "La Russie a besoin d'obus."),
    )
    result = merge_maps(base, ours, theirs)
    assert result.clean
    claim = result.map.claims["shells"]
    assert claim.evidence == (first, second)
    assert claim.tags == ("military", "war")
    assert claim.translations == {"de": "Russland braucht Granaten.", "fr": "La Russie a besoin d'obus."}


def test_same_field_changed_differently_is_recorded_with_every_wording():
    base = sample_map()
    ours = edited(base, lambda g: ops.edit_text(g, "shells", "Russia needs artillery shells."))
    theirs = edited(base, lambda g: ops.edit_text(g, "shells", "Moscow is short of ammunition."))
    result = merge_maps(base, ours, theirs)
    assert not result.clean
    (cid, conflict) = next(iter(result.conflicts.items()))
    assert cid == "claims.shells.text"
    assert (conflict.table, conflict.id, conflict.field) == ("claims", "shells", "text")
    assert conflict.base == "Russia needs shells for its war."
    assert conflict.ours == "Russia needs artillery shells."
    assert conflict.theirs == "Moscow is short of ammunition."
    assert result.map.claims["shells"].text == "Russia needs artillery shells."
    assert result.map.conflicts == result.conflicts
    data = store.dumps(result.map)
    assert store.loads(data).map == result.map
    assert b"Moscow is short of ammunition." in data
    ((subject, _conflict, message),) = conflict_findings(result.map)
    assert subject == "shells"
    assert "claims.shells.text" in message and "Moscow is short of ammunition." in message


def test_conflicting_translation_is_recorded_per_language():
    base = sample_map()
    ours = edited(base, lambda g: ops.set_translation(g, "shells", "de", "Russland braucht Granaten."))
    theirs = edited(base, lambda g: ops.set_translation(g, "shells", "de", "Moskau fehlt Munition."))
    result = merge_maps(base, ours, theirs)
    assert list(result.conflicts) == ["claims.shells.translations.de"]
    resolved = resolve_in_map(result.map, "claims.shells.translations.de", "theirs")
    assert resolved.claims["shells"].translations == {"de": "Moskau fehlt Munition."}
    assert resolved.conflicts == {}


def test_deleted_on_one_side_edited_on_the_other_keeps_the_edit():
    base = sample_map()
    ours = edited(base, lambda g: ops.delete_claim(g, "treaty"))
    theirs = edited(base, lambda g: ops.edit_text(g, "treaty", "They signed a treaty in June 2024."))
    result = merge_maps(base, ours, theirs)
    conflict = result.conflicts["claims.treaty"]
    assert conflict.ours is None
    assert conflict.theirs == {"text": "They signed a treaty in June 2024."}
    assert result.map.claims["treaty"].text == "They signed a treaty in June 2024."
    deleted = resolve_in_map(result.map, "claims.treaty", "ours")
    assert "treaty" not in deleted.claims and deleted.conflicts == {}
    kept = resolve_in_map(result.map, "claims.treaty", "theirs")
    assert kept.claims["treaty"].text == "They signed a treaty in June 2024."
    assert kept.relations["r-treaty"] == base.relations["r-treaty"], "the kept claim keeps its place"
    assert "unreachable" not in {f.code for f in check_map(kept)}


def test_edited_on_our_side_deleted_on_theirs_keeps_its_place_too():
    base = sample_map()
    ours = edited(base, lambda g: ops.edit_text(g, "treaty", "They signed a treaty in June 2024."))
    theirs = edited(base, lambda g: ops.delete_claim(g, "treaty"))
    result = merge_maps(base, ours, theirs)
    assert result.map.relations["r-treaty"] == base.relations["r-treaty"]
    assert set(result.conflicts) == {"claims.treaty"}


def test_a_reason_added_under_a_claim_the_other_side_deleted_brings_it_back():
    base = sample_map()
    ours = edited(base, lambda g: ops.delete_claim(g, "treaty"))
    theirs = edited(base, lambda g: ops.add_reason(g, "treaty", "It was ratified.", claim_id="ratified"))
    result = merge_maps(base, ours, theirs)
    merged = result.map
    assert merged.relations["r-ratified"].target == "treaty"
    assert merged.claims["treaty"] == base.claims["treaty"]
    assert set(result.conflicts) == {"claims.treaty"}
    assert result.conflicts["claims.treaty"].ours is None
    graph = MapGraph(merged)
    graph.apply(resolve_conflict(graph, "claims.treaty", "ours"))
    assert "treaty" not in merged.claims and "ratified" not in merged.claims


def test_resolve_with_an_edited_value_and_undo():
    base = sample_map()
    result = merge_maps(
        base,
        edited(base, lambda g: ops.set_weight(g, "r-shells", 0.3)),
        edited(base, lambda g: ops.set_weight(g, "r-shells", 0.9)),
    )
    graph = MapGraph(result.map)
    before = store.dumps(graph.map)
    edit = resolve_conflict(graph, "relations.r-shells.weight", "edit", 0.6)
    graph.apply(edit)
    assert graph.map.relations["r-shells"].weight == 0.6 and graph.map.conflicts == {}
    graph.apply(edit.inverse())
    assert store.dumps(graph.map) == before
    with pytest.raises(OperationError, match="not a valid"):
        resolve_conflict(graph, "relations.r-shells.weight", "edit", 7)
    with pytest.raises(OperationError, match="no conflict"):
        resolve_conflict(graph, "claims.nothing.text", "ours")


def test_map_title_conflict():
    base = sample_map()
    ours = base.model_copy(update={"title": "Ours"})
    theirs = base.model_copy(update={"title": "Theirs"})
    result = merge_maps(base, ours, theirs)
    assert result.map.title == "Ours"
    assert result.conflicts["map.title"].theirs == "Theirs"
    assert resolve_in_map(result.map, "map.title", "theirs").title == "Theirs"


def test_merging_maps_that_already_hold_conflicts_keeps_them_all():
    base = sample_map()
    conflicted = merge_maps(
        base,
        edited(base, lambda g: ops.edit_text(g, "shells", "A")),
        edited(base, lambda g: ops.edit_text(g, "shells", "B")),
    ).map
    again = merge_maps(base, conflicted, edited(base, lambda g: ops.edit_text(g, "shells", "C")))
    assert set(again.map.conflicts) == {"claims.shells.text", "claims.shells.text-2"}
    assert {c.theirs for c in again.map.conflicts.values()} == {"B", "C"}


def test_each_side_removing_a_different_linked_premise_is_a_conflict_not_an_empty_relation():
    base = sample_map()
    ours = edited(base, lambda g: ops.delete_claim(g, "stocks"))
    theirs = edited(base, lambda g: ops.update_relation(g, "r-shells", "drop", premises=("stocks",)))
    result = merge_maps(base, ours, theirs)
    assert result.map.relations["r-shells"].premises
    assert "relations.r-shells.premises" in result.conflicts
    assert store.loads(store.dumps(result.map)).map == result.map


def test_link_on_one_side_and_type_change_on_the_other():
    base = sample_map()
    ours = edited(base, lambda g: ops.link_claim(g, "stocks", "treaty", RelationType.ATTACK))
    theirs = edited(base, lambda g: ops.set_relation_type(g, "r-treaty", RelationType.SUPPORT))
    result = merge_maps(base, ours, theirs)
    assert result.clean
    assert result.map.relations["r-stocks"].target == "treaty"
    assert result.map.relations["r-treaty"].type is RelationType.SUPPORT


def test_merge_leaves_its_inputs_alone_even_when_tables_are_shared():
    base = sample_map()
    ours = edited(base, lambda g: ops.delete_claim(g, "treaty"))
    theirs = base.model_copy(
        update={
            "relations": dict(
                edited(base, lambda g: ops.link_claim(g, "treaty", "stocks", RelationType.ATTACK)).relations
            )
        }
    )
    assert theirs.claims is base.claims
    snapshots = [store.dumps(m) for m in (base, ours, theirs)]
    result = merge_maps(base, ours, theirs)
    assert "claims.treaty" in result.conflicts and "treaty" in result.map.claims
    assert [store.dumps(m) for m in (base, ours, theirs)] == snapshots


def test_resolving_a_relation_deleted_on_one_side_takes_its_undercuts_along():
    base = sample_map()
    ours = edited(base, lambda g: ops.delete_claim(g, "stocks"), lambda g: ops.delete_claim(g, "shells"))
    theirs = edited(base, lambda g: ops.add_undercut(g, "r-shells", "Stocks are old.", claim_id="old"))
    result = merge_maps(base, ours, theirs)
    assert result.conflicts["relations.r-shells"].ours is None
    assert result.map.relations["r-old"].target == "r-shells"
    settled = resolve_in_map(result.map, "relations.r-shells", "ours")
    assert "r-shells" not in settled.relations and "r-old" not in settled.relations
    assert all(r.target in settled.claims or r.target in settled.relations for r in settled.relations.values())
