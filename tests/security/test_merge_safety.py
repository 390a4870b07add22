"""Merges never break a map silently, and every conflict they record can be settled in any order (issue 14, 6-8)."""

from __future__ import annotations

import itertools
import json
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap import ops, store
from argmap.check import check_map, shape_findings
from argmap.errors import OperationError
from argmap.graph import MapGraph
from argmap.merge import merge_maps, resolve_conflict, resolve_in_map
from argmap.model import ArgMap
from tests.diffmerge_helpers import edited, sample_map
from tests.strategies import versions


def problems(argmap: ArgMap) -> list[str]:
    """What ``check`` finds wrong with a map besides its open conflicts (hints are not problems)."""
    return [f.message for f in check_map(argmap) if f.severity != "hint" and f.code != "merge-conflict"]


def settle_all(argmap: ArgMap, order: tuple[str, ...], choices: tuple[str, ...]) -> ArgMap:
    """Each conflict in ``order`` settled with its choice, or with the other side when that one is refused."""
    for conflict_id, choice in zip(order, choices, strict=True):
        if conflict_id not in argmap.conflicts:
            continue  # settled along with another one (its record went)
        try:
            argmap = resolve_in_map(argmap, conflict_id, choice)
        except OperationError:
            argmap = resolve_in_map(argmap, conflict_id, "theirs" if choice == "ours" else "ours")
    return argmap


def every_way(argmap: ArgMap) -> list[ArgMap]:
    """The map with its conflicts settled in every order, with every choice of sides."""
    ids = sorted(argmap.conflicts)
    return [
        settle_all(argmap, order, choices)
        for order in itertools.permutations(ids)
        for choices in itertools.product(("ours", "theirs"), repeat=len(ids))
    ]


def crossing_moves() -> tuple[ArgMap, ArgMap, ArgMap]:
    """Ours hangs one reason of the thesis under another; theirs hangs the other under the first."""
    base = sample_map()
    ours = edited(base, lambda g: ops.move_claim(g, "no-complementarity", "shells"))
    theirs = edited(base, lambda g: ops.move_claim(g, "shells", "no-complementarity"))
    return base, ours, theirs


def test_crossing_moves_are_a_conflict_not_a_support_loop() -> None:
    base, ours, theirs = crossing_moves()
    assert not problems(ours) and not problems(theirs)
    result = merge_maps(base, ours, theirs)
    assert not result.clean, "a merge that breaks the map must not report success"
    assert not problems(result.map), problems(result.map)
    assert result.map.relations["r-no-complementarity"].target == "shells", "ours' move is kept"
    conflict = result.conflicts["relations.r-shells"]
    assert conflict.theirs["target"] == "no-complementarity"
    with pytest.raises(OperationError, match="circular support"):
        resolve_in_map(result.map, "relations.r-shells", "theirs")
    settled = resolve_in_map(result.map, "relations.r-shells", "ours")
    assert not settled.conflicts and not problems(settled)


def test_crossing_moves_through_the_cli_exit_1(tmp_path: Path) -> None:
    from argmap.cli import main

    paths = []
    for name, argmap in zip(("base", "ours", "theirs"), crossing_moves(), strict=True):
        paths.append(tmp_path / f"{name}.argmap.json")
        store.save(argmap, paths[-1])
    out = tmp_path / "merged.argmap.json"
    assert main(["merge", *map(str, paths), "-o", str(out)]) == 1
    assert "relations.r-shells" in json.loads(out.read_text())["conflicts"]


def test_each_side_deleting_a_different_premise_of_one_group_resolves_in_any_order() -> None:
    base = sample_map()
    ours = edited(base, lambda g: ops.delete_claim(g, "shells"))
    theirs = edited(base, lambda g: ops.delete_claim(g, "stocks"))
    result = merge_maps(base, ours, theirs)
    assert set(result.conflicts) == {"claims.shells", "claims.stocks"}
    assert not problems(result.map)
    outcomes = every_way(result.map)
    for settled in outcomes:
        assert not settled.conflicts and not problems(settled)
    groups = {settled.relations["r-shells"].premises if "r-shells" in settled.relations else () for settled in outcomes}
    assert groups == {(), ("shells",), ("stocks",), ("shells", "stocks")}


def test_a_restored_claim_keeps_its_link_to_its_parent() -> None:
    base = sample_map()
    ours = edited(base, lambda g: ops.delete_claim(g, "treaty"))
    theirs = edited(base, lambda g: ops.add_reason(g, "treaty", "It was ratified.", claim_id="ratified"))
    result = merge_maps(base, ours, theirs)
    assert result.map.relations["r-treaty"] == base.relations["r-treaty"]
    assert not problems(result.map)
    kept = resolve_in_map(result.map, "claims.treaty", "theirs")
    assert not problems(kept) and "ratified" in kept.claims
    gone = resolve_in_map(result.map, "claims.treaty", "ours")
    assert not problems(gone) and "ratified" not in gone.claims


