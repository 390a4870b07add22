"""Properties of diff and merge over generated maps and random edits (docs/git.md)."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, assume, given, settings

from argmap import store
from argmap.diff import apply_diff, describe, diff_maps
from argmap.diffview import render_json, render_text
from argmap.merge import merge_maps
from argmap.model import ArgMap, Claim, Relation
from tests.strategies import versions

FAST = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(versions())
def test_merge_with_unchanged_theirs_gives_ours(maps3):
    base, ours, _ = maps3
    result = merge_maps(base, ours, base)
    assert result.map == ours and result.clean and not result.renamed


@FAST
@given(versions())
def test_merge_with_unchanged_ours_gives_theirs(maps3):
    base, _, theirs = maps3
    result = merge_maps(base, base, theirs)
    assert result.map == theirs and result.clean and not result.renamed


@FAST
@given(versions())
def test_applying_the_diff_gives_the_new_map(maps3):
    _, old, new = maps3
    diff = diff_maps(old, new)
    assert apply_diff(old, diff) == new
    assert bool(diff) == (old != new)
    entries = describe(diff, old, new)
    assert bool(entries) == bool(diff)
    json.loads(render_json(entries, "old", "new"))
    render_text(entries)


def footprint(base: ArgMap, side: ArgMap) -> tuple[set[str], set[str], set[str]]:
    """The ids a side changed, those it removed, and those its new or changed records point at."""
    changed, removed, refs = set(), set(), set()
    for change in diff_maps(base, side).edit.changes:
        changed.add(change.id)
        if change.after is None:
            removed.add(change.id)
        if isinstance(change.after, Relation):
            refs.update((*change.after.premises, change.after.target))
        if isinstance(change.after, Claim):
            refs.update(anchor.source for anchor in change.after.evidence)
    return changed, removed, refs


@settings(FAST, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(versions())
def test_disjoint_edits_merge_the_same_either_way_round(maps3):
    base, ours, theirs = maps3
    assume(ours != base and theirs != base)
    (changed_a, removed_a, refs_a), (changed_b, removed_b, refs_b) = footprint(base, ours), footprint(base, theirs)
    assume(changed_a.isdisjoint(changed_b) and refs_a.isdisjoint(removed_b) and refs_b.isdisjoint(removed_a))
    one, other = merge_maps(base, ours, theirs), merge_maps(base, theirs, ours)
    assert one.clean and other.clean
    assert one.map == other.map


@FAST
@given(versions())
def test_merge_loses_nothing_and_stays_valid(maps3):
    base, ours, theirs = maps3
    result = merge_maps(base, ours, theirs)
    merged = result.map
    assert store.loads(store.dumps(merged)).map == merged
    kept = {text for claim in merged.claims.values() for text in (claim.text, *claim.translations.values())}
    recorded = json.dumps([c.model_dump(mode="json") for c in merged.conflicts.values()], ensure_ascii=False)
    for side in (ours, theirs):
        for cid, claim in side.claims.items():
            was = base.claims.get(cid)
            written = {claim.text, *claim.translations.values()}
            if was is not None:
                written -= {was.text, *was.translations.values()}
            for text in written:
                assert text in kept or json.dumps(text, ensure_ascii=False) in recorded, f"lost {text!r}"
    for relation in merged.relations.values():
        for ref in (*relation.premises, relation.target):
            assert ref in merged.claims or ref in merged.relations