def test_a_restored_chain_comes_back_up_to_what_remains() -> None:
    base = edited(sample_map(), lambda g: ops.add_reason(g, "treaty", "It was signed in June.", claim_id="june"))
    ours = edited(base, lambda g: ops.delete_claim(g, "treaty"))
    theirs = edited(base, lambda g: ops.add_reason(g, "june", "Photos show it.", claim_id="photos"))
    result = merge_maps(base, ours, theirs)
    assert {"claims.treaty", "claims.june"} <= set(result.conflicts)
    assert not problems(result.map)
    for settled in every_way(result.map):
        assert not settled.conflicts and not problems(settled)


def test_a_field_conflict_of_a_record_deleted_meanwhile_still_resolves() -> None:
    base = sample_map()
    result = merge_maps(
        base,
        edited(base, lambda g: ops.set_weight(g, "r-treaty", 0.2)),
        edited(base, lambda g: ops.set_weight(g, "r-treaty", 0.8)),
    )
    graph = MapGraph(result.map)
    graph.apply(ops.delete_claim(graph, "treaty"))
    assert "relations.r-treaty.weight" not in resolve_in_map(graph.map, "relations.r-treaty.weight", "theirs").conflicts


def test_resolving_drops_conflicts_about_records_it_deletes() -> None:
    base = sample_map()
    ours = edited(base, lambda g: ops.delete_claim(g, "treaty"))
    theirs = edited(base, lambda g: ops.set_weight(g, "r-treaty", 0.8))
    result = merge_maps(base, ours, theirs)
    assert {"relations.r-treaty", "claims.treaty"} <= set(result.map.conflicts)
    graph = MapGraph(result.map)
    edit = resolve_conflict(graph, "claims.treaty", "ours")
    graph.apply(edit)
    assert "treaty" not in graph.map.claims and not graph.map.conflicts
    assert not problems(graph.map)
    graph.apply(edit.inverse())
    assert graph.map == result.map


def shape(argmap: ArgMap, renamed: dict[str, str] | None = None) -> set[tuple[str, str | None]]:
    """What is wrong with a map's shape, by kind and subject; ``renamed`` gives theirs' ids after the merge.

    Without a thesis every claim is cut off: that counts once, as the missing thesis.
    """
    names = renamed or {}
    found = {(f.code, names.get(f.subject or "", f.subject)) for f in shape_findings(argmap)}
    if ("no-thesis", None) in found:
        found = {(code, subject) for code, subject in found if code != "unreachable"}
    return found


SETTLE = settings(
    max_examples=int(os.environ.get("ARGMAP_MERGE_EXAMPLES", "60")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)


@SETTLE
@given(versions(), st.randoms(use_true_random=False))
def test_merging_then_settling_in_any_order_never_breaks_the_map(maps3, rng) -> None:
    """The merged map breaks nothing neither side broke, and neither does settling its conflicts, in any order."""
    base, ours, theirs = maps3
    result = merge_maps(base, ours, theirs)
    already = shape(ours) | shape(theirs, result.renamed)
    argmap = result.map
    assert shape(argmap) <= already, "the merge broke the map"
    pending = sorted(argmap.conflicts)
    rng.shuffle(pending)
    for conflict_id in pending:
        if conflict_id not in argmap.conflicts:
            continue  # settled along with another one (its record went)
        choices = ["ours", "theirs"]
        rng.shuffle(choices)
        refusals = []
        for choice in choices:
            try:
                argmap = resolve_in_map(argmap, conflict_id, choice)
                break
            except OperationError as error:
                refusals.append(str(error))
        else:
            raise AssertionError(f"{conflict_id} cannot be settled: {refusals}")
        assert shape(argmap) <= already, f"settling {conflict_id} broke the map"
    assert not argmap.conflicts
    assert store.loads(store.dumps(argmap)).map == argmap


def test_git_merge_of_crossing_moves_stops_with_a_conflict_that_resolve_settles(tmp_path: Path) -> None:
    from tests.test_git_drivers import Repo

    base, ours, theirs = crossing_moves()
    repo = Repo(tmp_path / "repo")
    repo.path.mkdir()
    repo.git("init", "-q", "-b", "main")
    repo.git("config", "user.name", "Test Person")
    repo.git("config", "user.email", "test@example.org")
    assert repo.argmap("git-setup").returncode == 0
    path = repo.path / "m.argmap.json"
    for branch, version in (("main", base), ("feature", theirs), ("main", ours)):
        if branch == "feature":
            repo.git("checkout", "-qb", "feature")
        elif version is ours:
            repo.git("checkout", "-q", "main")
        store.save(version, path)
        repo.git("add", ".")
        repo.git("commit", "-qm", branch)
    merged = repo.git("merge", "feature", "-m", "merge", check=False)
    assert merged.returncode == 1 and "relations.r-shells" in merged.stderr
    refused = repo.argmap("resolve", "m.argmap.json", "relations.r-shells", "--theirs")
    assert refused.returncode == 2 and "circular support" in refused.stderr
    assert repo.argmap("resolve", "m.argmap.json", "relations.r-shells", "--ours").returncode == 0
    assert repo.argmap("check", "m.argmap.json").returncode == 0
